import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { chromiumArgs } from "./chromium";

/**
 * One Chromium per test file (Playwright gives it a fresh temporary profile); each test opens
 * its own context, so cookies never leak between tests.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: inject("chromiumPath"), headless: true, args: chromiumArgs });
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
  });
  return {
    baseURL: () => inject("baseURL"),
    /** A new browser session (its own cookies), optionally with a browser language. */
    async newPage(options: BrowserContextOptions = {}): Promise<Page> {
      const context = await browser!.newContext({ baseURL: inject("baseURL"), ...options });
      contexts.push(context);
      return context.newPage();
    },
  };
}
