import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBuilder } from '../../src/run/builder.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { articleTerms } from '../../src/stages/site/taxonomies.js';
import type { WriteReport } from '../../src/model/index.js';
import { projectRoot } from '../helpers/paths.js';
import { sampleSite } from '../stages/render/sample-site.js';
import { tempSite } from './helpers.js';
import { withPreview } from '../../src/dev/preview.js';

/** Site-internal hrefs of a page, without query or fragment, decoded. */
function internalLinks(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#?]*)[^"]*"/g)].map((m) => decodeURI(m[1]!));
}

const fileOf = (outDir: string, url: string): string => path.join(outDir, url.endsWith('/') ? `${url}index.html` : url);

/** An article of our own, stating `keywords` (front-matter, so the test decides them, not TF-IDF). */
const extraArticle = (keywords: string[]): string => `---
title: 园区企业服务专员制度全面推行
date: 2024-06-18
keywords: [${keywords.join(', ')}]
---
园区管委会近日宣布，企业服务专员制度在全区全面推行，每家重点企业配备一名服务专员。

服务专员负责协调用地、用工、融资等事项，问题办结情况每月公开。
`;

/** Every HTML page under `dir` (output-relative paths). */
async function htmlPages(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.html'));
}

/** Each internal link of the pages a preview wrote resolves to a file in the output. */
async function assertWrittenLinksResolve(out: string, report: WriteReport): Promise<void> {
  for (const p of report.paths ?? []) {
    if (!p.endsWith('.html') || !existsSync(path.join(out, p))) continue;
    for (const link of internalLinks(await readFile(path.join(out, p), 'utf8'))) {
      assert.ok(existsSync(fileOf(out, link)), `${p} links to ${link}, which exists`);
    }
  }
}

test('dev preview: a saved article that lifts a keyword to two articles adds its page; one that drops it back removes the page and every link to it', async () => {
  // A keyword of one sample only (no page yet), and the sample carrying it, from the real samples.
  const samples = await sampleSite();
  const thin = samples.thinKeywords!.find((t) => /^\p{Script=Han}+$/u.test(t.name));
  assert.ok(thin, 'the samples have a keyword of one article');
  const carrier = samples.articles.find((a) => articleTerms(a).keywords.some((t) => t.key === thin.key))!;
  const carrierFile = `${samples.urls.get(carrier.slug)!.slice(1)}index.html`;
  const termFile = `keywords/${thin.key}/index.html`;
  const termHref = `href="${encodeURI(thin.url)}"`;
  const searchHref = `href="/search/?q=${encodeURIComponent(thin.name)}"`;

  const site = await tempSite();
  try {
    for (const name of (await readdir(path.join(projectRoot, 'content'))).filter((n) => n.endsWith('.txt'))) {
      await copyFile(path.join(projectRoot, 'content', name), path.join(site.root, 'content', name));
    }
    await cp(path.join(projectRoot, 'templates'), path.join(site.root, 'templates'), { recursive: true });
    await cp(path.join(projectRoot, 'public'), path.join(site.root, 'public'), { recursive: true });
    // One article per list page: the new keyword page has two pages, and its first links to the second.
    const config = { ...defaultConfig(site.root), pageSize: 1 };
    const out = config.outDir;
    const builder = withPreview(createBuilder(config, { quiet: true, inPlace: true }), config);
    const read = (p: string) => readFile(path.join(out, p), 'utf8');
    await builder.build();
    assert.ok(!existsSync(path.join(out, termFile)), 'no page for a keyword of one article');
    assert.ok((await read(carrierFile)).includes(searchHref), 'its article links it to search');

    // 1 -> 2: a new article states the keyword.
    const extra = path.join(site.root, 'content', 'extra.md');
    await writeFile(extra, extraArticle([thin.name, '企业服务']));
    const up = await builder.preview!([extra]);
    assert.ok(up, 'the change is previewed');
    assert.ok(existsSync(path.join(out, termFile)), 'the keyword page appears');
    assert.ok(existsSync(path.join(out, `keywords/${thin.key}/page/2/index.html`)), 'with its second page');
    const term = await read(termFile);
    assert.ok(term.includes(`href="${encodeURI(samples.urls.get(carrier.slug)!)}"`), 'it lists the sample');
    assert.ok(up.paths!.includes(carrierFile), 'the sample page is rewritten');
    assert.ok((await read(carrierFile)).includes(termHref), 'the sample now links to the keyword page');
    assert.ok((await read('keywords/index.html')).includes(termHref), 'the keywords index lists it');
    await assertWrittenLinksResolve(out, up);
    await builder.build([extra]);
    assert.ok((await read(carrierFile)).includes(termHref), 'the full build agrees');

    // 2 -> 1: the article is saved without the keyword.
    await writeFile(extra, extraArticle(['企业服务']));
    const down = await builder.preview!([extra]);
    assert.ok(down, 'the change is previewed');
    assert.ok(!existsSync(path.join(out, termFile)), 'the keyword page is removed');
    assert.ok(down.paths!.includes(termFile));
    assert.ok(!existsSync(path.join(out, `keywords/${thin.key}/page/2/index.html`)), 'and its second page');
    for (const p of await htmlPages(out)) assert.ok(!(await read(p)).includes(termHref), `${p} does not link to the removed page`);
    assert.ok((await read(carrierFile)).includes(searchHref), 'the sample links the keyword to search again');
    await assertWrittenLinksResolve(out, down);
    await builder.build([extra]);
    assert.ok(!existsSync(path.join(out, termFile)), 'the full build agrees');
    assert.ok((await read(carrierFile)).includes(searchHref));
  } finally {
    await site.dispose();
  }
});
