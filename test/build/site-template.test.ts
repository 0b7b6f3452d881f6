// The build's site template (src/build/site-template.ts, wiring to be moved by the restructure):
// every input's lines are counted, and a file's share of the template is part of its cache key, so
// a cached result is used only while the template reads the file the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildTemplate, keyOf } from '../../src/build/site-template.js';
import { createBuilder } from '../../src/build/index.js';
import { defaultConfig } from '../../src/config/defaults.js';
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

test('a file\'s share of the template: empty while nothing recurs, the same for every read, changed when its lines become template', async () => {
  const { config, file } = await site({ 'a.txt': page('第一篇', '正文一。'), 'b.txt': page('第二篇', '正文二。') });
  const two = await buildTemplate([file('a.txt'), file('b.txt')], config);
  assert.equal(two.signature(file('a.txt')), '', 'two files: nothing recurs on three');
  await writeFile(file('c.txt'), page('第三篇', '正文三。'));
  const files = [file('a.txt'), file('b.txt'), file('c.txt')];
  const three = await buildTemplate(files, config);
  assert.notEqual(three.signature(file('a.txt')), '');
  assert.equal(three.signature(file('a.txt')), (await buildTemplate([...files].reverse(), config)).signature(file('a.txt')));
  assert.equal(keyOf('abc', ''), 'abc');
  assert.notEqual(keyOf('abc', three.signature(file('a.txt'))), 'abc');
});

test('a rebuild after a file joins the site reads the others again with the template, as a fresh build does', async () => {
  const { config, file } = await site({ 'a.txt': page('园区迎来新项目', '园区今天迎来一批新项目，总投资超过百亿元。'), 'b.txt': page('园区召开大会', '园区今天召开年度大会，部署下一年工作。') });
  const builder = createBuilder(config);
  await builder.build();
  const alone = await readFile(path.join(config.outDir, 'index.html'), 'utf8');
  await writeFile(file('c.txt'), page('园区发布政策', '园区今天发布人才政策，给予住房补贴。'));
  const again = await builder.build();
  assert.equal(again.processed, 3, 'a and b share menu and footer with c now: their cached results were made without the template');
  const fresh = await site({ 'a.txt': await readFile(file('a.txt'), 'utf8'), 'b.txt': await readFile(file('b.txt'), 'utf8'), 'c.txt': await readFile(file('c.txt'), 'utf8') });
  await createBuilder(fresh.config).build();
  assert.equal(await readFile(path.join(config.outDir, 'index.html'), 'utf8'), await readFile(path.join(fresh.config.outDir, 'index.html'), 'utf8'));
  assert.notEqual(alone, '');
  assert.equal((await builder.build()).processed, 0, 'nothing changed since');
});
