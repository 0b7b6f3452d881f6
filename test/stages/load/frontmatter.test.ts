import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrontMatterError, splitFrontMatter } from '../../../src/stages/load/frontmatter.js';

test('text without front-matter is returned whole', () => {
  const r = splitFrontMatter('标题\n正文');
  assert.deepEqual(r, { data: {}, body: '标题\n正文', bodyStartLine: 1, keyLines: {} });
});

test('YAML front-matter is split off; dates stay strings for extract to validate', () => {
  const r = splitFrontMatter('---\ntitle: 苏州工业园区\ndate: 2024-03-20\nkeywords: [园区, 创新]\n---\n正文第一行\n');
  assert.deepEqual(r.data, { title: '苏州工业园区', date: '2024-03-20', keywords: ['园区', '创新'] });
  assert.equal(r.body, '正文第一行\n');
  assert.equal(r.bodyStartLine, 6);
  assert.deepEqual(r.keyLines, { title: 2, date: 3, keywords: 4 });
});

test('the js / javascript engines are refused and never run', () => {
  const g = globalThis as { pwned?: boolean };
  for (const lang of ['js', 'javascript', 'coffee']) {
    assert.throws(() => splitFrontMatter(`---${lang}\n{ title: (globalThis.pwned = true, 'x') }\n---\nbody`), /not allowed/);
  }
  assert.equal(g.pwned, undefined);
});

test('YAML tags that would build functions are not evaluated', () => {
  const r = splitFrontMatter('---\ntitle: !!js/function "function(){ globalThis.pwned = true }"\n---\n');
  assert.equal(typeof r.data.title, 'string');
  assert.equal((globalThis as { pwned?: boolean }).pwned, undefined);
});

test('an alias bomb is refused instead of expanding', () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  assert.throws(() => splitFrontMatter(`---\n${levels.join('\n')}\n---\nbody`), /aliases/);
});

test('malformed YAML names the line in the file', () => {
  assert.throws(
    () => splitFrontMatter('---\ntitle: 好\nkeywords: [a, b\nsource: x\n---\nbody'),
    (err: unknown) => err instanceof FrontMatterError && err.line >= 3 && /line \d+/.test(err.message),
  );
  assert.throws(
    () => splitFrontMatter('---\ntitle: a\ntitle: b\n---\n'),
    (err: unknown) => err instanceof FrontMatterError && err.line === 3,
  );
});

test('unclosed front-matter and non-mapping YAML are errors', () => {
  assert.throws(() => splitFrontMatter('---\ntitle: x\n正文'), /never closed/);
  assert.throws(() => splitFrontMatter('---\n- a\n- b\n---\n'), /key: value/);
});

test('empty front-matter gives no fields', () => {
  assert.deepEqual(splitFrontMatter('---\n---\n正文').data, {});
});
