import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadSource } from '../../../src/stages/load/index.js';
import { normalize } from '../../../src/stages/normalize/index.js';
import { simplify, traditionalOnlyIn } from '../../../src/stages/normalize/core/opencc.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { corpusDir, sharedMissing } from '../../helpers/paths.js';
import type { SourceFile } from '../../../src/model/index.js';

/** The tw-news file names in order, every `every`th one. */
function corpusFiles(every = 1): string[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .filter((_, i) => i % every === 0);
}

/** The loaded sources of `files` (those that load), with their names. */
async function* corpusSources(files: string[]): AsyncGenerator<{ name: string; source: SourceFile }> {
  const limits = defaultConfig('/').limits;
  for (const name of files) {
    const { source } = await loadSource(path.join(corpusDir, name), corpusDir, limits);
    if (source) yield { name, source };
  }
}

// The whole tw-news corpus (4,660 real traditional-script articles) through load + normalize once:
// a few seconds. It is read from ../shared at run time and never copied into the project.
test(
  'the whole tw-news corpus loads and normalizes: no crash, no traditional-only character left',
  { skip: sharedMissing() },
  async (t) => {
    const limits = defaultConfig('/').limits;
    const files = corpusFiles();
    assert.ok(files.length >= 4000);
    let normalized = 0;
    const refused: string[] = [];
    const leftovers: string[] = [];
    for (const name of files) {
      const { source, diagnostics } = await loadSource(path.join(corpusDir, name), corpusDir, limits);
      if (!source) {
        // Only files whose own text is already destroyed (Big5 read as UTF-8 upstream: U+FFFD everywhere) may be refused.
        assert.equal(diagnostics[0]!.rule, 'load/undecodable', `${name}: ${diagnostics[0]!.message}`);
        refused.push(name);
        continue;
      }
      const r = normalize(source.body, source.relPath, { firstLine: source.bodyStartLine });
      normalized++;
      const left = traditionalOnlyIn(r.text);
      if (left.length > 0) leftovers.push(`${name}: ${left.join('')}`);
    }
    t.diagnostic(`${normalized} normalized, ${refused.length} refused as undecodable`);
    assert.deepEqual(leftovers, []);
    assert.ok(refused.length < files.length / 100, `too many refused: ${refused.length}`);
  },
);

// keepOriginal forks the state at the `script` rule instead of running every rule again.
test(
  "keepOriginal's original is exactly normalize with `script` disabled, on every 10th tw-news article, and comes only with zh-Hant",
  { skip: sharedMissing() },
  async () => {
    const files = corpusFiles(10);
    let traditional = 0;
    for await (const { name, source } of corpusSources(files)) {
      const options = { firstLine: source.bodyStartLine };
      const both = normalize(source.body, source.relPath, { ...options, keepOriginal: true });
      const plain = normalize(source.body, source.relPath, options);
      assert.deepEqual(
        { ...both, original: undefined, originalSimplified: undefined },
        { ...plain, original: undefined, originalSimplified: undefined },
        `${name}: the normalized text is unchanged`,
      );
      if (both.originalScript !== 'zh-Hant') {
        assert.equal(both.original, undefined, name);
        assert.equal(both.originalSimplified, undefined, name);
        continue;
      }
      traditional++;
      assert.equal(both.original, normalize(source.body, source.relPath, { ...options, disable: ['script'] }).text, name);
    }
    assert.ok(traditional > files.length / 2, `most of the corpus is traditional (${traditional} of ${files.length})`);
  },
);

// The original's conversion reuses the runs the script rule converted (simplifyKnown): on the
// whole corpus it is exactly the original converted whole, as originalLines converted it before.
test(
  "keepOriginal's originalSimplified is exactly the original converted whole, on every tw-news article",
  { skip: sharedMissing() },
  async () => {
    const files = corpusFiles();
    let traditional = 0;
    for await (const { name, source } of corpusSources(files)) {
      const r = normalize(source.body, source.relPath, { firstLine: source.bodyStartLine, keepOriginal: true });
      if (r.original === undefined) continue;
      traditional++;
      assert.equal(r.originalSimplified, simplify(r.original), name);
    }
    assert.ok(traditional > files.length / 2, `most of the corpus is traditional (${traditional} of ${files.length})`);
  },
);
