import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from '../../../src/stages/site/index.js';
import { factsOf } from '../../../src/run/per-file/facts.js';
import type { TraditionalVariant } from '../../../src/model/index.js';
import { renderPages } from '../../helpers/pages.js';
import { makeArticle } from '../../helpers/articles.js';
import { projectRoot } from '../../helpers/paths.js';
import { fixtureConfig } from './site-fixture.js';

// A made-up story: 台 as Taiwan's press writes it, beside characters every variant converts.
const STORY = makeArticle({
  file: 'tsmc.txt',
  title: '台积电在台北发布新芯片',
  date: '2024-05-02',
  body: '台积电宣布，台湾南部园区的新厂后年投产。',
});

/** The edition's home page and the story's page. */
async function hantHome(variant: TraditionalVariant): Promise<string> {
  const articles = [STORY];
  const site = buildSite(
    articles,
    factsOf(articles),
    fixtureConfig({ search: false, traditional: { enabled: true, variant, dir: 'zh-hant' } }),
  );
  const pages = await renderPages(site);
  const page = (p: string) => String(pages.find((x) => x.path === p)!.content);
  return page('zh-hant/index.html') + page(`zh-hant${site.urls.get(STORY.slug)!}index.html`);
}

test("the tw edition writes 台 as Taiwan does (台積電, 台灣), not OpenCC s2tw's 臺", async () => {
  const html = await hantHome('tw');
  assert.match(html, /<html lang="zh-TW">/);
  assert.ok(html.includes('台積電在台北發佈新芯片') || html.includes('台積電在台北發布新芯片'), 'headline in tw script');
  assert.ok(html.includes('台灣南部園區'));
  assert.ok(!html.includes('臺'), 'no 臺 anywhere on the page');
});

test('hk follows OpenCC s2hk, t follows plain s2t (臺)', async () => {
  const hk = await hantHome('hk');
  assert.match(hk, /<html lang="zh-HK">/);
  assert.ok(hk.includes('台積電'));
  const t = await hantHome('t');
  assert.match(t, /<html lang="zh-Hant">/);
  assert.ok(t.includes('臺積電'));
});

test('traditional pages name a traditional-Chinese font first', () => {
  const css = readFileSync(path.join(projectRoot, 'public/style.css'), 'utf8');
  for (const lang of ['zh-TW', 'zh-HK', 'zh-Hant']) {
    const rule = new RegExp(`:root:lang\\(${lang}\\)[^{]*\\{\\s*font-family:\\s*"([^"]+)"`).exec(css);
    assert.ok(rule, `a font rule for ${lang}`);
    assert.match(rule[1]!, /TC|HK/, `${lang} starts with a traditional font`);
  }
});
