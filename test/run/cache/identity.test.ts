// The README's promise about the build cache, end to end on real pages: the published site is
// byte for byte the same whatever the cache holds (issue 18, defect 3: a build from the cache
// published other keywords, related lists and fewer articles than a cold one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, copyFile, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareCodeUnits } from '../../../src/text/compare.js';
import { corpusDir, sharedMissing } from '../../helpers/paths.js';
import { runParkpress, treeHashes } from '../site-fixture.js';
import { tempDir } from '../temp-dir.js';

/**
 * Files of the corpus built: more than one frame of the pack (256 entries a frame, where typed
 * arrays were once overwritten by the next frame), few enough that a build takes seconds.
 */
const FILES = 300;

function skipReason(): string | false {
  const missing = sharedMissing();
  if (missing) return missing;
  return existsSync(corpusDir) ? false : `the tw-news corpus is not at ${corpusDir}`;
}

/** A site whose content/ is the first FILES corpus files in code-unit order (the reproduction). */
async function corpusSite(): Promise<{ root: string; names: string[] }> {
  const root = await tempDir('pp-identity-');
  await mkdir(path.join(root, 'content'));
  const names = readdirSync(corpusDir).sort(compareCodeUnits).slice(0, FILES);
  for (const name of names) await copyFile(path.join(corpusDir, name), path.join(root, 'content', name));
  return { root, names };
}

interface Built {
  tree: Map<string, string>;
  /** Files served by the per-file cache (undefined: the build was skipped or ran without the cache). */
  fromCache?: number;
  upToDate: boolean;
}

/** `parkpress build -v ...flags`, and every byte of what `dist` then holds. */
async function build(root: string, ...flags: string[]): Promise<Built> {
  const run = await runParkpress(['build', '-v', ...flags], root);
  // The corpus has undecodable files: their errors make the exit code 1, never more.
  assert.ok(run.code === 0 || run.code === 1, `build ${flags.join(' ')} exited ${run.code}:\n${run.stderr}`);
  const hits = /cache: (\d+) of \d+ files from/.exec(run.stdout + run.stderr);
  return {
    tree: await treeHashes(path.join(root, 'dist')),
    fromCache: hits ? Number(hits[1]) : undefined,
    upToDate: /^up to date:/m.test(run.stdout),
  };
}

/** Every path with its bytes' hash the same in both trees; names the first files that differ. */
function assertSameTree(actual: Map<string, string>, expected: Map<string, string>, what: string): void {
  const paths = [...new Set([...actual.keys(), ...expected.keys()])].sort(compareCodeUnits);
  const differ = paths.filter((p) => actual.get(p) !== expected.get(p));
  const pages = (t: Map<string, string>) => [...t.keys()].filter((p) => /^articles\/.+\/index\.html$/.test(p)).length;
  assert.equal(
    differ.length,
    0,
    `${what}: ${differ.length} of ${paths.length} files differ (${actual.size} files and ${pages(actual)} articles ` +
      `against ${expected.size} and ${pages(expected)}), e.g. ${differ.slice(0, 6).join(', ')}`,
  );
}

test(
  `tw-news, ${FILES} files: cold, warm, --force, --no-cache and after touching, editing and reverting files publish the same bytes`,
  { skip: skipReason() },
  async () => {
    const { root, names } = await corpusSite();
    const file = (i: number) => path.join(root, 'content', names[i]!);

    const cold = await build(root);
    const warm = await build(root);
    assert.ok(warm.upToDate, 'nothing changed: the second build is skipped');
    assertSameTree(warm.tree, cold.tree, 'warm');
    const forced = await build(root, '--force');
    assert.equal(forced.fromCache, FILES, 'every file comes from the cache');
    assertSameTree(forced.tree, cold.tree, '--force');
    assertSameTree((await build(root, '--no-cache')).tree, cold.tree, '--no-cache');

    // Same bytes, new times: the stamps differ from the record, the hashes do not. (dist is now the
    // --no-cache build's, so this is a build, from the cache, not a skip.)
    const later = new Date(Date.now() + 10_000);
    for (let i = 0; i < 40; i++) await utimes(file(i), later, later);
    const touched = await build(root);
    assert.equal(touched.fromCache, FILES);
    assertSameTree(touched.tree, cold.tree, 'after touching 40 files');

    // One file gains a paragraph; another is copied three times, so its own lines become site
    // template on it (its share changes though its bytes do not) and its copies near-duplicates.
    const original = await readFile(file(4));
    await appendFile(file(4), '\n园区管委会表示，下一步将继续优化营商环境，推动重点项目尽快落地投产。\n');
    for (const n of [1, 2, 3]) await copyFile(file(9), path.join(root, 'content', `copy-${n}-${names[9]}`));
    const edited = await build(root);
    assert.ok(edited.fromCache !== undefined && edited.fromCache < FILES, 'the changed files are processed again');
    assertSameTree(edited.tree, (await build(root, '--no-cache')).tree, 'after editing one file and copying another');

    await writeFile(file(4), original);
    for (const n of [1, 2, 3]) await rm(path.join(root, 'content', `copy-${n}-${names[9]}`));
    assertSameTree((await build(root)).tree, cold.tree, 'after reverting');
  },
);
