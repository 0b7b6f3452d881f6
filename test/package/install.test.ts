// Installing parkpress from a clone (`npm install ../parkpress`) and recompiling it while it runs.
// The package is a copy of this project whose `typescript` is a stand-in that copies the lib/src
// this test run was compiled into (after a pause, as a real compile takes a while): the compiler
// is not what is tested here, npm's prepare step and the swap of lib/ are, and a real compile
// would cost a minute of CPU on every test run. .ci/run's `npm ci` runs the real one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../helpers/paths.js';
import { tempDir } from '../run/temp-dir.js';

/** What a clone holds that installing and compiling need (the rest of the repository plays no part). */
const PACKAGE_FILES = [
  'package.json',
  'package-lock.json',
  '.npmrc',
  'tsconfig.json',
  'tsconfig.src.json',
  'bin',
  'src',
  'scripts',
  'templates',
  'public',
];

/** The stand-in compiler: `tsc -p <project> [--outDir DIR]` copies the compiled lib/src into DIR (default lib). */
const FAKE_TSC = `#!/usr/bin/env node
const { cpSync } = require('node:fs');
const path = require('node:path');
const at = process.argv.indexOf('--outDir');
const out = path.resolve(at > 0 ? process.argv[at + 1] : 'lib');
setTimeout(() => cpSync(${JSON.stringify(path.join(projectRoot, 'lib', 'src'))}, path.join(out, 'src'), { recursive: true }), 1500);
`;

/** A clone of parkpress: the package files, and node_modules linking this project's, but with the stand-in typescript. */
async function clone(): Promise<string> {
  const dir = path.join(await tempDir('pp-pkg-'), 'parkpress');
  for (const name of PACKAGE_FILES) {
    const from = path.join(projectRoot, name);
    if (existsSync(from)) await cp(from, path.join(dir, name), { recursive: true });
  }
  const modules = path.join(dir, 'node_modules');
  await mkdir(path.join(modules, 'typescript', 'bin'), { recursive: true });
  await mkdir(path.join(modules, '.bin'));
  for (const name of await readdir(path.join(projectRoot, 'node_modules'))) {
    if (name === 'typescript' || name.startsWith('.')) continue;
    await symlink(path.join(projectRoot, 'node_modules', name), path.join(modules, name));
  }
  await writeFile(path.join(modules, 'typescript', 'package.json'), JSON.stringify({ name: 'typescript', version: '0.0.0-stand-in' }));
  await writeFile(path.join(modules, 'typescript', 'bin', 'tsc'), FAKE_TSC, { mode: 0o755 });
  await symlink('../typescript/bin/tsc', path.join(modules, '.bin', 'tsc'));
  return dir;
}

interface Run {
  code: number | null;
  out: string;
}

/**
 * Runs a command without the npm_* variables of an `npm test` around this one: they describe that
 * npm's project (its prefix, its scripts), and npm would act on it instead of `cwd`.
 */
function run(command: string, args: string[], cwd: string, whileRunning?: () => void): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return new Promise((resolve, reject) => {
    const p = spawn(command, args, { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = whileRunning ? setInterval(whileRunning, 5) : undefined;
    p.on('error', reject);
    p.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, out });
    });
  });
}

test('a site installs parkpress from a clone with npm install <folder>: prepare compiles it, then init and build work', async () => {
  const parkpress = await clone();
  const site = path.join(path.dirname(parkpress), 'site');
  await mkdir(site);
  await writeFile(path.join(site, 'package.json'), JSON.stringify({ name: 'site', private: true }));
  const install = await run('npm', ['install', parkpress, '--offline', '--no-audit', '--no-fund', `--prefix=${site}`], site);
  assert.equal(install.code, 0, install.out);
  const bin = path.join(site, 'node_modules', '.bin', 'parkpress');
  const init = await run(bin, ['init'], site);
  assert.equal(init.code, 0, init.out);
  const build = await run(bin, ['build'], site);
  assert.equal(build.code, 0, build.out);
  assert.match(build.out, /^built 1 article, \d+ pages, 0 warnings, 0 errors/m);
  assert.ok(existsSync(path.join(site, 'dist', 'index.html')));
});

test('npm run compile never leaves lib/ missing: a parkpress started meanwhile finds its modules', async () => {
  const parkpress = await clone();
  await cp(path.join(projectRoot, 'lib', 'src'), path.join(parkpress, 'lib', 'src'), { recursive: true });
  const cli = path.join(parkpress, 'lib', 'src', 'cli.js');
  let missing = 0;
  const r = await run('npm', ['run', 'compile'], parkpress, () => (missing += existsSync(cli) ? 0 : 1));
  assert.equal(r.code, 0, r.out);
  assert.equal(missing, 0, 'lib/src/cli.js was missing while compiling');
  assert.ok(existsSync(cli));
  assert.deepEqual(
    (await readdir(parkpress)).filter((n) => n.startsWith('lib')),
    ['lib'],
    'no fresh or old lib folder left behind',
  );
});
