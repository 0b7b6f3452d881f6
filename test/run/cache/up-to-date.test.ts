import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdir, readFile, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { RECORD_FILE, checkUpToDate, configHash, recordBuild, type BuildOutcome } from '../../../src/run/cache/up-to-date.js';
import { otherInputs, stampAll } from '../../../src/run/cache/inputs.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import type { Diagnostic } from '../../../src/model/index.js';
import { tempDir } from '../temp-dir.js';
import { writeSite } from '../../../src/stages/write/index.js';
import { bin, runParkpress, sampleSite, treeHashes, type RunResult } from '../site-fixture.js';
import { fixturesDir } from '../../helpers/paths.js';

const UP_TO_DATE = /^up to date: \d+ articles, (\d+) pages, (\d+) warnings?, 0 errors \(checked in \d+\.\d\d s; --force rebuilds\)$/m;
const BUILT = /^built \d+ articles/m;

/** `parkpress build` in `root`; search off to keep the tests quick. */
async function build(root: string, ...args: string[]): Promise<RunResult> {
  return runParkpress(['build', ...args], root);
}

async function site(): Promise<string> {
  const root = await sampleSite();
  await writeFile(path.join(root, 'parkpress.config.json'), JSON.stringify({ search: false }));
  return root;
}

/** Builds until up to date, then applies `change` and expects the next build to build (not skip). */
async function expectRebuildAfter(root: string, what: string, change: () => Promise<void>): Promise<RunResult> {
  if (!UP_TO_DATE.test((await build(root)).stdout)) assert.match((await build(root)).stdout, UP_TO_DATE, `up to date before: ${what}`);
  await change();
  const r = await build(root, '--verbose');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, BUILT, `${what}: rebuilt\n${r.stdout}${r.stderr}`);
  return r;
}

test('nothing changed: "up to date" with the last build\'s counts, diagnostics and exit code', async () => {
  const root = await site();
  const first = await build(root);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, BUILT);
  const pages = /built 5 articles, (\d+) pages/.exec(first.stdout)![1];
  const again = await build(root);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, UP_TO_DATE);
  assert.equal(UP_TO_DATE.exec(again.stdout)![1], pages);
  assert.equal(again.stderr, first.stderr, 'the same warnings are printed again');
  assert.match(again.stderr, /warning/);
  // --strict turns the recorded warnings into exit 1, as it would have for the build itself.
  const strict = await build(root, '--strict');
  assert.equal(strict.code, 1);
  assert.match(strict.stdout, UP_TO_DATE);
  const quiet = await build(root, '--quiet');
  assert.equal(quiet.code, 0);
  assert.equal(quiet.stdout + quiet.stderr, '', 'quiet prints nothing when there are no errors');
  assert.match((await build(root, '--force')).stdout, BUILT);
});

test('an error recorded by the last build is printed again and still exits 1', async () => {
  const root = await site();
  await writeFile(path.join(root, 'content', 'blank.txt'), '\n\n');
  const first = await build(root);
  assert.equal(first.code, 1);
  assert.match(first.stderr, /blank\.txt.*error/);
  const again = await build(root, '--quiet');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /blank\.txt.*error.*pipeline\/no-text/);
  assert.equal(again.stdout, '', 'quiet: no summary');
});

test('a touched but unchanged input is still up to date (by content hash), and the record is refreshed', async () => {
  const root = await site();
  await build(root);
  const [name] = (await readdir(path.join(root, 'content'))).sort();
  const file = path.join(root, 'content', name!);
  const later = new Date(Date.now() - 60_000);
  await utimes(file, later, later);
  const record = path.join(root, '.parkpress-cache', RECORD_FILE);
  const before = (await stat(record)).mtimeMs;
  const r = await build(root);
  assert.match(r.stdout, UP_TO_DATE);
  assert.ok((await stat(record)).mtimeMs > before, 'the record now holds the new stat');
  assert.match((await build(root)).stdout, UP_TO_DATE);
});

test('every kind of change makes the next build build', async () => {
  const root = await site();
  const content = path.join(root, 'content');
  const [first, second] = (await readdir(content)).sort();
  await expectRebuildAfter(root, 'an article edited', () => appendFile(path.join(content, first!), '\n园区又有了新的进展。\n'));
  await expectRebuildAfter(root, 'same size and mtime, other bytes', async () => {
    const file = path.join(content, second!);
    const info = await stat(file);
    const text = await readFile(file);
    text[text.length - 1] = text[text.length - 1] === 0x0a ? 0x20 : 0x0a;
    await writeFile(file, text);
    await utimes(file, info.atime, info.mtime); // as `cp -p` or a restored backup would leave it
  });
  await expectRebuildAfter(root, 'a new article', () =>
    writeFile(path.join(content, 'new.txt'), '新区新闻\n\n高新区今天举行了新的项目签约仪式。\n'),
  );
  await expectRebuildAfter(root, 'an article deleted', () => rm(path.join(content, 'new.txt')));
  await expectRebuildAfter(root, 'a template added', async () => {
    await mkdir(path.join(root, 'templates'));
    await writeFile(path.join(root, 'templates', 'unused.njk'), '{# not used #}');
  });
  await expectRebuildAfter(root, 'a public file added', async () => {
    await mkdir(path.join(root, 'public'));
    await writeFile(path.join(root, 'public', 'extra.txt'), 'x');
  });
  await expectRebuildAfter(root, 'page views added', async () => {
    await mkdir(path.join(root, 'data'));
    await writeFile(path.join(root, 'data', 'pageviews.json'), '{}');
  });
  await expectRebuildAfter(root, 'the config changed', () =>
    writeFile(path.join(root, 'parkpress.config.json'), JSON.stringify({ search: false, title: '园区快讯' })),
  );
  const r = await build(root, '--base-url', 'https://news.example.cn');
  assert.match(r.stdout, BUILT, 'a command-line option that changes the output');
  await expectRebuildAfter(root, 'an output file edited', () => appendFile(path.join(root, 'dist', 'index.html'), '<!-- edited -->'));
  await expectRebuildAfter(root, 'an output file added', () => writeFile(path.join(root, 'dist', 'stray.html'), ''));
  await expectRebuildAfter(root, 'an output file added into a folder', async () => {
    const folder = (await readdir(path.join(root, 'dist'), { recursive: true, withFileTypes: true })).find(
      (e) => e.isDirectory() && e.parentPath !== path.join(root, 'dist'),
    )!;
    await writeFile(path.join(folder.parentPath, folder.name, 'stray.html'), '');
  });
  await expectRebuildAfter(root, 'an output folder added', () => mkdir(path.join(root, 'dist', 'articles', 'stray')));
  await expectRebuildAfter(root, 'an output folder removed', async () => {
    const articles = path.join(root, 'dist', 'articles');
    await rm(path.join(articles, (await readdir(articles)).sort()[0]!), { recursive: true });
  });
  await expectRebuildAfter(root, 'an output file (linked from the build before) rewritten with its size and mtime', async () => {
    const file = path.join(root, 'dist', 'index.html');
    const { mtimeNs } = await stat(file, { bigint: true });
    const text = await readFile(file);
    text[text.length - 1] = text[text.length - 1] === 0x0a ? 0x20 : 0x0a;
    await writeFile(file, text);
    // To the nanosecond (utimes takes seconds as a double): only the ctime tells.
    const nanos = (mtimeNs % 1_000_000_000n).toString().padStart(9, '0');
    assert.equal(spawnSync('touch', ['-m', '-d', `@${mtimeNs / 1_000_000_000n}.${nanos}`, file]).status, 0);
    assert.equal((await stat(file, { bigint: true })).mtimeNs, mtimeNs);
  });
  await expectRebuildAfter(root, 'the output removed', () => rm(path.join(root, 'dist'), { recursive: true }));
  await expectRebuildAfter(root, 'the output link pointed elsewhere', async () => {
    const dist = path.join(root, 'dist');
    // Another build folder of parkpress's (a link out of dist.builds/ is refused: ownership.ts).
    const copy = path.join(root, 'dist.builds', 'copy-1-1');
    await cp(dist, copy, { recursive: true, dereference: true });
    await rm(dist);
    await symlink(copy, dist);
  });
  await expectRebuildAfter(root, 'the record damaged', () => writeFile(path.join(root, '.parkpress-cache', RECORD_FILE), 'garbage'));
  assert.ok(readlinkSync(path.join(root, 'dist')).includes('dist.builds'));
});

test('the output is byte-identical with and without the cache, and --no-cache writes none', async () => {
  const cached = await site();
  const plain = await site();
  await build(cached);
  await appendFile(path.join(cached, 'content', (await readdir(path.join(cached, 'content'))).sort()[0]!), '\n');
  await appendFile(path.join(plain, 'content', (await readdir(path.join(plain, 'content'))).sort()[0]!), '\n');
  const fromCache = await build(cached, '--verbose');
  assert.match(fromCache.stderr, /cache: 4 of 5 files from/);
  const noCache = await build(plain, '--no-cache');
  assert.equal(noCache.code, 0, noCache.stderr);
  assert.equal(existsSync(path.join(plain, '.parkpress-cache')), false);
  assert.deepEqual(await treeHashes(path.join(cached, 'dist')), await treeHashes(path.join(plain, 'dist')));
  assert.match((await build(plain, '--no-cache')).stdout, BUILT, '--no-cache never skips');
});

test("an up-to-date build and --help load none of the pipeline's heavy modules", async () => {
  const root = await site();
  await build(root);
  const loaded = (args: string[]) => {
    const trace = path.join(root, `trace-${args[0]}.txt`);
    const r = spawnSync(process.execPath, ['--import', path.join(fixturesDir, 'cache', 'trace-imports.mjs'), bin, ...args], {
      cwd: root,
      env: { ...process.env, TRACE_IMPORTS: trace, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    return { stdout: r.stdout, modules: existsSync(trace) ? readFileSync(trace, 'utf8') : '' };
  };
  const upToDate = loaded(['build']);
  assert.match(upToDate.stdout, UP_TO_DATE);
  const help = loaded(['--help']);
  for (const { modules } of [upToDate, help]) {
    assert.match(modules, /\/cli\.js$/m, 'the trace sees the CLI');
    for (const heavy of ['opencc-js', '@node-rs/jieba', 'nunjucks', 'markdown-it', 'zod', 'pinyin-pro', 'gray-matter']) {
      assert.doesNotMatch(modules, new RegExp(`/node_modules/${heavy}/`), heavy);
    }
  }
});

test('a build that hit a bug (build/internal) is not recorded, so the next build runs again', async () => {
  const root = await tempDir('pp-record-');
  const config = { ...defaultConfig(root), search: false };
  await mkdir(config.contentDir);
  const written = await writeSite([{ path: 'index.html', content: '<p>hi</p>' }], config.outDir);
  const warning: Diagnostic = { file: 'a.txt', line: 1, column: 1, severity: 'warning', rule: 'extract/no-date', message: 'no date' };
  const internal: Diagnostic = { ...warning, severity: 'error', rule: 'build/internal', message: 'internal error' };
  const record = (outcome: BuildOutcome) =>
    recordBuild(config, { stampedAt: Date.now(), stamps: stampAll(otherInputs(config)), written, outcome }, { fingerprint: 'v1' });

  assert.equal(await record({ articles: 0, pages: 1, diagnostics: [warning] }), true);
  assert.deepEqual(await checkUpToDate(config, { fingerprint: 'v1' }), {
    upToDate: true,
    outcome: { articles: 0, pages: 1, diagnostics: [warning] },
  });
  assert.equal(await record({ articles: 0, pages: 1, diagnostics: [warning, internal] }), false);
  assert.equal(existsSync(path.join(config.cacheDir!, RECORD_FILE)), false, 'the earlier record is removed too');
  assert.equal((await checkUpToDate(config, { fingerprint: 'v1' })).upToDate, false);
});

test('a cache folder that cannot be written never fails the build', async () => {
  const root = await site();
  await writeFile(path.join(root, 'parkpress.config.json'), JSON.stringify({ search: false, cacheDir: 'not-a-folder' }));
  await writeFile(path.join(root, 'not-a-folder'), 'a file where the cache folder should be');
  for (let i = 0; i < 2; i++) {
    const r = await build(root, '--verbose');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, BUILT, 'built both times: nothing could be recorded');
    assert.match(r.stderr, /cache: cannot write to .*not-a-folder/);
  }
  assert.equal(await readFile(path.join(root, 'not-a-folder'), 'utf8'), 'a file where the cache folder should be');
});

test('the config hash covers every key that can change the output, and not where the cache lives or how many threads run', () => {
  const config = defaultConfig('/site');
  assert.equal(configHash({ ...config, cacheDir: '/elsewhere' }), configHash(config));
  assert.equal(configHash({ ...config, jobs: 3 } as typeof config), configHash(config));
  assert.equal(configHash({ ...config, related: { ...config.related } }), configHash(config), 'key order and copies do not matter');
  assert.notEqual(configHash({ ...config, title: '园区快讯' }), configHash(config));
  assert.notEqual(configHash({ ...config, limits: { ...config.limits, maxLines: 10 } }), configHash(config));
  assert.notEqual(configHash({ ...config, outDir: '/site/public_html' }), configHash(config));
});
