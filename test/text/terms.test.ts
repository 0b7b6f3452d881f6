// The per-file term counts reproduce the two segmentations they replace: keyword candidates from
// the text as written, related words from the text with markdown markup blanked out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { processFile } from '../../src/run/per-file/process.js';
import { articleTerms, type TermCounts } from '../../src/text/terms.js';
import { eachKeywordTerm } from '../../src/text/keyword-terms.js';
import { isRelatedTerm, MARKUP, withoutMarkup } from '../../src/text/terms.js';
import { jieba } from '../../src/text/segmenter.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { corpusDir, projectRoot, seedsDir, sharedMissing } from '../helpers/paths.js';
import { loadSource } from '../../src/stages/load/index.js';
import { normalize } from '../../src/stages/normalize/index.js';

const config = defaultConfig(projectRoot);

/** Counts in order of first occurrence, as a plain list for deepEqual. */
const pairs = (c: TermCounts): [string, number][] => c.terms.map((t, i) => [t, c.counts[i]!]);

function tally(words: Iterable<string>, weight = 1, into = new Map<string, number>()): Map<string, number> {
  for (const w of words) into.set(w, (into.get(w) ?? 0) + weight);
  return into;
}

/** Related words as the site once cut them: title and body together, markup replaced by spaces. */
function relatedWords(title: string, body: string): [string, number][] {
  const text = `${title}\n${body}`.replace(/[#>*_`[\]()!|-]/g, ' ');
  return [
    ...tally(
      jieba()
        .cut(text, true)
        .map((w) => w.trim())
        .filter(isRelatedTerm),
    ),
  ];
}

/** Keyword candidates as the corpus step once tagged them (no park names in these texts). */
function keywordCandidates(title: string, body: string): [string, number][] {
  const candidates = (text: string): string[] => {
    const tagged = jieba().tag(text, true);
    const out: string[] = [];
    eachKeywordTerm(
      tagged.map((t) => t.word),
      (i) => tagged[i]!.tag,
      (t) => out.push(t),
    );
    return out;
  };
  const counts = tally(candidates(title), 3);
  return [...tally(candidates(body), 1, counts)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

test('markup inside words: keywords keep DT-300 whole, related words are cut without the hyphen', () => {
  const title = 'DT-300机型发布';
  const body = '## 新品\n\n新款DT-300机型与MX-5跑车亮相，#标签_下划线 见 [链接](/a/)。\n\n> 说明：**重点**\n';
  const terms = articleTerms({ title, body, parks: [] });
  assert.ok(terms.keywords.terms.includes('DT-300') && terms.keywords.terms.includes('MX-5'), terms.keywords.terms.join(' '));
  assert.ok(!terms.words.terms.some((t) => /[-#_]/.test(t)), terms.words.terms.join(' '));
  assert.deepEqual(pairs(terms.words), relatedWords(title, body));
  assert.deepEqual(
    pairs(terms.keywords).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    keywordCandidates(title, body),
  );
});

test('the samples: per-file terms equal the separate keyword and related segmentations', { skip: sharedMissing() }, async () => {
  for (const f of readdirSync(seedsDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    const { article: a, facts } = await processFile(path.join(seedsDir, f), seedsDir, config);
    assert.ok(a && facts, f);
    assert.deepEqual(pairs(facts.terms.words), relatedWords(a.title, a.body), f);
    const parkFree = keywordCandidates(a.title, a.body);
    const parks = new Set(a.parks);
    const mine = pairs(facts.terms.keywords)
      .filter(([t]) => !parks.has(t))
      .sort((x, y) => (x[0] < y[0] ? -1 : 1));
    assert.deepEqual(
      mine,
      parkFree.filter(([t]) => !parks.has(t)),
      f,
    );
  }
});

test('counts are 16-bit: a word repeated past 65,535 times keeps the cap, not a wrapped count', () => {
  const body = '园区'.repeat(70_000);
  const { words } = articleTerms({ title: '', body, parks: [] });
  assert.ok(words.counts instanceof Uint16Array);
  assert.deepEqual(pairs(words), [['园区', 65_535]]);
});

// withoutMarkup cuts again only the blocks holding # _ or -, relying on jieba segmenting each block
// on its own: on every tw-news text that has one, its words are those of the whole text cut again
// (single characters differ: markup outside blocks stays itself instead of a space, and is never a term).
test(
  'withoutMarkup has the words of the whole text cut again without markup, on every tw-news text with # _ or -',
  { skip: sharedMissing() },
  async () => {
    let marked = 0;
    for (const name of readdirSync(corpusDir).filter((f) => f.endsWith('.txt'))) {
      const { source } = await loadSource(path.join(corpusDir, name), corpusDir, config.limits);
      if (!source) continue;
      const text = normalize(source.body, source.relPath).text;
      if (!/[#_-]/.test(text)) continue;
      marked++;
      const words = (cut: string[]): string[] => cut.filter((w) => w.length > 1);
      assert.deepEqual(words(withoutMarkup(text, jieba().cut(text, true))), words(jieba().cut(text.replace(MARKUP, ' '), true)), name);
    }
    assert.ok(marked > 500, `${marked} texts with markup characters`);
  },
);
