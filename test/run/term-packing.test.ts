// A worker's results cross to the main thread with their terms packed (run/workers/term-packing.ts):
// unpacked in the order sent, they are the results the worker made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { processFileSync, type FileResult } from '../../src/run/per-file/process.js';
import { TermPacker, TermUnpacker } from '../../src/run/workers/term-packing.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { corpusDir, projectRoot, sharedMissing } from '../helpers/paths.js';

const config = defaultConfig(projectRoot);

function resultsOf(dir: string, names: string[]): FileResult[] {
  return names.map((name) => processFileSync(path.join(dir, name), dir, config));
}

const samples = (): FileResult[] => resultsOf(config.contentDir, readdirSync(config.contentDir).sort());

/** Packs results in turn, clones them as postMessage does, and unpacks them in the same order. */
function roundTrip(results: FileResult[], intern?: (term: string) => string): { back: FileResult[]; fresh: number } {
  const packer = new TermPacker();
  const unpacker = new TermUnpacker(intern);
  let fresh = 0;
  const back = results.map((r) => {
    const sent = structuredClone(packer.pack(r));
    fresh += sent.facts?.terms.fresh.length ?? 0;
    return unpacker.unpack(sent);
  });
  return { back, fresh };
}

const distinctTerms = (results: FileResult[]): Set<string> =>
  new Set(results.flatMap((r) => (r.facts ? [...r.facts.terms.words.terms, ...r.facts.terms.keywords.terms] : [])));

test('the samples: each result unpacks to the result made, and each distinct term is spelled out once', () => {
  const results = samples();
  assert.equal(results.length, 5);
  assert.ok(results.every((r) => r.facts && r.facts.terms.words.terms.length > 20));
  const { back, fresh } = roundTrip(results);
  assert.deepEqual(back, results);
  assert.equal(fresh, distinctTerms(results).size);
});

test('the main thread interns each distinct term once per worker, and gets its own strings back', () => {
  const results = samples();
  const asked: string[] = [];
  const { back } = roundTrip(results, (term) => {
    asked.push(term);
    return term;
  });
  assert.deepEqual(new Set(asked), distinctTerms(results));
  assert.equal(asked.length, new Set(asked).size);
  assert.deepEqual(back, results);
});

test('a result without facts (a skipped file) passes unchanged', () => {
  const skipped: FileResult = { file: 'x.txt', diagnostics: [] };
  assert.deepEqual(new TermUnpacker().unpack(structuredClone(new TermPacker().pack(skipped))), skipped);
});

test('200 tw-news articles after the samples: every result unpacks to the result made', { skip: sharedMissing() }, () => {
  const names = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .filter((_, i) => i % 23 === 0)
    .slice(0, 200);
  const results = [...samples(), ...resultsOf(corpusDir, names)];
  const { back, fresh } = roundTrip(results);
  assert.deepEqual(back, results);
  assert.equal(fresh, distinctTerms(results).size);
});
