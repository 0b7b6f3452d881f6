// The build's site template (run/per-file/template.ts): every input's line pairs are counted, and a
// file's share of the template is part of what its cached result is kept for, so a result is reused
// only while the template reads the file the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultConfig } from '../../src/config/defaults.js';
import { createBuilder } from '../../src/run/builder.js';
import { readPagePairs, TemplateShares } from '../../src/run/per-file/template.js';
import { tempDir } from './temp-dir.js';

const menu = ['示例网', '首页', '新闻', '园区', '关于我们'];
const footer = ['联系我们', '版权所有 示例网'];
const page = (title: string, text: string): string => [...menu, title, '2023-05-12 09:30 来源：示例日报', text, ...footer].join('\n');

async function site(files: Record<string, string>) {
  const root = await tempDir('pp-template-');
  const config = { ...defaultConfig(root), jobs: 1 };
  await mkdir(config.contentDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(config.contentDir, name), text);
  return { config, file: (name: string) => path.join(config.contentDir, name) };
}

test("a file's share of the template: empty while nothing recurs, the same in any order, set once its lines recur on three files", async () => {
  const { config, file } = await site({
    'a.txt': page('第一篇', '正文一。'),
    'b.txt': page('第二篇', '正文二。'),
    'c.txt': page('第三篇', '正文三。'),
  });
  const pairs = await Promise.all(['a.txt', 'b.txt', 'c.txt'].map(async (n) => (await readPagePairs(file(n), config.contentDir, config))!));
  const a = pairs[0]!;
  assert.deepEqual(TemplateShares.of(pairs.slice(0, 2)).share(a), [], 'two files: nothing recurs on three');
  const share = TemplateShares.of(pairs).share(a);
  assert.ok(share.length >= menu.length, `${share.length} recurring pairs`);
  assert.deepEqual(TemplateShares.of([...pairs].reverse()).share(a), share);
  assert.equal(TemplateShares.signature([]), '');
  assert.notEqual(TemplateShares.signature(share), '');
  assert.deepEqual(TemplateShares.options([]), {});
});

test('a rebuild after a file joins the site reads the others again with the template, as a fresh build does', async () => {
  const texts = {
    'a.txt': page('园区迎来新项目', '园区今天迎来一批新项目，总投资超过百亿元。'),
    'b.txt': page('园区召开大会', '园区今天召开年度大会，部署下一年工作。'),
  };
  const { config, file } = await site(texts);
  const builder = createBuilder(config);
  await builder.build();
  const alone = await readFile(path.join(config.outDir, 'index.html'), 'utf8');
  const c = page('园区发布政策', '园区今天发布人才政策，给予住房补贴。');
  await writeFile(file('c.txt'), c);
  const again = await builder.build();
  assert.equal(again.processed, 3, 'a and b share menu and footer with c now: their results were made without the template');
  const fresh = await site({ ...texts, 'c.txt': c });
  await createBuilder(fresh.config).build();
  const index = await readFile(path.join(config.outDir, 'index.html'), 'utf8');
  assert.equal(index, await readFile(path.join(fresh.config.outDir, 'index.html'), 'utf8'));
  assert.ok(alone.includes('园区迎来新项目') && index.includes('园区发布政策'));
  assert.equal((await builder.build()).processed, 0, 'nothing changed since');
  assert.equal((await builder.build([file('a.txt')])).processed, 0, 'a saved without a change: same bytes, same share');
});
