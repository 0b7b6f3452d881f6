import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { originalLines } from '../../../src/stages/normalize/original.js';
import { normalize } from '../../../src/stages/normalize/index.js';
import { buildSite } from '../../../src/stages/site/index.js';
import { editions } from '../../../src/stages/render/edition.js';
import { searchPages } from '../../../src/stages/search/index.js';
import type { Config, Site } from '../../../src/model/index.js';
import { renderPages } from '../../helpers/pages.js';
import { processed } from '../../helpers/pipeline.js';
import { tempDir } from '../../run/temp-dir.js';
import { packKey } from '../../../src/run/cache/files.js';
import { fixtureConfig } from './site-fixture.js';
import { openPages, queryModule, type OpenIndex } from '../search/helpers.js';

// Made-up Taiwan copy whose round trip through simplified changes it: tw2s + s2tw gives 宣佈 for
// 宣布, 制程 for 製程, 周邊 for 週邊, and the tw edition writes 台 where this reporter wrote 臺.
const OWN = [
  '臺灣南部園區裡面的廠商宣布擴建新廠，著手招募線上工程師。',
  '台積電表示，新廠預計後年投產，並採用新製程。',
  '他於臺北發表談話，強調週邊配套。',
];
const SOURCE = `---\ntitle: 南部園區廠商擴建新廠\ndate: 2024-05-02\n---\n${OWN.join('\n\n')}\n`;

test('originalLines: each body line as the source wrote it, cleaned but not converted', () => {
  const normalized = normalize(SOURCE.split('---\n')[2]!, 'x.md', { keepOriginal: true });
  const body = `${normalized.text}\n\n## 小标题 without a source line`;
  const own = originalLines(normalized.original!, normalized.originalSimplified!, body);
  assert.deepEqual(
    own.filter((l) => l !== null),
    OWN,
  );
  assert.equal(own.at(-1), null, 'a line the source does not hold is left to conversion');
});

test('a traditional original is kept only for a site with a traditional edition, and the cache tells the two apart', async () => {
  const dir = await tempDir('pp-own-');
  writeFileSync(path.join(dir, 'tw.md'), SOURCE);
  try {
    const off = fixtureConfig({ contentDir: dir });
    const on = fixtureConfig({ contentDir: dir, traditional: { enabled: true, variant: 'tw', dir: 'zh-hant' } });
    const without = (await processed(dir, ['tw.md'], off)).articles[0]!;
    const withOwn = (await processed(dir, ['tw.md'], on)).articles[0]!;
    assert.equal(without.originalScript, 'zh-Hant', 'the script is still recorded');
    assert.equal(without.originalLines, undefined);
    assert.deepEqual(
      withOwn.originalLines?.filter((l) => l !== null),
      OWN,
    );
    assert.deepEqual({ ...withOwn, originalLines: undefined }, { ...without, originalLines: undefined }, 'nothing else differs');
    assert.notEqual(packKey(off), packKey(on), 'a cached result without originals never serves the edition');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function traditionalSite(): Promise<{ site: Site; config: Config }> {
  const dir = await tempDir('pp-own-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'tw.md'), SOURCE);
  const config = fixtureConfig({ contentDir: dir, traditional: { enabled: true, variant: 'tw', dir: 'zh-hant' } });
  try {
    const { articles, facts } = await processed(dir, ['tw.md'], config);
    assert.equal(articles[0]!.originalScript, 'zh-Hant');
    return { site: buildSite(articles, facts, config), config };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the traditional edition shows a traditional original as written; the simplified edition is unchanged', async () => {
  const { site } = await traditionalSite();
  const pages = await renderPages(site);
  const url = site.urls.get(site.articles[0]!.slug)!;
  const page = (p: string) => String(pages.find((x) => x.path === p)!.content);
  const hant = page(`zh-hant${url}index.html`);
  for (const line of OWN) assert.ok(hant.includes(line), `zh-hant page shows ${line}`);
  assert.ok(!/[\uE000\uE001]/.test(hant), 'no verbatim marks left');
  assert.ok(hant.includes('南部園區廠商擴建新廠'), 'the rest of the page is converted as before');
  const hans = page(`${url.slice(1)}index.html`);
  assert.ok(hans.includes('台湾南部园区里面的厂商宣布扩建新厂'));
  assert.ok(!/[\uE000\uE001]/.test(hans));
});

test('its index holds what its page shows: 臺灣 and 台灣 both find it', async () => {
  const { site, config } = await traditionalSite();
  const q = await queryModule();
  const hant: OpenIndex = await openPages(q, [...searchPages(site, editions(config))], 'zh-hant/search');
  const search = (q as unknown as { search: (i: OpenIndex, s: string) => Promise<{ hits: { n: number }[] }> }).search;
  for (const query of ['臺灣', '台灣', '新製程', '週邊']) assert.equal((await search(hant, query)).hits.length, 1, query);
});
