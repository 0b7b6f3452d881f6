// Finding, reading and resolving a config file, without validating it. Kept free of zod (and of
// every other heavy module) so `build` can tell "up to date" without loading them; index.ts validates.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type TypeScript from 'typescript';
import type { Config } from '../model/index.js';
import { defaultConfig } from './defaults.js';

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

export function findConfigFile(root: string): string | undefined {
  const found = CONFIG_FILES.map((name) => path.resolve(root, name)).filter((f) => existsSync(f));
  if (found.length > 1) {
    throw new ConfigError(`more than one config file in ${root}: ${found.map((f) => path.basename(f)).join(', ')}; keep one`);
  }
  return found[0];
}

export function cliValues(o: ConfigOverrides): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (o.baseUrl !== undefined) values.baseUrl = o.baseUrl;
  if (o.pathPrefix !== undefined) values.pathPrefix = o.pathPrefix;
  if (o.outDir !== undefined) values.outDir = path.resolve(o.outDir);
  if (o.jobs !== undefined) values.jobs = o.jobs;
  return values;
}

/** The file's exported value, before validation. */
export async function readConfigFile(file: string): Promise<unknown> {
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
  const ts = requireFirst<typeof TypeScript>('typescript', [file, import.meta.url]);
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

/** Config keys naming folders: relative values are resolved against the project root. */
const FOLDER_KEYS = ['contentDir', 'outDir', 'templatesDir', 'publicDir', 'dataDir', 'cacheDir'] as const;

/**
 * Defaults, then the validated values. Groups (`related`, `limits` ...) merge key by key; lists
 * and plain values replace. Generic over the keys, so a key added to the schema needs no code here.
 */
export function resolveConfig(root: string, user: Record<string, unknown>): Config {
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

/** A config file's settings and the command line's, as read: not yet validated. */
export interface RawConfig {
  /** The config file, when there is one. */
  file?: string;
  /** The project root: folder keys are resolved against it. */
  base: string;
  fromFile: unknown;
  fromFlags: Record<string, unknown>;
}

/** Finds and reads the config file (see loadConfig); throws ConfigError when it cannot be read. */
export async function readRawConfig(root: string, overrides: ConfigOverrides = {}): Promise<RawConfig> {
  const file = overrides.configFile ? path.resolve(overrides.configFile) : findConfigFile(root);
  const base = file ? path.dirname(file) : path.resolve(root);
  const fromFile = file ? await readConfigFile(file) : {};
  return { file, base, fromFile, fromFlags: cliValues(overrides) };
}

/**
 * The config a build would use if `raw` is valid, without checking that it is. Only for comparing
 * against a config that was validated before (the up-to-date check): an invalid config never
 * resolves to the same value as a valid one, since validation changes nothing it accepts.
 */
export function resolveUnvalidated(raw: RawConfig): Config {
  const fromFile =
    raw.fromFile && typeof raw.fromFile === 'object' && !Array.isArray(raw.fromFile) ? raw.fromFile : { invalid: raw.fromFile };
  return resolveConfig(raw.base, { ...(fromFile as Record<string, unknown>), ...raw.fromFlags });
}
