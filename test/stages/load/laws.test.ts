import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { decodeBytes } from '../../../src/stages/load/encoding.js';

/** Frequent words of news text in both scripts: what short legacy files (a headline, a name) contain. */
const WORDS = [
  '镇江',
  '高新区',
  '项目',
  '建设',
  '发展',
  '创新',
  '企业',
  '产业',
  '经济',
  '服务',
  '南京',
  '江北',
  '新区',
  '投资',
  '常州',
  '推进',
  '重大',
  '全区',
  '工作',
  '中心',
];
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const simplified = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 12 }).map((w) => w.join(''));
const traditional = simplified.map((s: string): string => toTraditional(s));

test('GBK bytes of short simplified text decode back exactly, as gb18030', () => {
  fc.assert(
    fc.property(simplified, (text) => {
      assert.deepEqual(decodeBytes(iconv.encode(text, 'gbk')), { encoding: 'gb18030', text });
    }),
    { numRuns: 200, seed: 7 },
  );
});

test('Big5 bytes of short traditional text decode back exactly, as big5', () => {
  fc.assert(
    fc.property(traditional, (text) => {
      assert.deepEqual(decodeBytes(iconv.encode(text, 'big5')), { encoding: 'big5', text });
    }),
    { numRuns: 200, seed: 7 },
  );
});

test('UTF-8 and UTF-16 with BOM round-trip any string', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      assert.equal(decodeBytes(bom8).text, text);
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      assert.deepEqual(decodeBytes(le), { encoding: 'utf-16le', text });
    }),
    { numRuns: 200, seed: 7 },
  );
});
