// Shared by the browser tests: Debian's Chromium driven by playwright-core, with screenshots kept under target/.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Runs `scenario(page, baseUrl, screenshot, newPage)` against the Stagehand at argv[2]; exits non-zero on failure.
 * `newPage()` opens a page in a browser context of its own: another person, with cookies of their own.
 */
export async function runScenario(scenario) {
  const [baseUrl, screenshotDir] = process.argv.slice(2);
  mkdirSync(screenshotDir, { recursive: true });
  // launch() runs headless in a fresh temporary profile; the flags keep Chromium off the (closed) network.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // What went wrong inside the page, printed with the failure.
  const pageErrors = [];
  // Whatever the Content-Security-Policy blocked, in any page of the scenario: each fails it.
  const violations = [];
  const watch = (watched) => {
    watched.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
    watched.on('console', (message) => {
      if (message.type() !== 'error') return;
      pageErrors.push(`console: ${message.text()}`);
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    return watched;
  };
  watch(page);
  const screenshot = (name) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  try {
    const newPage = async () => watch(await (await browser.newContext({ viewport: { width: 1280, height: 800 } }))
      .newPage());
    await scenario(page, baseUrl, screenshot, newPage);
    if (violations.length > 0) throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`);
    console.log('scenario passed');
  } catch (error) {
    await screenshot('failure').catch(() => {});
    console.error(error);
    pageErrors.forEach((line) => console.error(line));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

export function expectEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
