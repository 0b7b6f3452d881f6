// Bad command-line options and config values, one row each: `parkpress build` must refuse them
// with exit 2 and a message naming the key or folder, before anything is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bin, runParkpress, sampleSite, treeHashes } from '../run/site-fixture.js';

interface Case {
  name: string;
  /** Arguments after `build`. */
  args?: string[];
  /** parkpress.config.json, when the bad value comes from the config file. */
  config?: Record<string, unknown>;
  /** Makes what the bad value points at (a folder of the user's, …) in the site root. */
  setup?: (root: string) => Promise<void>;
  /** What stderr must say: the key or folder named. */
  message: RegExp;
}

const MARKUP = '"><script>alert(1)</script>';

const cases: Case[] = [
  { name: '--path-prefix climbing out of the site', args: ['--path-prefix', '/../x'], message: /command line: "pathPrefix"/ },
  {
    name: 'config pathPrefix climbing out of the site',
    config: { pathPrefix: '/news/../../x' },
    message: /parkpress\.config\.json: "pathPrefix"/,
  },
  { name: '--base-url carrying markup', args: ['--base-url', `https://news.example.cn/${MARKUP}`], message: /command line: "baseUrl"/ },
  {
    name: 'config baseUrl carrying markup',
    config: { baseUrl: `https://news.example.cn${MARKUP}` },
    message: /parkpress\.config\.json: "baseUrl"/,
  },
  {
    name: '--base-url carrying a line break (a forged robots.txt line)',
    args: ['--base-url', 'https://news.example.cn/\nSitemap: https://evil.example/x.xml'],
    message: /command line: "baseUrl"/,
  },
  {
    name: '--out at a folder of the user’s files',
    args: ['--out', 'thesis'],
    setup: (root) => userFolder(path.join(root, 'thesis')),
    message: /thesis is a folder parkpress did not make \(it holds 1 entry \("chapter-1\.md"\)\).*--replace-out/,
  },
  {
    name: '--out at a git repository',
    args: ['--out', '.git'],
    setup: async (root) => void execFileSync('git', ['init', '-q'], { cwd: root }),
    message: /\.git is a folder parkpress did not make/,
  },
  {
    name: 'config outDir at a folder of the user’s files',
    config: { outDir: 'public_html' },
    setup: (root) => userFolder(path.join(root, 'public_html')),
    message: /public_html is a folder parkpress did not make/,
  },
];

for (const c of cases) {
  test(`refused with exit 2: ${c.name}`, async () => {
    const root = await sampleSite();
    if (c.config) await writeFile(path.join(root, 'parkpress.config.json'), JSON.stringify(c.config));
    await c.setup?.(root);
    const before = await snapshot(root);
    const r = await runParkpress(['build', ...(c.args ?? [])], root);
    assert.equal(r.code, 2, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stderr, c.message);
    assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/, 'no stack trace');
    assert.deepEqual(await snapshot(root), before, 'nothing written or changed');
  });
}

/** Every file under `root` with its hash: the build must leave it as it was. */
async function snapshot(root: string): Promise<{ entries: string[]; files: Map<string, string> }> {
  return { entries: (await readdir(root)).sort(), files: await treeHashes(root) };
}

async function userFolder(dir: string): Promise<void> {
  await mkdir(dir);
  await writeFile(path.join(dir, 'chapter-1.md'), '# 第一章\n');
}

test('--replace-out is the consent that lets a build replace a folder parkpress did not make', async () => {
  const root = await sampleSite();
  await userFolder(path.join(root, 'thesis'));
  const r = await runParkpress(['build', '--out', 'thesis', '--replace-out'], root);
  assert.equal(r.code, 0, r.stderr);
  assert.ok((await lstat(path.join(root, 'thesis'))).isSymbolicLink());
  assert.match(await readFile(path.join(root, 'thesis', 'index.html'), 'utf8'), /<html/);
  const again = await runParkpress(['build', '--out', 'thesis'], root);
  assert.equal(again.code, 0, "from then on the folder is parkpress's own");
});

test('an empty output folder is built into without consent', async () => {
  const root = await sampleSite();
  await mkdir(path.join(root, 'dist'));
  const r = await runParkpress(['build'], root);
  assert.equal(r.code, 0, r.stderr);
});

test('dev refuses a config outDir that parkpress did not make, with exit 2', async () => {
  const root = await sampleSite();
  await writeFile(path.join(root, 'parkpress.config.json'), JSON.stringify({ outDir: 'public_html' }));
  await userFolder(path.join(root, 'public_html'));
  const r = spawnSync(process.execPath, [bin, 'dev', '--port', '0'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(r.status, 2, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stderr, /public_html is a folder parkpress did not make.*build --replace-out/);
  assert.equal(await readFile(path.join(root, 'public_html', 'chapter-1.md'), 'utf8'), '# 第一章\n');
});
