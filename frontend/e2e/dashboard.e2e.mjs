// The dashboard shell loads from the gateway and shows every infrastructure part up.
import { expectEqual, runScenario } from './browser.mjs';

await runScenario(async (page, baseUrl, screenshot) => {
  await page.goto(baseUrl);
  expectEqual(await page.title(), 'Stagehand', 'page title');
  for (const part of ['db', 'kafka', 'eventProcessors']) {
    const badge = page.getByTestId(`part-${part}`).locator('.badge');
    await badge.waitFor({ timeout: 15000 });
    expectEqual(await badge.textContent(), 'Up', `${part} status`);
  }
  await screenshot('dashboard');
});
