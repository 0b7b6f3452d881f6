#!/usr/bin/env node
// Soak test of the whole `parkpress build` under SIGKILL: builds a copy of content/ into a temp
// site, then alternates between two versions of one article, killing each build at a random
// moment, and checks after every kill that dist/ is exactly the previous or the new complete site.
// Usage: npm run compile && node scripts/kill-build.mjs [runs=30]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'parkpress.js');
const runs = Number(process.argv[2] ?? 30);

async function treeDigest(dir) {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  for (const f of files) hash.update(`${f}\0`).update(await readFile(path.join(dir, f)));
  return hash.digest('hex');
}

function build(site, killAfterMs) {
  return new Promise((resolve) => {
    const started = performance.now();
    const p = spawn(process.execPath, [bin, 'build', '--quiet'], { cwd: site, stdio: 'ignore' });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, killed: signal === 'SIGKILL', code });
    });
  });
}

const site = await mkdtemp(path.join(os.tmpdir(), 'pp-kill-build-'));
try {
  await cp(path.join(root, 'content'), path.join(site, 'content'), { recursive: true });
  const [name] = (await readdir(path.join(site, 'content'))).sort();
  const article = path.join(site, 'content', name);
  const original = await readFile(article, 'utf8');
  const versions = { A: original, B: `${original}\n补充一段新的正文，说明园区的最新进展。\n` };
  const digests = {};
  let full = 0;
  for (const v of ['A', 'B']) {
    await writeFile(article, versions[v]);
    full = (await build(site)).ms;
    digests[v] = await treeDigest(path.join(site, 'dist'));
  }
  let live = 'B';
  const tally = { killed: 0, previous: 0, next: 0 };
  for (let i = 0; i < runs; i++) {
    const want = live === 'A' ? 'B' : 'A';
    await writeFile(article, versions[want]);
    const r = await build(site, Math.random() * full * 1.1);
    const digest = await treeDigest(path.join(site, 'dist'));
    const now = digest === digests.A ? 'A' : digest === digests.B ? 'B' : undefined;
    if (!now) throw new Error(`run ${i}: dist/ is neither complete site`);
    if (r.killed) tally.killed++;
    tally[now === want ? 'next' : 'previous']++;
    live = now;
  }
  console.log(
    `${runs} builds (full build ${full.toFixed(0)} ms), ${tally.killed} SIGKILLed; dist/ was the previous site ${tally.previous}x, the new one ${tally.next}x, never anything else`,
  );
} finally {
  await rm(site, { recursive: true, force: true });
}
