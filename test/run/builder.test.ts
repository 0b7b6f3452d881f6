import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createBuilder } from '../../src/run/builder.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { fakeStages } from './fake-stages.js';
import { tempDir } from './temp-dir.js';

async function tempSite(files: Record<string, string>) {
  const root = await tempDir('pp-builder-');
  const config = defaultConfig(root);
  await mkdir(path.join(config.contentDir, 'sub'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(config.contentDir, name), text);
  return { root, config, content: (name: string) => path.join(config.contentDir, name) };
}

test('builds every article; a rebuild processes only files whose bytes changed', async () => {
  const { config, content } = await tempSite({ 'a.txt': '甲\n', 'b.txt': '乙\n', 'sub/c.txt': '丙\n' });
  const stages = fakeStages();
  const builder = createBuilder(config, {}, stages);
  const first = await builder.build();
  assert.equal(first.articles, 3);
  assert.equal(first.pages, 4);
  assert.equal(first.processed, 3);
  assert.equal(await readFile(path.join(config.outDir, 'index.html'), 'utf8'), '<ul><li>甲</li><li>乙</li><li>丙</li></ul>');

  assert.equal((await builder.build()).processed, 0, 'nothing changed');
  await writeFile(content('b.txt'), '乙二\n');
  const second = await builder.build();
  assert.equal(second.processed, 1);
  assert.deepEqual(stages.processed.slice(3), ['b.txt']);
  assert.equal(await readFile(path.join(config.outDir, 'articles/b/index.html'), 'utf8'), '<h1>乙二</h1>');
});

test('with a changed list, only those files are looked at; deleted files leave the site', async () => {
  const { config, content } = await tempSite({ 'a.txt': '甲\n', 'b.txt': '乙\n' });
  const stages = fakeStages();
  const builder = createBuilder(config, {}, stages);
  await builder.build();
  await writeFile(content('a.txt'), '甲二\n');
  await writeFile(content('b.txt'), '乙二\n');
  const r = await builder.build([content('b.txt')]);
  assert.equal(r.processed, 1, 'a.txt was not in the changed list');
  await rm(content('b.txt'));
  await writeFile(content('new.txt'), '新\n');
  const r2 = await builder.build([content('b.txt'), content('new.txt')]);
  assert.equal(r2.articles, 2);
  await assert.rejects(readFile(path.join(config.outDir, 'articles/b/index.html')), { code: 'ENOENT' });
  assert.match(await readFile(path.join(config.outDir, 'index.html'), 'utf8'), /<li>新<\/li>/);
});

test('a bad file or a crashing stage only adds diagnostics; the rest builds, diagnostics sorted', async () => {
  const { config } = await tempSite({ 'a.txt': '甲\n', 'b.txt': 'BAD\n', 'c.txt': 'THROW\n' });
  const r = await createBuilder(config, {}, fakeStages()).build();
  assert.equal(r.articles, 1);
  assert.deepEqual(
    r.diagnostics.map((d) => `${d.file}:${d.severity}:${d.rule}`),
    ['a.txt:warning:fake/warn', 'b.txt:error:load/bad', 'c.txt:error:build/internal'],
  );
  assert.match(r.diagnostics[2]!.message, /stage bug/);
});

test('the order the file system lists files in does not change the output', async () => {
  const { config } = await tempSite({ 'b.txt': '乙\n', 'a.txt': '甲\n', 'sub/c.txt': '丙\n' });
  const stages = fakeStages();
  const listed = stages.discover;
  await createBuilder(config, {}, stages).build();
  const one = await readFile(path.join(config.outDir, 'index.html'), 'utf8');
  stages.discover = async (dir) => (await listed(dir)).reverse();
  await createBuilder(config, {}, stages).build();
  assert.equal(await readFile(path.join(config.outDir, 'index.html'), 'utf8'), one);
});

test('reports progress for every file, then each site-wide stage', async () => {
  const { config } = await tempSite({ 'a.txt': '甲\n', 'b.txt': '乙\n' });
  const seen: string[] = [];
  await createBuilder(config, { onProgress: (d, t) => seen.push(`${d}/${t}`), onStage: (s) => seen.push(s) }, fakeStages()).build();
  assert.deepEqual(seen, ['1/2', '2/2', 'corpus', 'site', 'render']);
});

test('refuses an output folder inside the content folder', async () => {
  const { config } = await tempSite({});
  assert.throws(() => createBuilder({ ...config, outDir: path.join(config.contentDir, 'dist') }, {}, fakeStages()), /overlaps contentDir/);
});

test('a missing content folder is a configuration error, not a crash', async () => {
  const { config } = await tempSite({});
  await rm(config.contentDir, { recursive: true });
  await assert.rejects(
    createBuilder(config, {}, fakeStages()).build(),
    (err: Error) => err.name === 'ConfigError' && /content folder .* does not exist/.test(err.message),
  );
});

/** A full garbage collection (gc exposed for this process, reached through a fresh context). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

test('a one-time build lets go of the per-file articles once the corpus step has made its own; dev keeps them', async () => {
  for (const once of [true, false]) {
    const { config } = await tempSite({ 'a.txt': '甲\n', 'b.txt': '乙\n' });
    const stages = fakeStages();
    const made: WeakRef<object>[] = [];
    let heldAtSite: number | undefined;
    const builder = createBuilder(
      config,
      { once },
      {
        ...stages,
        async processFile(...args) {
          const r = await stages.processFile(...args);
          if (r.article) made.push(new WeakRef(r.article));
          return r;
        },
        // As the real corpus step does: new article objects, so the per-file ones are needed no more.
        enrichCorpus: (articles, facts, c) =>
          stages.enrichCorpus(
            articles.map((a) => ({ ...a })),
            facts,
            c,
          ),
        buildSite(articles, f, c) {
          collectGarbage();
          heldAtSite = made.filter((r) => r.deref() !== undefined).length;
          return stages.buildSite(articles, f, c);
        },
      },
    );
    assert.equal((await builder.build()).articles, 2);
    assert.equal(made.length, 2);
    assert.equal(heldAtSite, once ? 0 : 2, once ? 'let go in a one-time build' : 'kept for the next build');
  }
});

test('a one-time build hands over its per-file results before the site stages and drops terms once the site stage has read them', async () => {
  const { config } = await tempSite({ 'a.txt': '甲\n', 'b.txt': '乙\n' });
  const stages = fakeStages();
  const events: string[] = [];
  const facts = {
    terms: { words: { terms: ['开发'], counts: Uint16Array.of(1) }, keywords: { terms: ['开发'], counts: Uint16Array.of(1) } },
    fingerprints: Uint32Array.of(1, 2, 3),
    readingMinutes: 1,
  };
  const processFile = stages.processFile;
  const once = createBuilder(
    config,
    {
      once: true,
      onFilesDone: async (files) => {
        events.push(`files done: ${files.length}`);
      },
    },
    {
      ...stages,
      async processFile(...args) {
        const r = await processFile(...args);
        return r.article ? { ...r, facts } : r;
      },
      enrichCorpus(articles, f, c) {
        events.push(
          `corpus sees fingerprints: ${[...f.values()].every((x) => x.fingerprints.length === 3 && x.terms.keywords.terms.length === 1)}`,
        );
        return stages.enrichCorpus(articles, f, c);
      },
      buildSite(articles, f, c) {
        const all = [...f.values()];
        events.push(
          `site sees words: ${all.every((x) => x.terms.words.terms[0] === '开发')}, fingerprints: ${all.some((x) => x.fingerprints.length > 0)}`,
        );
        return stages.buildSite(articles, f, c);
      },
      renderSite(site, f) {
        const all = [...f.values()];
        events.push(
          `render sees words: ${all.some((x) => x.terms.words.terms.length > 0)}, minutes: ${all.every((x) => x.readingMinutes === 1)}`,
        );
        return stages.renderSite(site, f);
      },
    },
  );
  assert.equal((await once.build()).articles, 2);
  assert.deepEqual(events, [
    'files done: 2',
    'corpus sees fingerprints: true',
    'site sees words: true, fingerprints: false',
    'render sees words: false, minutes: true',
  ]);
});
