// Keyword candidates never include the tail of a number cut at its thousands separator (2,000ml -> 000ml).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../../../src/config/defaults.js';
import { processFile } from '../../../src/run/per-file/process.js';
import { textTerms } from '../../../src/text/terms.js';
import { corpusDir, projectRoot, sharedMissing } from '../../helpers/paths.js';

const candidates = (text: string): string[] => textTerms(text, []).keywords.terms;

test('keyword candidates: a number with thousands separators leaves no digit-and-unit fragment; model numbers stay', () => {
  for (const [text, fragments] of [
    ['新机电池容量为4,000mAh，续航明显提升。', ['000mAh', '000mah']],
    ['这台激光切割机功率达6,000W，产能翻番。', ['000W', '000w']],
    ['线路总长1,234,567km的光纤网络建成。', ['234', '567km']],
    ['公司强调只有2,000ml一条生产线。', ['000ml']],
  ] as const) {
    const found = candidates(text);
    for (const f of fragments) assert.ok(!found.includes(f), `${text}: ${found.join(' ')}`);
  }
  assert.ok(candidates('新机采用4000mAh电池。').includes('4000mAh'), 'a number written without separators is kept');
  assert.ok(candidates('元大台湾50（0050ETF）成交量放大。').includes('0050ETF'), 'a model number starting with 00 is kept');
});

test(
  'tw-news: no article of the corpus with a separated number gets its fragment as a keyword candidate',
  { skip: sharedMissing() },
  async () => {
    const config = { ...defaultConfig(projectRoot), contentDir: corpusDir };
    // Files whose raw text has `<digit>,<3 digits><letter>`; the fragment is what jieba would cut off.
    // A fragment the text also has on its own (bus routes 101,101R,101X: 101X after 101R) may stay.
    const tail = /\d[,，](\d{3}[A-Za-z]+)/g;
    const alone = (text: string, fragment: string): boolean =>
      [...text.matchAll(new RegExp(fragment, 'g'))].some((m) => !/\d[,，]$/.test(text.slice(0, m.index)));
    const hits = readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((f) => {
        const text = readFileSync(path.join(corpusDir, f), 'utf8');
        const fragments = [...text.matchAll(tail)].map((m) => m[1]!).filter((x) => !alone(text, x));
        return fragments.length ? [{ f, fragments }] : [];
      });
    assert.ok(hits.length >= 3, `${hits.length} files`);
    for (const { f, fragments } of hits) {
      const { facts } = await processFile(path.join(corpusDir, f), corpusDir, config);
      const terms = new Set(facts?.terms.keywords.terms.map((t) => t.toLowerCase()));
      for (const fragment of fragments) assert.ok(!terms.has(fragment.toLowerCase()), `${f}: ${fragment}`);
    }
  },
);
