// `parkpress check` end to end: the real CLI on the sample content and on small folders made here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile, copyFile, rm } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusDir, fixturesDir, projectRoot, sharedMissing } from '../helpers/paths.js';

const bin = path.join(projectRoot, 'bin', 'parkpress.js');

function run(args: string[], cwd = projectRoot) {
  const r = spawnSync(process.execPath, [bin, 'check', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The documented keys of one `--json` object, in order (docs/check-json.md). */
const KEYS = [
  'file',
  'title',
  'date',
  'date_source',
  'source',
  'keywords',
  'computed_keywords',
  'park',
  'parks',
  'category',
  'series',
  'authors',
  'editors',
  'views',
  'original_script',
  'encoding',
  'subheadings',
  'summary',
  'body',
  'duplicate_of',
  'provenance',
  'diagnostics',
];

type Json = Record<string, unknown> & { diagnostics: Record<string, unknown>[] };

test('check --json content/ prints one object per file with exactly the documented keys and types', () => {
  const r = run(['--json', 'content/']);
  assert.equal(r.code, 0, r.stderr);
  const list = JSON.parse(r.stdout) as Json[];
  assert.deepEqual(
    list.map((o) => o.file),
    [
      'content/000_9f6095f70a76f921.txt',
      'content/001_1464f3ad2492a083.txt',
      'content/002_531f6a344d3f0c97.txt',
      'content/003_a94316a78cdbf75f.txt',
      'content/004_8ccd692208c8b727.txt',
    ],
  );
  for (const o of list) {
    assert.deepEqual(Object.keys(o), KEYS);
    assert.equal(typeof o.title, 'string');
    for (const k of ['keywords', 'computed_keywords', 'parks', 'authors', 'editors', 'subheadings']) assert.ok(Array.isArray(o[k]), k);
    assert.ok(o.date === null || /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+08:00)?$/u.test(o.date as string));
    assert.ok(o.date === null ? o.date_source === null : ['explicit', 'inferred', 'editor'].includes(o.date_source as string));
    assert.ok(o.views === null || Number.isInteger(o.views));
    assert.ok(['zh-Hans', 'zh-Hant'].includes(o.original_script as string));
    for (const d of o.diagnostics) {
      assert.deepEqual(Object.keys(d), ['line', 'column', 'severity', 'rule', 'message']);
      assert.ok(['error', 'warning', 'info'].includes(d.severity as string));
    }
  }
  const jiangbei = list[3]!;
  assert.equal(jiangbei.date, '2024-03-20T18:44:00+08:00');
  assert.equal(jiangbei.date_source, 'explicit');
  assert.equal(jiangbei.views, 6911);
  assert.equal(jiangbei.category, '财经');
  assert.ok((jiangbei.body as string).includes('## 全覆盖走访服务重点企业'));
  assert.equal(list[2]!.date_source, 'inferred');
  assert.ok((list[2]!.computed_keywords as string[]).length >= 3);
});

test('human output shows fields with provenance and diagnostics like a compiler; --strict turns warnings into exit 1', () => {
  const r = run(['content']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^ {2}date +\[explicit\] +2024-03-20T18:44:00\+08:00$/mu);
  assert.match(r.stdout, /^ {2}date +\[inferred\] +2021-11-21$/mu);
  assert.match(r.stdout, /^ {2}computed_keywords +\[computed\] /mu);
  assert.match(r.stdout, /^ {2}content\/000_9f6095f70a76f921\.txt:21:\d+ {2}warning {2}normalize\/mojibake {2}\S/mu);
  // 000 names no year of its own (its one year is inside a full date, a past event): it stays undated.
  assert.match(r.stdout, /^date: 2 explicit, 2 inferred, 1 none$/mu);
  assert.equal(run(['--strict', '-q', 'content']).code, 1);
});

test('a file with an error exits 1; a skipped file still gets an object; the rest is checked', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-check-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await copyFile(path.join(fixturesDir, 'extract', 'front-matter.txt'), path.join(dir, 'a.txt'));
  await copyFile(path.join(fixturesDir, 'extract', 'parks.txt'), path.join(dir, 'b.txt'));
  await writeFile(path.join(dir, 'c.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x00, 0x10, 0x00]));
  const r = run(['--json', '.'], dir);
  assert.equal(r.code, 1);
  const [a, b, c] = JSON.parse(r.stdout) as Json[];
  assert.ok(a!.diagnostics.some((d) => d.rule === 'extract/front-matter-type' && (d.message as string).includes('"keywords"')));
  assert.equal(a!.date_source, 'explicit');
  assert.equal(b!.park, '广州经开区');
  assert.equal(c!.title, null);
  assert.ok(c!.diagnostics.some((d) => d.severity === 'error'));
});

test('a path that does not exist is a usage error (exit 2) naming it', () => {
  const r = run(['no/such/folder']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no\/such\/folder: no such file or folder/u);
});

test('a slice of the tw-news corpus (pages nobody here wrote) checks without a crash', { skip: sharedMissing() }, async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-check-tw-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const names = readdirSync(corpusDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .slice(0, 40);
  for (const n of names) await copyFile(path.join(corpusDir, n), path.join(dir, n));
  const r = run(['--json', '.'], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const list = JSON.parse(r.stdout) as Json[];
  assert.equal(list.length, names.length);
  const articles = list.filter((o) => o.title !== null);
  assert.ok(articles.every((o) => o.original_script === 'zh-Hant' || o.original_script === 'zh-Hans'));
  assert.ok(articles.filter((o) => (o.title as string).length > 0).length >= articles.length * 0.9, 'most pages get a title');
});
