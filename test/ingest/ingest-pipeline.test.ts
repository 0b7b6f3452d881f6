import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultConfig } from '../../src/config/defaults.js';
import { splitFrontMatter } from '../../src/stages/load/frontmatter.js';
import { INGEST_FIELDS, fieldValue } from '../../src/ingest/fields.js';
import { ingest, RAW_DIR } from '../../src/ingest/index.js';
import { discoverSources } from '../../src/stages/load/discover.js';
import { processFile } from '../../src/run/per-file/process.js';
import type { Article } from '../../src/model/index.js';
import { projectRoot } from '../helpers/paths.js';
import { snapshot, tempContent } from './helpers.js';

/** The sample articles, ingested in a temp content folder; `before` is what the raw .txt extracted to. */
async function ingestSamples(dir: string) {
  const config = { ...defaultConfig(path.dirname(dir)), contentDir: dir };
  const samples = (await readdir(path.join(projectRoot, 'content'))).filter((n) => n.endsWith('.txt')).sort();
  const before = new Map<string, Article>();
  for (const name of samples) {
    await copyFile(path.join(projectRoot, 'content', name), path.join(dir, name));
    const result = await processFile(path.join(dir, name), dir, config);
    assert.ok(result.article, `${name} extracts`);
    before.set(name, result.article);
  }
  const result = await ingest(
    samples.map((n) => path.join(dir, n)),
    { config },
  );
  return { config, samples, before, result };
}

test("ingesting the sample articles writes what was extracted, keeps the originals, reads back as the editor's, and is idempotent", async () => {
  const { dir, dispose } = await tempContent();
  try {
    const { config, samples, before, result } = await ingestSamples(dir);
    assert.deepEqual(
      result.actions.map((a) => a.kind),
      samples.map(() => 'convert'),
    );
    assert.deepEqual(
      result.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );

    for (const name of samples) {
      const md = name.replace(/\.txt$/, '.md');
      const extracted = before.get(name)!;
      assert.deepEqual(
        await readFile(path.join(dir, RAW_DIR, name)),
        await readFile(path.join(projectRoot, 'content', name)),
        `${name} kept byte for byte`,
      );

      const { data } = splitFrontMatter(await readFile(path.join(dir, md), 'utf8'));
      for (const field of INGEST_FIELDS) assert.deepEqual(data[field], fieldValue(extracted, field), `${md}: ${field} as extracted`);
      const provenance = Object.fromEntries(INGEST_FIELDS.flatMap((f) => (extracted.provenance[f] ? [[f, extracted.provenance[f]]] : [])));
      assert.deepEqual(data.provenance, provenance, `${md}: where each value came from`);

      const reread = await processFile(path.join(dir, md), dir, config);
      assert.ok(reread.article, `${md} extracts`);
      for (const field of INGEST_FIELDS) {
        assert.equal(reread.article.provenance[field], 'editor', `${md}: ${field} is the editor's now`);
        assert.deepEqual(fieldValue(reread.article, field), fieldValue(extracted, field), `${md}: ${field} unchanged`);
      }
      assert.deepEqual(
        reread.diagnostics.filter((d) => d.rule === 'extract/unknown-key'),
        [],
        'provenance is a known key',
      );
    }

    const published = (await discoverSources(dir)).map((f) => path.relative(dir, f));
    assert.deepEqual(
      published,
      samples.map((n) => n.replace(/\.txt$/, '.md')),
      'the originals in .raw/ are not published twice',
    );

    const first = await snapshot(dir);
    const again = await ingest(
      samples.map((n) => path.join(dir, n.replace(/\.txt$/, '.md'))),
      { config },
    );
    assert.deepEqual(
      again.actions.map((a) => a.kind),
      samples.map(() => 'unchanged'),
    );
    assert.deepEqual(await snapshot(dir), first);
  } finally {
    await dispose();
  }
});

test('an ingested .md body re-extracts to the same body, subheadings and captions', async () => {
  const { dir, dispose } = await tempContent();
  try {
    const { config, samples, before } = await ingestSamples(dir);
    for (const name of samples) {
      const md = name.replace(/\.txt$/, '.md');
      const reread = (await processFile(path.join(dir, md), dir, config)).article!;
      const extracted = before.get(name)!;
      assert.deepEqual(reread.subheadings, extracted.subheadings, `${md}: subheadings`);
      assert.deepEqual(reread.captions, extracted.captions, `${md}: captions`);
      assert.equal(reread.body, extracted.body, `${md}: body`);
    }
  } finally {
    await dispose();
  }
});

test('a field deleted from an ingested .md comes back from the kept original as first extracted (the dateline is not in the body)', async () => {
  const { dir, dispose } = await tempContent();
  try {
    const { config, samples } = await ingestSamples(dir);
    const mds = samples.map((n) => path.join(dir, n.replace(/\.txt$/, '.md')));
    const first = new Map<string, Record<string, unknown>>();
    for (const md of mds) {
      const text = await readFile(md, 'utf8');
      first.set(md, splitFrontMatter(text).data);
      // What an editor does to get a value back: delete its line.
      await writeFile(md, text.replace(/^(date|source|title|park|slug|summary): .*\n/gm, ''));
    }
    assert.equal(first.get(mds[1]!)!.source, '中国江苏网', 'the sample with a dateline names its source');
    const again = await ingest(mds, { config });
    assert.deepEqual(
      again.actions.map((a) => a.kind),
      mds.map(() => 'fill'),
    );
    for (const md of mds) {
      const { data } = splitFrontMatter(await readFile(md, 'utf8'));
      for (const field of INGEST_FIELDS) assert.deepEqual(data[field], first.get(md)![field], `${path.basename(md)}: ${field}`);
      assert.deepEqual(data.provenance, first.get(md)!.provenance, `${path.basename(md)}: provenance`);
    }
  } finally {
    await dispose();
  }
});
