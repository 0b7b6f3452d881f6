import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  convertAddedArticle,
  hugoEquivalentInput,
  missingPeer,
  prepareHugoEquivalent,
  type CheckRecord,
} from '../../scripts/bench/hugo-equivalent.js';
import { hugoEquivalentTool } from '../../scripts/bench/tools.js';
import { workspacePaths } from '../../scripts/bench/workspace.js';
import { projectRoot, sharedDir, sharedMissing } from '../helpers/paths.js';

const peerDir = path.join(sharedDir, 'peers', 'hugo-equivalent');
const noPeer = sharedMissing() || (missingPeer(peerDir) ?? false);
const noHugo = spawnSync('sh', ['-c', 'command -v hugo'], { stdio: 'ignore' }).status === 0 ? false : 'hugo is not installed';
const quiet = () => {};

/** Front-matter (make-content.mjs writes it as one JSON line) and body of a peer article. */
function parsePeerArticle(markdown: string): { fm: Record<string, unknown>; body: string } {
  const m = /^---\n(.*)\n---\n\n([\s\S]*)\n$/.exec(markdown);
  assert.ok(m, `not a peer article: ${markdown.slice(0, 80)}`);
  return { fm: JSON.parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}

function record(file: string, fields: Partial<CheckRecord>): CheckRecord {
  return {
    file,
    title: `标题 ${file}`,
    body: `正文 ${file}。`,
    keywords: [],
    computed_keywords: [],
    parks: [],
    duplicate_of: null,
    ...fields,
  };
}

test('a folder without the peer script, config and layouts is reported missing, naming what is absent', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-he-'));
  try {
    assert.equal(missingPeer(dir), `make-content.mjs, hugo.toml, layouts not found in ${dir}`);
    await writeFile(path.join(dir, 'make-content.mjs'), '');
    await writeFile(path.join(dir, 'hugo.toml'), '');
    assert.equal(missingPeer(dir), `layouts not found in ${dir}`);
    await mkdir(path.join(dir, 'layouts'));
    assert.equal(missingPeer(dir), undefined);
    assert.match(missingPeer(path.join(dir, 'nowhere'))!, /^make-content\.mjs, hugo\.toml, layouts not found/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the added article's keywords become tags when a shown corpus article carries them too", { skip: noPeer }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-he-'));
  try {
    const corpus = [
      record('a.txt', { keywords: ['园区', '招商'] }),
      record('b.txt', { computed_keywords: ['数字经济'], parks: ['苏州工业园区'] }),
      record('c.txt', { keywords: ['独有词'], duplicate_of: 'a.txt' }),
    ];
    const added = record('zz-added.txt', {
      computed_keywords: ['数字经济', '招商', '独有词', '新词'],
      parks: ['苏州工业园区'],
      source: '新华网',
      views: 12,
      date: '2024-03-20',
    });
    const { fm, body } = parsePeerArticle(await convertAddedArticle(peerDir, corpus, added, path.join(dir, 'scratch')));
    assert.equal(fm.title, added.title);
    assert.equal(body, added.body);
    // 独有词 is carried only by a near-duplicate, which is not shown; 新词 by nothing else.
    assert.deepEqual(fm.tags, ['数字经济', '招商']);
    assert.deepEqual(fm.parks, ['苏州工业园区']);
    assert.deepEqual(fm.sources, ['新华网']);
    assert.equal(fm.views, 12);
    assert.equal(fm.date, '2024-03-20T00:00:00+08:00');
    assert.deepEqual(fm.months, ['2024-03']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test(
  'an added article make-content.mjs leaves out (near-duplicate, no body) is an error, not another article',
  { skip: noPeer },
  async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-he-'));
    try {
      const corpus = [record('a.txt', {}), record('b.txt', {})];
      for (const added of [record('zz.txt', { duplicate_of: 'a.txt' }), record('zz.txt', { body: null })]) {
        await assert.rejects(
          convertAddedArticle(peerDir, corpus, added, path.join(dir, 'scratch')),
          /left the added article out \(zz\.txt\)/,
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);

test(
  'the site is made from parkpress check --json of the samples, and Hugo builds it with the added article',
  { skip: noPeer || noHugo },
  async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-he-'));
    try {
      const samples = (await readdir(path.join(projectRoot, 'content'))).filter((n) => n.endsWith('.txt')).sort();
      const ws = { ...workspacePaths(dir, samples.length - 1), rawBytes: 0, markdownBytes: 0 };
      await mkdir(path.join(ws.parkpress, 'content'), { recursive: true });
      for (const name of samples.slice(0, -1))
        await copyFile(path.join(projectRoot, 'content', name), path.join(ws.parkpress, 'content', name));
      const addedRaw = await readFile(path.join(projectRoot, 'content', samples.at(-1)!), 'utf8');
      const site = await prepareHugoEquivalent({ projectRoot, peerDir, ws, addedRaw, log: quiet });

      const corpus = JSON.parse(await readFile(path.join(hugoEquivalentInput(ws), 'corpus.json'), 'utf8')) as CheckRecord[];
      assert.deepEqual(
        corpus.map((r) => path.basename(String(r.file))),
        samples.slice(0, -1),
      );
      const posts = path.join(ws.hugoEquivalent, 'content', 'posts');
      assert.equal(site.articles, corpus.filter((r) => r.title && r.body && !r.duplicate_of).length);
      assert.equal((await readdir(posts)).length, site.articles);
      assert.equal(
        await readFile(path.join(ws.hugoEquivalent, 'hugo.toml'), 'utf8'),
        await readFile(path.join(peerDir, 'hugo.toml'), 'utf8'),
      );

      const [addedRecord] = JSON.parse(await readFile(path.join(hugoEquivalentInput(ws), 'added.json'), 'utf8')) as CheckRecord[];
      const tool = hugoEquivalentTool();
      const added = tool.addedArticle(ws);
      assert.equal(added.format, 'prepared');
      if (added.format !== 'prepared') return;
      const { fm, body } = parsePeerArticle(await readFile(added.from, 'utf8'));
      assert.equal(fm.title, addedRecord!.title);
      assert.equal(body, addedRecord!.body);

      await copyFile(added.from, added.file);
      const build = tool.build(ws);
      const r = spawnSync(build.cmd, build.args, { cwd: build.cwd, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const page = await readFile(path.join(ws.hugoEquivalent, 'public', 'posts', 'zz-added', 'index.html'), 'utf8');
      assert.ok(page.includes(String(addedRecord!.title)), 'the added article has its page');
      assert.match(page, /<h2>最新<\/h2>/, "the peer's theme is used");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);
