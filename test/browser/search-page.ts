// Opens a search page in Chromium and measures what the query costs: every index file and article
// page the page fetches after loading, as transferred (compressed when the server compresses, as a
// static host does) and as decoded.
import type { Browser, Page as Tab } from 'playwright-core';

export interface SearchVisit {
  tab: Tab;
  titles: string[];
  /** Result links as the page shows them (path and query, relative to the server). */
  hrefs: string[];
  /** Each result's snippet text. */
  snippets: string[];
  /** Bytes on the wire: response bodies as sent (gzip when the server compresses) plus their headers. */
  transferred: number;
  /** Response bodies after decoding. */
  decoded: number;
  /** Decoded bytes by kind of file (index, script, shards, docs, articles). */
  kinds: Map<string, number>;
  errors: string[];
}

/** Opens `<base><edition>/search/?q=` and resolves when the page has shown its results. */
export async function visitSearch(browser: Browser, base: string, edition: string, query: string): Promise<SearchVisit> {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  const kinds = new Map<string, number>();
  let transferred = 0;
  const pending: Promise<void>[] = [];
  tab.on('response', (res) => {
    const kind = fetchKind(new URL(res.url()).pathname);
    if (!kind) return;
    pending.push(
      (async () => {
        const [body, sizes] = await Promise.all([res.body(), res.request().sizes()]);
        kinds.set(kind, (kinds.get(kind) ?? 0) + body.length);
        transferred += sizes.responseBodySize + sizes.responseHeadersSize;
      })().catch(() => undefined),
    );
  });
  await tab.goto(`${base}${edition}/search/?q=${encodeURIComponent(query)}`);
  await tab.locator('#search[data-state="done"]').waitFor({ timeout: 30_000 });
  await tab.waitForLoadState('networkidle');
  await Promise.all(pending);
  const decoded = [...kinds.values()].reduce((a, b) => a + b, 0);
  const links = tab.locator('.search-result-title a');
  return {
    tab,
    titles: await links.allTextContents(),
    hrefs: await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')),
    snippets: await tab.locator('.search-result-snippet').allTextContents(),
    transferred,
    decoded,
    kinds,
    errors,
  };
}

/** What a fetched path is for a query: an index file by folder, or an article page read for a snippet. */
function fetchKind(pathname: string): string | null {
  if (pathname.includes('/articles/')) return 'articles';
  const m = /\/search\/(shards|docs|texts)\/|\/search\/(index|script)\.json$/.exec(pathname);
  return m ? (m[1] ?? m[2]!) : null;
}
