import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSite } from '../../../src/stages/write/index.js';
import { pagesDigest, sitePages, treeDigest } from './kill-site.js';
import { tempDir } from '../../run/temp-dir.js';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kill-child.js');
/** Runs per `npm test`; raise with PARKPRESS_KILL_RUNS for a longer soak. */
const RUNS = Number(process.env.PARKPRESS_KILL_RUNS ?? 25);

/** Starts a child writing `variant`; resolves with the ms from "ready" to exit, killing it after `killAfterMs` if given. */
function runChild(outDir: string, variant: 'A' | 'B', killAfterMs?: number): Promise<{ ms: number; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, outDir, variant], { stdio: ['ignore', 'pipe', 'inherit'] });
    let ready = 0;
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on('data', (chunk: Buffer) => {
      if (ready || !chunk.toString().includes('ready')) return;
      ready = performance.now();
      if (killAfterMs !== undefined) timer = setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child exited with ${code}`));
      else resolve({ ms: performance.now() - ready, killed: signal === 'SIGKILL' });
    });
  });
}

test(`SIGKILL at ${RUNS} random moments leaves dist/ as the previous or the new complete site`, async (t) => {
  const root = await tempDir('pp-kill-');
  const out = path.join(root, 'dist');
  const digests = { A: pagesDigest(sitePages('A')), B: pagesDigest(sitePages('B')) };
  await writeSite(sitePages('A'), out);
  const { ms: fullMs } = await runChild(out, 'B');
  let live: 'A' | 'B' = 'B';
  assert.equal(await treeDigest(out), digests.B);

  const outcomes = { previous: 0, next: 0, killed: 0 };
  for (let run = 0; run < RUNS; run++) {
    const want = live === 'A' ? 'B' : 'A';
    const r = await runChild(out, want, Math.random() * fullMs * 1.2);
    const digest = await treeDigest(out);
    assert.ok(digest === digests.A || digest === digests.B, `run ${run}: dist/ is neither complete site`);
    const now = digest === digests.A ? 'A' : 'B';
    outcomes[now === want ? 'next' : 'previous']++;
    if (r.killed) outcomes.killed++;
    live = now;
  }
  t.diagnostic(
    `${RUNS} runs, ${outcomes.killed} SIGKILLed; dist/ after: previous site ${outcomes.previous}x, new site ${outcomes.next}x (full write ${fullMs.toFixed(0)} ms)`,
  );
  assert.ok(outcomes.previous > 0 && outcomes.killed > 0, 'some kills must land before the switch, or the test proves nothing');

  // The next writer takes over the dead writers' lock and clears their half-built folders.
  await writeSite(sitePages('A'), out, { lockTimeoutMs: 0 });
  assert.equal(await treeDigest(out), digests.A);
  const liveBuild = path.basename(await realpath(out));
  const left = (await readdir(`${out}.builds`)).filter((n) => n !== liveBuild && n !== `${liveBuild}.manifest`);
  assert.equal(left.length, 1, `the live build, its manifest and one spare left, not ${left.join(', ')}`);
  assert.ok(!left[0]!.endsWith('.manifest') && !left[0]!.startsWith('.'), 'the spare is a build folder');
  await rm(root, { recursive: true });
});
