import type { Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from '../browser/chromium.js';

export { chromiumMissing };

export interface Tab {
  /** Value of a JavaScript expression in the page (rejects while the page is being replaced). */
  evaluate<T>(expression: string): Promise<T>;
}

/** Debian's headless Chromium through the suite's one launcher (playwright-core, no downloads). */
export async function openBrowser(): Promise<{ open(url: string): Promise<Tab>; close(): Promise<void> }> {
  const browser = await launchChromium();
  return {
    async open(url: string): Promise<Tab> {
      const page: Page = await browser.newPage();
      await page.goto(url);
      return { evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T> };
    },
    close: () => browser.close(),
  };
}

/** Polls `expression` in the tab until it is truthy (the page may reload itself meanwhile). */
export async function waitFor(tab: Tab, expression: string, within = 10_000): Promise<void> {
  const deadline = Date.now() + within;
  for (;;) {
    const ok = await tab.evaluate<boolean>(`!!(${expression})`).catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
