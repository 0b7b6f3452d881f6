#!/usr/bin/env node
// Compiles the TypeScript into lib/ without a moment where lib/ is missing or half-written: tsc
// writes a fresh folder beside it, which then takes lib/'s place (two renames, microseconds apart).
// A parkpress running meanwhile (dev, a build, a CLI test while `npm test` recompiles) keeps
// finding its modules, and stale outputs of deleted sources still go. A failed compile leaves
// lib/ as it was.
// Usage: node scripts/compile.mjs [--src]   (--src: only src/, all an installed parkpress needs)
import { spawnSync } from 'node:child_process';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(root, 'lib');

/** tsc of this package's typescript (a devDependency); undefined when it is not installed. */
export function findTsc() {
  try {
    return createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/** Compiles into a fresh folder and swaps it in; returns the exit code. */
export function compile({ srcOnly = false } = {}) {
  const tsc = findTsc();
  if (!tsc) {
    console.error('parkpress: cannot compile: the "typescript" package (a devDependency) is not installed; run npm install');
    return 1;
  }
  sweepLeftovers();
  const fresh = `${lib}.next-${process.pid}`;
  const project = path.join(root, srcOnly ? 'tsconfig.src.json' : 'tsconfig.json');
  const r = spawnSync(process.execPath, [tsc, '-p', project, '--outDir', fresh], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    rmSync(fresh, { recursive: true, force: true });
    console.error(`parkpress: compile failed${r.signal ? ` (${r.signal})` : ''}; lib/ is left as it was`);
    return r.status ?? 1;
  }
  swapIn(fresh);
  return 0;
}

/** lib/ out, `fresh` in; another compile finishing at the same moment just means one more round. */
function swapIn(fresh) {
  const old = [];
  for (let round = 0; ; round++) {
    const away = `${lib}.old-${process.pid}-${round}`;
    try {
      renameSync(lib, away);
      old.push(away);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    try {
      renameSync(fresh, lib);
      break;
    } catch (err) {
      if ((err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') || round > 20) throw err;
    }
  }
  for (const dir of old) rmSync(dir, { recursive: true, force: true });
}

/** Folders left by a compile that was killed (`lib.next-<pid>`, `lib.old-<pid>-<n>` of a process that is gone). */
function sweepLeftovers() {
  for (const name of readdirSync(root)) {
    const pid = /^lib\.(?:next-(\d+)|old-(\d+)-\d+)$/.exec(name)?.slice(1).find(Boolean);
    if (pid && !isRunning(Number(pid))) rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = compile({ srcOnly: process.argv.includes('--src') });
}
