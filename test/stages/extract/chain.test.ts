// The extract chain as a chain: each rule described, any rule can be turned off, one rule runs alone,
// and diagnostics name lines of the file (front-matter included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../../src/config/defaults.js';
import { processFile } from '../../../src/run/per-file/process.js';
import { extract, rules } from '../../../src/stages/extract/index.js';
import { title } from '../../../src/stages/extract/rules/title.js';
import { pageState } from '../../../src/stages/extract/core/state.js';
import { loadSource } from '../../../src/stages/load/index.js';
import { normalize } from '../../../src/stages/normalize/index.js';
import { projectRoot } from '../../helpers/paths.js';

const config = defaultConfig(projectRoot);
const PAGE = [
  '首页 > 园区动态',
  '镇江高新区新材料产业园开工',
  '2024-03-20 18:44 来源：镇江日报',
  '3月20日，镇江高新区新材料产业园项目开工，总投资12亿元。',
  '',
].join('\n');

async function fileWith(text: string, name = 'page.txt'): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pp-chain-'));
  const file = path.join(dir, name);
  await writeFile(file, text);
  return { dir, file };
}

test('every extract rule has a unique name and a one-line description', () => {
  const names = rules.map((r) => r.name);
  assert.equal(new Set(names).size, names.length);
  for (const r of rules) assert.ok(r.description.length > 10 && !r.description.includes('\n'), r.name);
});

test('a disabled rule does not run: without `title` and its stand-in the headline is no title; an unknown name is an error', async () => {
  const { dir, file } = await fileWith(PAGE);
  const loaded = await loadSource(file, dir, config.limits);
  const source = loaded.source!;
  const normalized = normalize(source.body, source.relPath, { firstLine: source.bodyStartLine });
  const whole = extract(source, normalized);
  assert.equal(whole.title, '镇江高新区新材料产业园开工');
  const standIn = extract(source, normalized, { disable: ['title'] });
  assert.notEqual(standIn.title, '镇江高新区新材料产业园开工', 'stand-in-title takes the first words instead');
  const without = extract(source, normalized, { disable: ['title', 'stand-in-title'] });
  assert.equal(without.title, '');
  assert.throws(() => extract(source, normalized, { disable: ['no-such-rule'] }), /unknown extract rule/);
});

test('one rule runs alone on a page given as text', () => {
  const state = pageState('镇江高新区新材料产业园开工\n3月20日，项目开工，总投资12亿元。');
  title.run(state);
  assert.equal(state.fields.title, '镇江高新区新材料产业园开工');
  assert.deepEqual(
    state.lines.map((l) => l.role),
    ['title', 'body'],
  );
});

test('a damaged line after front-matter is reported at its line in the file, once shifted', async () => {
  const text = [
    '---',
    'title: 镇江高新区新材料产业园开工',
    '---',
    '3月20日，镇江高新区新材料产业园项目开工。',
    '总投资12亿元，\ufffd\ufffd预计年内投产。',
    '',
  ].join('\n');
  const { dir, file } = await fileWith(text, 'page.md');
  const r = await processFile(file, dir, config);
  const damage = r.diagnostics.filter((d) => d.rule === 'normalize/mojibake' || d.rule === 'load/invalid-utf8');
  assert.ok(damage.length > 0, JSON.stringify(r.diagnostics));
  for (const d of damage) assert.equal(d.line, 5, `${d.rule} at line ${d.line}`);
});

test('a title longer than 200 characters (in code points) gets a warning at its line; 200 do not', async () => {
  const warnings = async (title: string) => {
    const { dir, file } = await fileWith(`---\nslug: t\ntitle: "${title}"\n---\n\n园区新闻正文一段。\n`, 'long.md');
    const r = await processFile(file, dir, config);
    return r.diagnostics.filter((d) => d.rule === 'extract/long-title').map((d) => [d.severity, d.line]);
  };
  assert.deepEqual(await warnings('园'.repeat(200)), []);
  assert.deepEqual(await warnings('𠀀'.repeat(200)), [], 'a character outside the BMP counts once');
  assert.deepEqual(await warnings('园'.repeat(201)), [['warning', 3]]);
});
