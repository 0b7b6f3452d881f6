// Bad command-line options and config values, one row each: `parkpress build` must refuse them
// with exit 2 and a message naming the key or folder, before anything is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runParkpress, sampleSite, treeHashes } from '../run/site-fixture.js';

interface Case {
  name: string;
  /** Arguments after `build`. */
  args?: string[];
  /** parkpress.config.json, when the bad value comes from the config file. */
  config?: Record<string, unknown>;
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
];

for (const c of cases) {
  test(`refused with exit 2: ${c.name}`, async () => {
    const root = await sampleSite();
    if (c.config) await writeFile(path.join(root, 'parkpress.config.json'), JSON.stringify(c.config));
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
