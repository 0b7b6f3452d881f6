#!/usr/bin/env node
// Adds lockfile entries for optional platform packages (darwin, win32, android ... builds of
// @node-rs/jieba) that this project's registry does not serve. npm leaves them out
// of package-lock.json when it cannot fetch them, and then `npm ci` refuses the lockfile as out of
// sync. An entry naming the package's os and cpu is enough: npm never fetches a package built for
// another platform. Run after `npm install` changes the lockfile: node scripts/lock-platform-entries.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORMS = {
  'android-arm-eabi': ['android', 'arm'],
  'android-arm64': ['android', 'arm64'],
  'darwin-arm64': ['darwin', 'arm64'],
  'darwin-x64': ['darwin', 'x64'],
  'darwin-universal': ['darwin', 'x64'],
  'freebsd-x64': ['freebsd', 'x64'],
  'linux-arm-gnueabihf': ['linux', 'arm'],
  'linux-arm64-gnu': ['linux', 'arm64'],
  'linux-arm64-musl': ['linux', 'arm64'],
  'linux-x64-gnu': ['linux', 'x64'],
  'linux-x64-musl': ['linux', 'x64'],
  'win32-arm64-msvc': ['win32', 'arm64'],
  'win32-ia32-msvc': ['win32', 'ia32'],
  'win32-x64-msvc': ['win32', 'x64'],
};

/** `@node-rs/jieba-darwin-x64` -> `darwin-x64`. */
function platformOf(name) {
  const base = name.split('/').pop();
  return Object.keys(PLATFORMS).find((p) => base === p || base.endsWith(`-${p}`));
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const added = [];
for (const meta of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = platformOf(name);
    if (lock.packages[key] || !platform) continue;
    const [os, cpu] = PLATFORMS[platform];
    lock.packages[key] = { version, cpu: [cpu], license: meta.license ?? 'MIT', optional: true, os: [os] };
    added.push(`${name}@${version}`);
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync('package-lock.json', `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(added.length ? `added ${added.length} platform entries:\n  ${added.join('\n  ')}` : 'lockfile already complete');
