// Two people in the same chat room: an anonymous reader (who may not send) and an operator logged in with Twitch, who
// gives the room another style with the style picker and chats; the message reaches both, styled, with its original.
import { runScenario } from './browser.mjs';

await runScenario(async (page, baseUrl, screenshot, newPage) => {
  const reader = await newPage();
  await reader.goto(`${baseUrl}/rooms`);
  await reader.getByRole('heading', { name: 'Chat rooms' }).waitFor({ timeout: 15000 });
  await reader.getByRole('button', { name: 'Browser Room' }).click();
  await reader.locator('[data-testid="room-browser-room"][data-state="connected"]').waitFor({ timeout: 15000 });
  await reader.getByTestId('read-only').waitFor();
  if ((await reader.getByRole('button', { name: 'Send' }).count()) !== 0) throw new Error('an anonymous reader can send');
  if ((await reader.getByLabel(/^Style of/).count()) !== 0) throw new Error('an anonymous reader can restyle');

  await page.goto(baseUrl);
  await page.getByRole('link', { name: 'Log in with Twitch' }).click();
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor({ timeout: 15000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat rooms' }).click();
  await page.getByRole('button', { name: 'Browser Room' }).click();
  await page.getByLabel('Style of Browser Room').selectOption('Pirate');
  await page.getByRole('heading', { name: /Browser Room · Pirate style/ }).waitFor({ timeout: 15000 });
  await page.locator('[data-testid="room-browser-room"][data-state="connected"]').waitFor({ timeout: 15000 });
  const said = `hello from the browser ${Date.now()}`;
  await page.getByLabel('Message').fill(said);
  await page.getByRole('button', { name: 'Send' }).click();

  for (const person of [page, reader]) {
    await person.getByTestId('room-message').filter({ hasText: said }).waitFor({ timeout: 15000 });
  }
  const line = await reader.getByTestId('room-message').filter({ hasText: said }).textContent();
  if (!line.includes('Opsadmin')) throw new Error(`the reader's line does not name the sender: ${line}`);
  await screenshot('rooms');
});
