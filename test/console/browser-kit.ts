/**
 * Headless Chromium for the console's browser tests: Debian's `chromium` driven by playwright-core (no browser
 * download), with the flags this closed network needs (no background connections, no first-run work), a fresh
 * profile per launch, and screenshots saved under `test-artifacts/console/` for people to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** The `skip` of a describe: a reason when Chromium is missing, else false. */
export const browserSkip = existsSync(CHROMIUM) ? false : 'Debian chromium is not installed (apt install chromium fonts-wqy-microhei)';

/** Where screenshots go (ignored by git; CI keeps them as artifacts). */
export const ARTIFACTS = path.resolve('test-artifacts', 'console');

/** A headless browser; close it when done. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Saves a full-page screenshot as `<name>.png` in ARTIFACTS. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
