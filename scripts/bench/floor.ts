// The I/O floor of a build: read every input file, then write a copy of a built output tree.
// No generator can do a full build faster than this on the same disk; run as its own process
// (`node lib/scripts/bench/floor.js <contentDir> <outputTree> <copyDir>`) so it is measured like a build.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eachLimited } from '../../src/run/concurrency.js';

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function main(contentDir: string, tree: string, copyDir: string): Promise<void> {
  let bytes = 0;
  await eachLimited(await files(contentDir), 16, async (f) => {
    bytes += (await readFile(f)).length;
  });
  await rm(copyDir, { recursive: true, force: true });
  await eachLimited(await files(tree), 16, async (f) => {
    const target = path.join(copyDir, path.relative(tree, f));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await readFile(f));
  });
  process.stdout.write(`read ${bytes} input bytes\n`);
}

const [contentDir, tree, copyDir] = process.argv.slice(2);
if (!contentDir || !tree || !copyDir) {
  console.error('usage: floor.js <contentDir> <outputTree> <copyDir>');
  process.exitCode = 2;
} else {
  main(contentDir, tree, copyDir).catch((err: unknown) => {
    console.error((err as Error).stack ?? String(err));
    process.exitCode = 70;
  });
}
