// An operator on the Admin page: sees what runs where and Kafka's consumer groups, starts and stops the top streams
// watch with their own account clipping, rebuilds the chat-rooms projection (watches the progress bar fill, reads how
// the rebuilt tables differ from the live ones, swaps them in).
import { runScenario } from './browser.mjs';

await runScenario(async (page, baseUrl, screenshot) => {
  await page.goto(baseUrl);
  await page.getByRole('link', { name: 'Log in with Twitch' }).click();
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor({ timeout: 15000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByTestId('node').waitFor({ timeout: 15000 });
  await page.getByTestId('infrastructure').getByText('PostgreSQL: embedded').waitFor({ timeout: 15000 });
  await page.getByRole('heading', { name: 'Kafka consumer groups' }).waitFor({ timeout: 15000 });
  await page.getByTestId('topic-stagehand.chat.stats').getByText('latest per key (compacted)')
    .waitFor({ timeout: 15000 });
  await page.getByRole('cell', { name: 'stagehand-chat-history' }).waitFor();

  await page.getByTestId('top-streams-stopped').waitFor({ timeout: 15000 });
  await page.getByLabel('Streams (1–100)').fill('3');
  await page.getByLabel('Languages (empty: any)').fill('en, de');
  await page.getByLabel(/^Clipping account/).fill('nobody_logged_in');
  await page.getByRole('button', { name: 'Start watching' }).click();
  await page.getByRole('alert').getByText(/nobody_logged_in cannot clip/).waitFor({ timeout: 15000 });
  await page.getByLabel(/^Clipping account/).fill('opsadmin');
  await page.getByRole('button', { name: 'Start watching' }).click();
  await page.getByTestId('top-streams-running').getByText('Following the top 3 streams in en, de, clipped as opsadmin.')
    .waitFor({ timeout: 15000 });
  await screenshot('admin-top-streams');
  await page.getByTestId('top-streams-running').getByRole('button', { name: 'Stop' }).click();
  await page.getByTestId('top-streams-stopped').waitFor({ timeout: 15000 });

  await page.getByRole('button', { name: 'Rebuild chat-rooms' }).click();
  const rebuild = page.getByTestId('rebuild-chat-rooms');
  await rebuild.and(page.locator('[data-state="BUILDING"]')).waitFor({ timeout: 15000 });
  const seen = [];
  while ((await rebuild.getAttribute('data-state')) === 'BUILDING') {
    const value = await rebuild.getByRole('progressbar').getAttribute('value').catch(() => null);
    if (value !== null) seen.push(Number(value));
    await page.waitForTimeout(100);
  }
  if (!seen.some((value) => value > 0 && value < 1)) {
    throw new Error(`the progress bar never showed a rebuild under way: ${seen.join(', ')}`);
  }
  if (seen.some((value, i) => i > 0 && value < seen[i - 1])) throw new Error(`progress went back: ${seen.join(', ')}`);

  await rebuild.and(page.locator('[data-state="READY"]')).waitFor({ timeout: 60000 });
  await rebuild.getByRole('table', { name: 'Differences in chat-rooms' }).waitFor();
  const summary = await rebuild.textContent();
  if (!summary.includes('Differences from the live tables: 0 rows added, 1 removed, 0 changed.')) {
    throw new Error(`the diff does not show the row only the live tables have: ${summary}`);
  }
  await screenshot('admin-rebuild-ready');
  await rebuild.getByRole('button', { name: 'Swap in' }).click();
  await rebuild.and(page.locator('[data-state="SWITCHED"]')).waitFor({ timeout: 60000 });
  await rebuild.getByText('The rebuilt tables are live').waitFor();
  await screenshot('admin-rebuild-switched');
});
