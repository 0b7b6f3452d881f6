import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../../text/hash.js';

/** The compiled sources (lib/src) and the package root above them. */
const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const packageRoot = path.resolve(srcDir, '../..');
/** The default theme's folders (as render/environment.ts finds them, without loading Nunjucks). */
export const defaultTemplatesDir = path.join(packageRoot, 'templates');
export const defaultPublicDir = path.join(packageRoot, 'public');

let memo: string | undefined;

/**
 * Identity of the code that makes the output: package.json (version and dependency ranges), the
 * Node version, every compiled module's bytes and each installed dependency's version. A version
 * number alone would miss a recompiled or patched install; content hashes survive reinstalls.
 */
export function codeFingerprint(): string {
  memo ??= sha256(
    [
      `node ${process.version}`,
      readFileSync(path.join(packageRoot, 'package.json'), 'utf8'),
      ...compiledModules().map((f) => `${f} ${sha256(readFileSync(path.join(srcDir, f)))}`),
      ...dependencyVersions(),
    ].join('\n'),
  );
  return memo;
}

function compiledModules(): string[] {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** `name version` of each runtime dependency as installed (node_modules beside or above the package). */
function dependencyVersions(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(pkg.dependencies ?? {})
    .sort()
    .map((name) => `${name} ${installedVersion(name) ?? 'missing'}`);
}

function installedVersion(name: string): string | undefined {
  for (let dir = packageRoot; ; dir = path.dirname(dir)) {
    try {
      return (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version;
    } catch {
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}
