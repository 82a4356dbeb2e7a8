// The dashboard shell loads from the gateway, says it runs in demo mode, and shows every infrastructure part up.
import { expectEqual, runScenario } from './browser.mjs';

await runScenario(async (page, baseUrl, screenshot) => {
  await page.goto(baseUrl);
  expectEqual(await page.title(), 'Stagehand', 'page title');
  for (const part of ['db', 'kafka', 'eventProcessors']) {
    const badge = page.getByTestId(`part-${part}`).locator('.badge');
    await badge.waitFor({ timeout: 15000 });
    expectEqual(await badge.textContent(), 'Up', `${part} status`);
  }
  const banner = page.getByTestId('demo-banner');
  await banner.waitFor({ timeout: 15000 });
  const text = await banner.textContent();
  if (!text.includes('Demo mode.') || !text.includes('simulated Twitch')) throw new Error(`demo banner says: ${text}`);
  await screenshot('dashboard');
});
