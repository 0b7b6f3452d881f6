import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import type { Config } from '../types.js';
import { defaultConfig } from './defaults.js';
import { userConfigSchema, type UserConfig } from './schema.js';

/** Config file names looked for in the project root, in this order. */
export const CONFIG_FILES = ['parkpress.config.json', 'parkpress.config.js', 'parkpress.config.mjs', 'parkpress.config.ts'] as const;

/** A configuration the user must fix (bad file, unknown key, wrong type): exit code 2. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Command-line values that win over the config file. */
export interface ConfigOverrides {
  /** Explicit config file (relative to the current directory); default: look in `root`. */
  configFile?: string;
  baseUrl?: string;
  pathPrefix?: string;
  outDir?: string;
  /** Worker threads for the per-file stages (`--jobs`). */
  jobs?: number;
}

/**
 * Reads `parkpress.config.(json|js|mjs|ts)` from `root` (or `overrides.configFile`), validates it,
 * fills defaults and applies command-line overrides. Folder keys are resolved against the folder
 * of the config file (the project root). Throws ConfigError naming the file and key.
 */
export async function loadConfig(root: string, overrides: ConfigOverrides = {}): Promise<Config> {
  const file = overrides.configFile ? path.resolve(overrides.configFile) : findConfigFile(root);
  const base = file ? path.dirname(file) : path.resolve(root);
  const fromFile = file ? validate(await readConfigFile(file), path.basename(file)) : {};
  const fromFlags = validate(cliValues(overrides), 'command line');
  const config = resolveConfig(base, { ...fromFile, ...fromFlags });
  assertSafeFolders(config);
  return config;
}

function findConfigFile(root: string): string | undefined {
  const found = CONFIG_FILES.map((name) => path.resolve(root, name)).filter((f) => existsSync(f));
  if (found.length > 1) {
    throw new ConfigError(`more than one config file in ${root}: ${found.map((f) => path.basename(f)).join(', ')}; keep one`);
  }
  return found[0];
}

function cliValues(o: ConfigOverrides): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (o.baseUrl !== undefined) values.baseUrl = o.baseUrl;
  if (o.pathPrefix !== undefined) values.pathPrefix = o.pathPrefix;
  if (o.outDir !== undefined) values.outDir = path.resolve(o.outDir);
  if (o.jobs !== undefined) values.jobs = o.jobs;
  return values;
}

/** The file's exported value, before validation. */
async function readConfigFile(file: string): Promise<unknown> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw new ConfigError(`cannot read config file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const name = path.basename(file);
  if (file.endsWith('.json')) {
    const text = await readFile(file, 'utf8');
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new ConfigError(`${name} is not valid JSON: ${(err as Error).message}`);
    }
  }
  // The query string makes a changed file load anew (ES modules are cached by URL), for `dev`.
  const version = `?v=${info.mtimeMs}-${info.size}`;
  try {
    const mod = file.endsWith('.ts') ? await importTypeScript(file) : await import(pathToFileURL(file).href + version);
    return (mod as { default?: unknown }).default;
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`${name} failed to load: ${(err as Error).message}`);
  }
}

/**
 * Node 20 cannot run TypeScript. Where Node strips types itself (22.18+) the file is imported
 * as is; otherwise the project's own `typescript` package transpiles it. The transpiled module
 * is loaded from a data: URL, so a .ts config may import types but no other module.
 * `typescript` is looked up from the site's folder first, then from parkpress's own install.
 */
async function importTypeScript(file: string): Promise<unknown> {
  if ((process.features as { typescript?: unknown }).typescript) return import(pathToFileURL(file).href);
  const ts = requireFirst<typeof import('typescript')>('typescript', [file, import.meta.url]);
  if (!ts) {
    throw new ConfigError(
      `${path.basename(file)} needs the "typescript" package on this Node version (${process.version}); install it or use parkpress.config.json`,
    );
  }
  const source = await readFile(file, 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputText).toString('base64')}`);
}

function requireFirst<T>(name: string, from: string[]): T | undefined {
  for (const base of from) {
    try {
      return createRequire(base)(name) as T;
    } catch {
      // not installed there: try the next place
    }
  }
  return undefined;
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

/** Config keys naming folders: relative values are resolved against the project root. */
const FOLDER_KEYS = ['contentDir', 'outDir', 'templatesDir', 'publicDir', 'dataDir'] as const;

/**
 * Defaults, then the validated values. Groups (`related`, `limits` ...) merge key by key; lists
 * and plain values replace. Generic over the keys, so a key added to the schema needs no code here.
 */
function resolveConfig(root: string, user: UserConfig): Config {
  const merged: Record<string, unknown> = { ...defaultConfig(root) };
  for (const [key, value] of Object.entries(user)) {
    if (value === undefined) continue;
    const base = merged[key];
    merged[key] = isGroup(base) && isGroup(value) ? { ...base, ...value } : value;
  }
  for (const key of FOLDER_KEYS) if (typeof merged[key] === 'string') merged[key] = path.resolve(root, merged[key] as string);
  const config = merged as unknown as Config;
  return { ...config, baseUrl: config.baseUrl.replace(/\/+$/, ''), pathPrefix: normalizePrefix(config.pathPrefix) };
}

function isGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `parks/`, `/parks/` and `/parks` all mean `/parks`; `/` and '' mean the root. */
function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
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
}

/** True when `child` is `parent` or below it. */
function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
