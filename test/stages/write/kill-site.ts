import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '../../../src/model/index.js';

const PAGES = 400;

/**
 * Two versions of one site: B changes every third page, drops some and adds others,
 * so a write goes through linking, writing and removal.
 */
export function sitePages(variant: 'A' | 'B'): Page[] {
  const pages: Page[] = [];
  for (let i = 0; i < PAGES; i++) {
    if (variant === 'B' && i % 10 === 9) continue;
    const changed = variant === 'B' && i % 3 === 0;
    const body = `<p>第${i}篇 ${changed ? '修订' : '原文'}</p>`.repeat(60);
    pages.push({ path: `articles/${i % 17}/${i}/index.html`, content: body });
  }
  if (variant === 'B') pages.push({ path: 'new/index.html', content: '<p>新页面</p>' });
  pages.push({ path: 'index.html', content: `<h1>${variant}</h1>` });
  return pages;
}

/** sha256 over every file's path and bytes below dir (following a link at dir itself). */
export async function treeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  for (const f of files)
    hash
      .update(`${f}\0`)
      .update(await readFile(path.join(dir, f)))
      .update('\0');
  return hash.digest('hex');
}

/** The digest a complete write of `pages` produces. */
export function pagesDigest(pages: Page[]): string {
  const hash = createHash('sha256');
  for (const p of [...pages].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash
      .update(`${p.path}\0`)
      .update(typeof p.content === 'string' ? Buffer.from(p.content) : p.content)
      .update('\0');
  }
  return hash.digest('hex');
}
