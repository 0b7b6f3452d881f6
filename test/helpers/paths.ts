import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Project root (tests run from lib/test/..., compiled). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** ../shared beside the project: seeds, corpus, OpenCC cases. Present in CI, optional elsewhere. */
export const sharedDir = path.resolve(projectRoot, '../shared');
export const seedsDir = path.join(sharedDir, 'seeds');
export const corpusDir = path.join(sharedDir, 'corpus', 'tw-news');
export const fixturesDir = path.join(projectRoot, 'test', 'fixtures');

/**
 * Skip reason when ../shared is missing: tests that need it skip locally but fail in CI,
 * where shared/ is always beside the clone.
 */
export function sharedMissing(): string | false {
  if (existsSync(path.join(seedsDir, 'expected.json'))) return false;
  if (process.env.CI) throw new Error(`../shared not found at ${sharedDir}; CI must provide it`);
  return `../shared not found at ${sharedDir}`;
}
