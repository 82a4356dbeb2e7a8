// A streamer's first visit: the login page in demo mode, a Twitch login through the simulator, the dashboard,
// subscribing a channel until Stagehand is in its chat, the channel's analytics and chat history, its clips page (a
// backtest of another spike rule; auto-clipping it with one's own Twitch account), the public highlight feed,
// creating an overlay for it, a Discord webhook announcing a streamer who goes live, linking Discord on the account
// page, an API token made, used by a script and revoked, the API's description, the dark theme, a phone-sized screen, logging out, and the highlight feed without a login.
// Screenshots at each step.
import { expectEqual, runScenario } from './browser.mjs';

const [, , , , simControl] = process.argv;

await runScenario(async (page, baseUrl, screenshot) => {
  await page.goto(baseUrl);
  expectEqual(await page.title(), 'Stagehand', 'page title');
  const banner = page.getByTestId('demo-banner');
  await banner.waitFor({ timeout: 15000 });
  const text = await banner.textContent();
  if (!text.includes('Demo mode.') || !text.includes('simulated Twitch')) throw new Error(`demo banner says: ${text}`);
  await page.getByRole('heading', { name: 'Log in to Stagehand' }).waitFor();
  await page.getByRole('link', { name: 'Log in with Discord' }).waitFor();
  await screenshot('login');

  await page.getByRole('link', { name: 'Log in with Twitch' }).click();
  await page.getByRole('heading', { name: 'Welcome, Browser_streamer' }).waitFor({ timeout: 15000 });
  expectEqual(new URL(page.url()).pathname, '/', 'landing page');
  for (const part of ['db', 'kafka', 'eventProcessors', 'chatStream', 'twitchChat']) {
    const badge = page.getByTestId(`part-${part}`).locator('.badge');
    await badge.waitFor({ timeout: 15000 });
    expectEqual(await badge.textContent(), 'Up', `${part} status`);
  }
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const title of ['Channels', 'Overlays', 'Notifications', 'Analytics', 'Clips', 'Highlights', 'Chat rooms',
    'Account']) {
    await nav.getByRole('link', { name: title }).waitFor();
  }
  if ((await nav.getByRole('link', { name: 'Admin' }).count()) !== 0) throw new Error('a streamer sees the admin page');
  await screenshot('overview');

  await nav.getByRole('link', { name: 'Channels' }).click();
  await page.getByLabel('Twitch channel').fill('pixelpanda');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  const pixelpanda = page.getByTestId('channel-pixelpanda');
  await pixelpanda.getByText('In chat').waitFor({ timeout: 20000 });
  await pixelpanda.getByRole('button', { name: 'Emotes' }).click();
  await pixelpanda.getByRole('button', { name: 'Refresh now' }).click();
  await pixelpanda.getByRole('region', { name: 'Badges' }).locator('img[alt="subscriber/12"]')
    .waitFor({ timeout: 15000 });
  await screenshot('channels');

  await nav.getByRole('link', { name: 'Analytics' }).click();
  await page.getByTestId('stats-now').waitFor({ timeout: 15000 });
  await page.getByTestId('minute-chart').locator('rect[height]:not([height="0"])').first()
    .waitFor({ state: 'attached', timeout: 30000 });
  const results = page.getByTestId('history-results').locator('li');
  for (let tries = 0; (await results.count()) === 0; tries++) {
    if (tries === 30) throw new Error('chat history stayed empty');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForTimeout(500);
  }
  await screenshot('analytics');

  await nav.getByRole('link', { name: 'Clips' }).click();
  await page.getByTestId('auto-clippers').getByText('Nobody auto-clips this channel.').waitFor({ timeout: 15000 });
  if ((await page.getByRole('group', { name: 'As the broadcaster' }).count()) !== 0) {
    throw new Error('a subscriber who is not the broadcaster sees the broadcaster\'s choices');
  }
  await page.getByLabel('Clip every chat spike on Twitch with my Twitch account').click();
  await page.getByRole('status').getByText('Saved: chat spikes become clips made with your Twitch account.')
    .waitFor({ timeout: 15000 });
  await page.getByTestId('auto-clippers').getByText(/^You auto-clip this channel/).waitFor();
  await page.getByLabel('Minimum lift (messages)').fill('0');
  await page.getByText('Minimum lift (messages) must be between 1 and 100000').waitFor();
  await page.getByLabel('Minimum lift (messages)').fill('5');
  await page.getByLabel('Try it on the last').selectOption('1');
  await page.getByRole('button', { name: 'Backtest' }).click();
  await page.getByTestId('backtest').getByText(/This rule would have made .* from \d+ messages/).waitFor({ timeout: 15000 });
  await page.getByText('No clips in this time.').waitFor();
  await page.getByTestId('warm-up').getByText(/^The detector is (warming up|warm): /).waitFor({ timeout: 15000 });
  await screenshot('clips');

  await nav.getByRole('link', { name: 'Highlights' }).click();
  await page.getByRole('heading', { name: 'Highlights' }).waitFor();
  await page.getByTestId('highlights-range').waitFor({ timeout: 15000 });
  await page.getByLabel('At least intensity').selectOption('0');
  await screenshot('highlights');

  await nav.getByRole('link', { name: 'Overlays' }).click();
  await page.getByRole('button', { name: 'Create overlay' }).click();
  await page.getByTestId('overlay-Main scene').waitFor({ timeout: 15000 });
  const url = await page.getByLabel('OBS browser source (1920 × 1080)').inputValue();
  if (!/\/overlay\/[A-Za-z0-9_-]{43}$/.test(url)) throw new Error(`the overlay URL is ${url}`);
  await page.frameLocator('iframe.preview').locator('body[data-state="connected"]')
    .waitFor({ state: 'attached', timeout: 15000 });
  const mainScene = page.getByTestId('overlay-Main scene');
  await mainScene.getByRole('button', { name: 'History' }).click();
  await mainScene.getByRole('list', { name: 'Versions of Main scene' }).getByText(/^Version 1 · /)
    .waitFor({ timeout: 15000 });
  await screenshot('overlays');

  await nav.getByRole('link', { name: 'Notifications' }).click();
  await page.getByLabel('Discord webhook URL').fill('https://example.com/not-a-webhook');
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await page.getByRole('alert').getByText('This is not a Discord webhook URL.').waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: 'Use the demo Discord channel' }).click();
  await page.getByRole('status').getByText(/A webhook of the demo's Discord channel is filled in/)
    .waitFor({ timeout: 15000 });
  const discordWebhookUrl = await page.getByLabel('Discord webhook URL').inputValue();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  const webhook = page.getByTestId('webhook-Demo Discord channel');
  await webhook.waitFor({ timeout: 15000 });
  if ((await webhook.textContent()).includes(discordWebhookUrl.split('/').pop())) {
    throw new Error('the webhook token is shown');
  }
  await webhook.getByTestId('demo-discord').getByText('No message yet').waitFor({ timeout: 15000 });
  await webhook.getByLabel('Twitch login').fill('browser_live');
  await webhook.getByRole('button', { name: 'Subscribe' }).click();
  await webhook.getByText('Streamer Browser_live').waitFor({ timeout: 15000 });
  await fetch(`${simControl}/channels/browser_live/live?game_id=509658&game=Just%20Chatting&title=First%20stream`
    + '&viewers=3', { method: 'POST' });
  await webhook.getByTestId('delivery-DELIVERED').waitFor({ timeout: 20000 });
  await webhook.getByTestId('demo-discord').getByTestId('discord-message').getByText('First stream')
    .waitFor({ timeout: 15000 });
  await screenshot('notifications');
  await webhook.getByRole('button', { name: 'Edit' }).click();
  const editor = webhook.getByRole('form', { name: 'Options of Browser_live' });
  await editor.getByLabel('When the stream ends').selectOption('KEEP');
  await editor.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').getByText("Browser_live's announcements changed.").waitFor({ timeout: 15000 });
  await webhook.getByText('then leave the message').waitFor({ timeout: 15000 });

  // Discord loses the webhook: the next announcement finds it gone, the page says so, and a new URL given in place
  // (subscriptions and log kept) takes the abandoned announcement on "Try again".
  await fetch(`${simControl}/channels/browser_second`);
  await webhook.getByLabel('Twitch login').fill('browser_second');
  await webhook.getByRole('button', { name: 'Subscribe' }).click();
  await webhook.getByText('Streamer Browser_second').waitFor({ timeout: 15000 });
  const discordWebhookId = /\/webhooks\/(\d+)\//.exec(discordWebhookUrl)[1];
  await fetch(`${simControl}/discord/webhooks/${discordWebhookId}`, { method: 'DELETE' });
  // An unbroken 140-character word in the title: it breaks inside the log and the Discord view, never widens the page.
  await fetch(`${simControl}/channels/browser_second/live?game_id=509658&game=Just%20Chatting`
    + `&title=Second%20stream%20${'W'.repeat(140)}&viewers=5`, { method: 'POST' });
  await webhook.getByTestId('delivery-ABANDONED').waitFor({ timeout: 20000 });
  await webhook.getByText(/^Disabled: /).waitFor({ timeout: 15000 });
  await screenshot('notifications-disabled');
  const newUrl = webhook.getByRole('form', { name: 'New URL of Demo Discord channel' });
  await newUrl.getByRole('button', { name: 'New demo webhook' }).click();
  await page.getByRole('status').getByText(/A new webhook of the demo's Discord channel is filled in/)
    .waitFor({ timeout: 15000 });
  await newUrl.getByRole('button', { name: 'Use this URL' }).click();
  await page.getByRole('status').getByText('Demo Discord channel now posts to its new URL: Discord confirmed it.')
    .waitFor({ timeout: 15000 });
  await webhook.getByText(/^Disabled: /).waitFor({ state: 'detached', timeout: 15000 });
  await webhook.getByText('Streamer Browser_second').waitFor();
  await webhook.getByTestId('delivery-ABANDONED').getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('status').getByText("Trying Browser_second's announcement again.").waitFor({ timeout: 15000 });
  await webhook.getByTestId('demo-discord').getByTestId('discord-message').getByText('Second stream')
    .waitFor({ timeout: 20000 });
  await webhook.getByTestId('delivery-ABANDONED').waitFor({ state: 'detached', timeout: 15000 });
  await screenshot('notifications-new-url');

  await nav.getByRole('link', { name: 'Account' }).click();
  expectEqual(new URL(page.url()).pathname, '/account', 'account page address');
  await page.getByTestId('identity-twitch').waitFor();
  await page.getByRole('button', { name: 'Link Discord' }).click();
  await page.getByTestId('identity-discord').waitFor({ timeout: 15000 });
  expectEqual(new URL(page.url()).pathname, '/account', 'back on the account page after linking');
  const discord = await page.getByTestId('identity-discord').textContent();
  if (!discord.includes('browser_admin')) throw new Error(`the Discord identity says: ${discord}`);
  await screenshot('account-linked');

  // A personal API token: made, shown once, good for a script, revoked.
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByLabel('Name').fill('e2e script');
  await tokens.getByLabel('may change data').check();
  await tokens.getByRole('button', { name: 'Make a token' }).click();
  const token = (await tokens.getByTestId('new-token').locator('code').textContent()).trim();
  if (!token.startsWith('sht_')) throw new Error(`the new token reads ${token}`);
  const asScript = await page.request.get(`${baseUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  expectEqual(asScript.status(), 200, 'the API answers the token');
  await tokens.getByTestId('api-tokens').getByText('e2e script · read-write').waitFor();
  await screenshot('account-token');
  await tokens.getByRole('button', { name: 'Revoke' }).click();
  await tokens.getByText('e2e script was revoked').waitFor();
  const revoked = await page.request.get(`${baseUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  expectEqual(revoked.status(), 401, 'a revoked token is refused');
  await tokens.getByRole('link', { name: 'the API\'s description' }).click();
  await page.getByRole('heading', { name: /Stagehand API/ }).waitFor({ timeout: 15000 });
  await page.getByText('/api/me/tokens').first().waitFor();
  await screenshot('api-docs');
  await page.goBack();

  await page.reload();
  await page.getByTestId('identity-discord').waitFor({ timeout: 15000 });

  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  await screenshot(`account-${theme}`);

  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/', '/channels', '/overlays', '/notifications', '/analytics', '/clips', '/highlights', '/rooms',
    '/account']) {
    await page.goto(baseUrl + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15000 });
    await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => {});
    const widest = await page.evaluate(() => {
      const overflow = document.documentElement.scrollWidth - window.innerWidth;
      if (overflow <= 0) return null;
      // The innermost element reaching past the screen's edge is what widens the page.
      const clipped = (element) => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX !== 'visible') return true;
        }
        return false;
      };
      const past = [...document.body.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(element));
      const innermost = past.filter((element) => !past.some((other) => other !== element && element.contains(other)));
      return `${overflow} px wider than a phone's screen; reaching past its edge: ${innermost.slice(0, 5)
        .map((element) => `<${element.tagName.toLowerCase()}> ${element.textContent.slice(0, 40)}`).join(' | ')}`;
    });
    if (widest) throw new Error(`${path} is ${widest}`);
    await screenshot(`phone${path === '/' ? '-overview' : path.replace('/', '-')}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in to Stagehand' }).waitFor({ timeout: 15000 });
  const me = await page.evaluate(async () => (await fetch('/api/me')).status);
  expectEqual(me, 401, 'GET /api/me after logging out');
  await screenshot('logged-out');

  await page.getByRole('link', { name: 'highlights' }).click();
  await page.getByRole('heading', { name: 'Highlights' }).waitFor({ timeout: 15000 });
  await page.getByTestId('highlights-range').waitFor({ timeout: 15000 });
  expectEqual(new URL(page.url()).pathname, '/highlights', 'the public highlight feed address');
  await screenshot('highlights-anonymous');
});
