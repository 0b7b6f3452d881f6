import path from 'node:path';
import type { z } from 'zod';
import type { Config } from '../model/index.js';
import { ConfigError, readRawConfig, resolveConfig, type ConfigOverrides } from './read.js';
import { userConfigSchema, type UserConfig } from './schema.js';

export { CONFIG_FILES, ConfigError, type ConfigOverrides } from './read.js';

/**
 * Reads `parkpress.config.(json|js|mjs|ts)` from `root` (or `overrides.configFile`), validates it,
 * fills defaults and applies command-line overrides. Folder keys are resolved against the folder
 * of the config file (the project root). Throws ConfigError naming the file and key.
 */
export async function loadConfig(root: string, overrides: ConfigOverrides = {}): Promise<Config> {
  const raw = await readRawConfig(root, overrides);
  const fromFile = raw.file ? validate(raw.fromFile, path.basename(raw.file)) : {};
  const fromFlags = validate(raw.fromFlags, 'command line');
  const config = resolveConfig(raw.base, { ...fromFile, ...fromFlags });
  assertSafeFolders(config);
  return config;
}

/** Schema check with messages that name the key and what was expected. */
export function validate(value: unknown, where: string): UserConfig {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`${where}: the config must be an object of settings (export default { ... } in a .js/.ts file)`);
  }
  const result = userConfigSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${where}: ${describeIssue(issue)}`).join('\n'));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (at ? `${at}.${k}` : k));
    return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} (see docs/config.md for the keys)`;
  }
  if (issue.code === 'invalid_type') return `"${at}" must be ${article(issue.expected)}`;
  return `"${at}": ${issue.message}`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * The output folder is replaced wholesale by every build, so it must not be, contain or sit
 * inside an input folder (content, templates, public, data) (that would delete or publish sources), nor be a filesystem root.
 */
export function assertSafeFolders(config: Config): void {
  const out = path.resolve(config.outDir);
  if (path.parse(out).root === out) throw new ConfigError(`outDir ${out} is a filesystem root; choose a folder such as ./dist`);
  const inputs = { contentDir: config.contentDir, templatesDir: config.templatesDir, publicDir: config.publicDir, dataDir: config.dataDir };
  for (const [key, dir] of Object.entries(inputs)) {
    if (dir === undefined) continue;
    const input = path.resolve(dir);
    if (isInside(input, out) || isInside(out, input)) {
      throw new ConfigError(`outDir ${out} overlaps ${key} ${input}; the build replaces outDir, so keep them apart`);
    }
  }
  assertSafeCacheDir(config);
}

/** The build writes its cache there: never into the output or into anything it reads or publishes. */
function assertSafeCacheDir(config: Config): void {
  if (config.cacheDir === undefined) return;
  const cache = path.resolve(config.cacheDir);
  const folders = { outDir: config.outDir, contentDir: config.contentDir, templatesDir: config.templatesDir, publicDir: config.publicDir };
  for (const [key, dir] of Object.entries(folders)) {
    const other = path.resolve(dir);
    if (isInside(cache, other) || isInside(other, cache)) {
      throw new ConfigError(`cacheDir ${cache} overlaps ${key} ${other}; keep the cache in a folder of its own (default .parkpress-cache)`);
    }
  }
}

/** True when `child` is `parent` or below it. */
function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
