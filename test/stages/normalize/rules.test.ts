import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { normalize, rules } from '../../../src/stages/normalize/index.js';
import { fixturesDir } from '../../helpers/paths.js';

const dir = path.join(fixturesDir, 'normalize');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

// Each <name>.in.txt normalises to exactly <name>.out.txt (the whole chain, so rules are checked together).
for (const input of readdirSync(dir)
  .filter((f) => f.endsWith('.in.txt'))
  .sort()) {
  const output = input.replace(/\.in\.txt$/, '.out.txt');
  if (!readdirSync(dir).includes(output)) continue;
  test(`fixture ${input} -> ${output}`, () => {
    assert.equal(normalize(read(input), input).text, read(output).replace(/\n$/, ''));
  });
}

test('annotations are counted per file; real parentheses are not counted', () => {
  const count = (name: string) => normalize(read(name), name).annotationsRemoved;
  assert.equal(count('annotations-tone-marked.in.txt'), 7);
  assert.equal(count('annotations-toneless.in.txt'), 4);
  assert.equal(count('annotations-repeat.in.txt'), 3);
  assert.equal(count('annotations-full-width.in.txt'), 3);
  assert.equal(count('annotations-real-parentheses.in.txt'), 0);
});

test('a character repeating itself is an annotation only in a file that carries pinyin notes', () => {
  assert.equal(normalize('控股(股)公司', 'x').text, '控股（股）公司');
  assert.equal(normalize('發(fā)展的發(發)光', 'x').text, '发展的发光');
});

test('a rare traditional character unknown to pinyin-pro is checked through its simplified form', () => {
  assert.equal(normalize('㑳(zhōu)', 'x').text, '㑇');
});

test('annotations come out before conversion: 乾(qián)隆 gives 乾隆, not 干隆', () => {
  assert.equal(normalize('乾(qián)隆', 'x').text, '乾隆');
  assert.equal(normalize('乾(qián)隆', 'x', { disable: ['annotations'] }).text, '乾（qián）隆');
});

test('the rule chain is listed in order with names and descriptions', () => {
  assert.deepEqual(
    rules.map((r) => r.name),
    ['mojibake', 'whitespace', 'bidi', 'annotations', 'script', 'halfwidth', 'punctuation', 'indentation', 'rejoin', 'blank-lines'],
  );
  for (const r of rules) assert.ok(r.description.length > 10, r.name);
});

test('a disabled rule is skipped; an unknown rule name is an error', () => {
  assert.equal(normalize('創新, 發展', 'x', { disable: ['script'] }).text, '創新，發展');
  assert.equal(normalize('創新, 發展', 'x', { disable: ['punctuation'] }).text, '创新, 发展');
  assert.throws(() => normalize('x', 'x', { disable: ['no-such-rule'] }), /unknown normalize rule/);
});

test('script: traditional detected and converted, simplified passes through byte for byte', () => {
  const trad = normalize('鎮江高新區實體化運作', 'x');
  assert.equal(trad.originalScript, 'zh-Hant');
  assert.equal(trad.text, '镇江高新区实体化运作');
  const simp = '镇江高新区的乾隆年间著作，干系重大';
  const r = normalize(simp, 'x');
  assert.equal(r.originalScript, 'zh-Hans');
  assert.equal(r.text, simp);
});

test('Hong Kong variant forms left by tw2s are simplified too; simplified forms in that table stay', () => {
  assert.equal(normalize('明報報道：保衞香港，梳粧枱，敍述', 'x').text, '明报报道：保卫香港，梳妆台，叙述');
  assert.equal(normalize('臺灣的兌換', 'x').text, '台湾的兑换');
});

test('lineMap points every output line at its input line, across rejoined and dropped lines', () => {
  const r = normalize(read('rejoin-split-paragraph.in.txt'), 'x');
  assert.deepEqual(r.lineMap, [1, 4, 5]);
  const blank = normalize('\n\n标题\n\n\n\n正文。\n', 'x');
  assert.equal(blank.text, '标题\n\n正文。');
  assert.deepEqual(blank.lineMap, [3, 4, 7]);
});

test('mojibake: each damaged stretch is a warning with line, column and recovered text', () => {
  const r = normalize(read('mojibake.in.txt'), 'damaged.txt', { firstLine: 3 });
  const where = r.diagnostics.map((d) => [d.rule, d.severity, d.file, d.line, d.column]);
  assert.deepEqual(where, [
    ['normalize/mojibake', 'warning', 'damaged.txt', 3, 12],
    ['normalize/mojibake', 'warning', 'damaged.txt', 5, 8],
    ['normalize/mojibake', 'warning', 'damaged.txt', 7, 5],
  ]);
  assert.match(r.diagnostics[0]!.message, /"\?;菝衽e".*"\?惠民舉".*"\?惠民举"/);
});

test('mojibake: a file full of damage gives 20 warnings and a summary', () => {
  const r = normalize('损坏\ufffd文字\n'.repeat(30), 'bad.txt');
  assert.equal(r.diagnostics.length, 21);
  assert.match(r.diagnostics[20]!.message, /10 more damaged stretches.*30 in all/);
});

test('bidi: embeddings, overrides and isolates are removed, with one warning at the first', () => {
  const result = normalize('第一行正文。\n园区\u202e公告\u202c通报，\u2066管委会\u2069发布。', 'x.txt', { firstLine: 3 });
  assert.equal(result.text, '第一行正文。\n园区公告通报，管委会发布。');
  assert.deepEqual(
    result.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column]),
    [['normalize/bidi', 'warning', 4, 3]],
  );
  assert.match(result.diagnostics[0]!.message, /^4 bidirectional/);
});
