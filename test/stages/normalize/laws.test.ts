import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { normalize } from '../../../src/stages/normalize/index.js';
import { traditionalOnlyIn } from '../../../src/stages/normalize/core/opencc.js';
import { corpusDir, projectRoot, sharedMissing } from '../../helpers/paths.js';

/** Pieces real scraped pages are made of, including the awkward ones, so generated text is hostile but plausible. */
const PIECES = [
  '鎮江高新區',
  '發展',
  '產業',
  '項目建',
  '設',
  '跟著',
  '瞭解',
  '乾隆',
  '镇江',
  '新区',
  '的',
  '了',
  '著作',
  '後',
  '裡',
  '鎮(zhèn)',
  '區(qū)',
  '發(發)',
  '光(guang)',
  '區（qū）',
  '(江蘇)',
  '(Beijing)',
  '(2022)',
  '(记者 张三)',
  ',',
  ', ',
  ':',
  ';',
  '!',
  '?',
  '??',
  '(',
  ')',
  '"',
  '...',
  '。',
  '，',
  '“',
  '”',
  '……',
  ' ',
  '  ',
  '\u3000',
  '\u00a0',
  '\t',
  '\u200b',
  '\n',
  '\n\n',
  '\n\n\n',
  '\r\n',
  '2.6亿元',
  '18:44',
  '1:1000',
  '53.5%',
  '1,000',
  'ISO 26262',
  'AUTOSAR',
  '5G',
  'https://a.cn/x?y=1,2',
  'a@b.cn',
  '`f(a, b)`',
  '```',
  '- ',
  '# ',
  'e',
  '菝衽',
  '\ufffd',
];
const newsText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

test('laws on generated text: idempotent, no traditional-only character, lineMap consistent', () => {
  fc.assert(
    fc.property(newsText, (text) => {
      const once = normalize(text, 'gen.txt');
      assert.equal(normalize(once.text, 'gen.txt').text, once.text);
      assert.deepEqual(traditionalOnlyIn(once.text), []);
      const inputLines = text.replace(/\r\n?/g, '\n').split('\n').length;
      assert.equal(once.lineMap.length, once.text.split('\n').length);
      once.lineMap.forEach((line, i) => {
        assert.ok(line >= 1 && line <= inputLines);
        if (i > 0) assert.ok(line > once.lineMap[i - 1]!);
      });
    }),
    { numRuns: 300, seed: 20240320 },
  );
});

const samples = readdirSync(path.join(projectRoot, 'content'))
  .filter((f) => f.endsWith('.txt'))
  .sort();

test('laws on the samples: normalize(normalize(x)) = normalize(x)', () => {
  for (const name of samples) {
    const once = normalize(readFileSync(path.join(projectRoot, 'content', name), 'utf8'), name).text;
    assert.equal(normalize(once, name).text, once, name);
  }
});

test('laws on every fifth corpus article: idempotent', { skip: sharedMissing() }, () => {
  const files = readdirSync(corpusDir)
    .sort()
    .filter((_, i) => i % 5 === 0);
  for (const name of files) {
    const once = normalize(readFileSync(path.join(corpusDir, name), 'utf8'), name).text;
    assert.equal(normalize(once, name).text, once, name);
  }
});

/** sha256 of the normalised samples, computed in this process or in a child with another locale and zone. */
const digestScript = `
  import { normalize } from ${JSON.stringify(path.join(projectRoot, 'lib/src/stages/normalize/index.js'))};
  import { readFileSync } from 'node:fs';
  import { createHash } from 'node:crypto';
  const h = createHash('sha256');
  for (const f of ${JSON.stringify(samples.map((s) => path.join(projectRoot, 'content', s)))}) {
    const r = normalize(readFileSync(f, 'utf8'), f);
    h.update(JSON.stringify(r));
  }
  process.stdout.write(h.digest('hex'));`;

test('output does not depend on locale or time zone', () => {
  const here = createHash('sha256');
  for (const s of samples)
    here.update(
      JSON.stringify(normalize(readFileSync(path.join(projectRoot, 'content', s), 'utf8'), path.join(projectRoot, 'content', s))),
    );
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', digestScript], {
    env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', LANGUAGE: 'tr' },
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout, here.digest('hex'));
});
