#!/usr/bin/env node
// npm's `prepare`: compiles src/ into lib/, which is not in git. npm runs it after `npm install` /
// `npm ci` in this folder, and in this folder when a site installs parkpress from a clone
// (`npm install ../parkpress`) or from git. The compiler is a devDependency: npm installs those
// first for a git dependency, but not for a folder, so a clone nobody ran `npm install` in has
// none; then this installs them into the clone (from the lockfile, scripts off, so this does not
// run again) and compiles. Within the project itself an install without devDependencies
// (`--omit=dev`) keeps a lib/ compiled before, or fails saying why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, findTsc } from './compile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** npm sets INIT_CWD to the folder it was run in: outside this one, parkpress is being installed as a dependency. */
function installedAsDependency() {
  const from = process.env.INIT_CWD;
  if (!from) return false;
  const rel = path.relative(root, path.resolve(from));
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/**
 * The npm settings of the install that runs this script (its prefix, --global, --omit, …) are
 * passed down as npm_* variables; they are about the site, not this folder, so they are left out.
 */
function ownEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

function installDevDependencies() {
  console.error('parkpress: installing its build tools (devDependencies) into the parkpress folder to compile it');
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const args = ['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', `--prefix=${root}`];
  const r = spawnSync(npm[0], [...npm.slice(1), ...args], { cwd: root, env: ownEnv(), stdio: 'inherit' });
  return r.status === 0;
}

function prepare() {
  if (findTsc()) return compile({ srcOnly: true });
  if (installedAsDependency()) {
    if (!installDevDependencies()) {
      console.error(`parkpress: could not install its devDependencies in ${root}; run npm install there, then install it again`);
      return 1;
    }
    return compile({ srcOnly: true });
  }
  if (existsSync(path.join(root, 'lib', 'src', 'cli.js'))) {
    console.error('parkpress: typescript is not installed (devDependencies omitted); keeping the lib/ compiled before');
    return 0;
  }
  console.error('parkpress: cannot compile lib/: typescript (a devDependency) is not installed; run npm install without --omit=dev');
  return 1;
}

process.exitCode = prepare();
