import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runOpenccCases } from '../../../src/stages/normalize/opencc-cases.js';
import { SEPARATORS, runConversions, simplify, simplifyKnown, toSimplified } from '../../../src/stages/normalize/core/opencc.js';
import { projectRoot, sharedDir, sharedMissing } from '../../helpers/paths.js';

const skip = sharedMissing();
const results = skip ? [] : runOpenccCases(path.join(sharedDir, 'opencc-testcases'));

/**
 * The only cases opencc-js 1.4.2 fails: its bundled dictionaries predate the OpenCC commits that map
 * 殢 -> 𣨼 (PR 1228), 圞 -> 𪢮 (PR 1229) and 樠 -> 𣗊 (PR 464). docs/normalize.md lists them.
 */
const KNOWN_FAILURES = [
  't2s BYVoid_OpenCC_PR_1228_existing_behaviors',
  't2s BYVoid_OpenCC_PR_1229_existing_behaviors',
  't2s BYVoid_OpenCC_PR_464_xi_vs_xi',
];

test('OpenCC cases: everything passes except the documented dictionary gaps', { skip }, () => {
  assert.ok(results.length >= 169);
  const failed = results.filter((r) => !r.pass).map((r) => `${r.config} ${r.id}`);
  assert.deepEqual(failed, KNOWN_FAILURES);
});

test('the converter normalize uses passes every tw2s case', { skip }, () => {
  const tw2s = results.filter((r) => r.config === 'tw2s');
  assert.ok(tw2s.length > 0);
  for (const c of tw2s) assert.equal(toSimplified(c.input), c.expected, c.id);
});

test('tw2s converts phrases, not characters: 跟著 -> 跟着, 瞭解 -> 了解, 乾隆 stays', () => {
  assert.equal(toSimplified('堅持資源要素跟著項目走'), '坚持资源要素跟着项目走');
  assert.equal(toSimplified('瞭解'), '了解');
  assert.equal(toSimplified('乾隆年間'), '乾隆年间');
});

test('the separators of simplifyKnown are in no key or value of any opencc-js dictionary the converter bundles', async () => {
  const dictDir = path.join(projectRoot, 'node_modules/opencc-js/dist/esm-lib/dict');
  const bundle = readFileSync(path.join(projectRoot, 'node_modules/opencc-js/dist/esm/full.js'), 'utf8');
  const names = readdirSync(dictDir).filter((f) => f.endsWith('.js'));
  assert.ok(names.includes('TSPhrases.js') && names.includes('TWVariantsRev.js'));
  for (const name of names) {
    const dict = ((await import(path.join(dictDir, name))) as { default: string }).default;
    assert.ok(bundle.includes(dict), `${name} is the converter's own`);
    const held = dict
      .split('|')
      .flatMap((entry) => entry.split(' '))
      .filter((part) => SEPARATORS.test(part));
    assert.deepEqual(held, [], name);
  }
});

test('simplifyKnown: known runs are taken as known, the others converted as the whole text converts them', () => {
  const before = '堅持資源要素跟著項目走，瞭解乾隆年間的衞生。\n\n臺灣 2024 年';
  const known = runConversions(before, simplify(before));
  assert.equal(known.get('瞭解乾隆年間的衞生'), '了解乾隆年间的卫生');
  const later = '堅持資源要素跟著項目走,瞭解乾隆年間的衞生(臺灣)著手';
  assert.equal(simplifyKnown(later, known), simplify(later));
  assert.equal(simplifyKnown(later, new Map([['臺灣', '(known)']])), simplify(later).replace('台湾', '(known)'));
});

test('simplifyKnown: a text with an ideographic description character is converted whole, and never learnt', () => {
  const text = '⿰木，乾隆年間';
  assert.equal(simplifyKnown(text, new Map([['乾隆年間', '(known)']])), simplify(text));
  assert.equal(runConversions(text, simplify(text)).size, 0);
});
