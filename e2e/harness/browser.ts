import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ROOT } from './server.js';

/**
 * Real Chromium for the journeys: Debian's /usr/bin/chromium (apt-get install chromium; .ci/run
 * does it) driven by playwright-core. Playwright gives every launch a fresh temporary
 * --user-data-dir of its own (and removes it on close); it refuses a --user-data-dir in `args`.
 * The network flags keep Chromium from calling out of this closed machine.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs`: more Chromium switches, e.g. `--autoplay-policy=document-user-activation-required` (a phone's policy). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, ...extraArgs], timeout: 60_000 });
  } catch (e) {
    throw new Error(
      `Cannot start Chromium at ${CHROMIUM} (install it: apt-get install -y chromium; or set CHROMIUM_PATH): ${(e as Error).message}`,
    );
  }
}

const common: BrowserContextOptions = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  colorScheme: 'light',
};

/** A neighbour's phone: 390×844 (iPhone 12–15 size), touch, mobile viewport, zh-CN. */
export async function phoneContext(browser: Browser, baseURL: string, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    ...common,
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
    ...extra,
  });
}

/** The owner's laptop / the counter's tablet in landscape: 1440×900, zh-CN. */
export async function desktopContext(browser: Browser, baseURL: string, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...common, baseURL, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, ...extra });
}

/** Saves a PNG of the page as artifacts/screenshots/<name>.png and returns its path. */
export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false, animations: 'disabled' });
  return file;
}

/**
 * Collects what the page reports as broken: uncaught exceptions, console errors, failed
 * requests and 5xx answers (a journey should not hit them unnoticed).
 */
export function watchPage(page: Page): { errors: string[]; consoleErrors: string[]; failedRequests: string[] } {
  const w = { errors: [] as string[], consoleErrors: [] as string[], failedRequests: [] as string[] };
  page.on('pageerror', (e) => w.errors.push(e.stack ?? e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('requestfailed', (r) => w.failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 500) w.failedRequests.push(`${r.request().method()} ${r.url()}: ${r.status()}`);
  });
  return w;
}
