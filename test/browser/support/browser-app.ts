import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../../support/test-app';

/** Debian's Chromium (installed by .ci/run), with nothing that reaches out to the network or keeps state. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export const SCREENSHOTS_DIR = resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  /** Uncaught errors of any page, for the tests to assert there were none. */
  pageErrors: string[];
  /** A fresh browser context (its own storage) signed in through the sign-in page as a demo user. */
  signedIn: (username: string, options?: { viewport?: { width: number; height: number }; password?: string }) => Promise<Page>;
  /** Saves docs/screenshots/<name>.png: the whole page, or only what the window shows. */
  screenshot: (page: Page, name: string, options?: { fullPage?: boolean }) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * The real application (the Nest app on a fresh database with the demo data, serving the built pages beside the
 * API) listening on a free port, and one Chromium whose contexts are the users. Playwright launches it with a new,
 * empty profile directory of its own.
 */
export async function startBrowserApp(): Promise<BrowserApp> {
  const t = await startTestApp({ withDemoNominations: true });
  await t.app.listen(Number(process.env.BROWSER_TEST_PORT ?? 0), '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ ...CHROMIUM, headless: true });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });

  return {
    t,
    browser,
    baseUrl,
    pageErrors,
    async signedIn(username, { viewport = { width: 1280, height: 900 }, password = DEMO_PASSWORD } = {}) {
      const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
      await page.goto(`${baseUrl}/`);
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
      return page;
    },
    async screenshot(page, name, { fullPage = true } = {}) {
      await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(() => undefined));
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage });
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}
