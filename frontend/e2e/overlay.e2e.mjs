// An OBS browser source: the overlay URL in Chromium receives simulated chat with emote and badge images, shows an HTML-laden
// message as text (nothing runs), and removes a message that Twitch deletes.
import { runScenario } from './browser.mjs';

const [, , , , simControl, channel] = process.argv;

async function say(user, text, badges = '') {
  const response = await fetch(`${simControl}/channels/${channel}/say?user=${user}&text=${encodeURIComponent(text)}`
    + `&badges=${encodeURIComponent(badges)}`, { method: 'POST' });
  return (await response.json()).result;
}

await runScenario(async (page, overlayUrl, screenshot) => {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.goto(overlayUrl);
  await page.locator('body[data-state="connected"]').waitFor({ state: 'attached', timeout: 15000 });

  await say('viewer', 'Kappa hello catJAM', 'moderator/1,subscriber/12');
  const greeting = page.locator('.message', { hasText: 'hello' });
  await greeting.waitFor({ timeout: 15000 });
  for (const code of ['Kappa', 'catJAM', 'moderator', 'subscriber']) {
    const image = greeting.locator(`img[alt="${code}"]`);
    await image.waitFor();
    await page.waitForFunction((element) => element.complete && element.naturalWidth > 0, await image.elementHandle());
  }

  const attack = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await say('mallory', attack);
  await page.locator('.message', { hasText: '<img src=x onerror=alert(1)>' }).waitFor({ timeout: 15000 });
  if ((await page.locator('img[src="x"]').count()) !== 0) throw new Error('a chatter injected an image element');
  if ((await page.locator('#chat script').count()) !== 0) throw new Error('a chatter injected a script element');

  const doomed = await say('spammer', 'buy followers at example dot com');
  const spam = page.locator('.message', { hasText: 'buy followers' });
  await spam.waitFor({ timeout: 15000 });
  await screenshot('overlay');
  await fetch(`${simControl}/channels/${channel}/delete?user=spammer&id=${doomed}`, { method: 'POST' });
  await spam.waitFor({ state: 'detached', timeout: 15000 });
  await page.locator('.message', { hasText: 'hello' }).waitFor();
  await screenshot('overlay-after-deletion');

  if (dialogs.length > 0) throw new Error(`something ran in the overlay: ${dialogs.join(', ')}`);
});
