// The generators under test: how to build each site, where its output and caches live, where a new
// article goes, and how to get the tool onto a fresh machine (Hugo and GNU time from Debian,
// Eleventy from the pinned peers/ package, kept out of the project's own dependencies).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GNU_TIME, type Command } from './measure.js';
import { addedMarkdownFile } from './hugo-equivalent.js';
import type { Workspace } from './workspace.js';

export type ToolName = 'parkpress' | 'hugo-equivalent' | 'hugo' | 'eleventy';
export const TOOL_NAMES: readonly ToolName[] = ['parkpress', 'hugo-equivalent', 'hugo', 'eleventy'];

/** File names of the added article; sorts after every generated `a…` article. */
const ADDED_RAW = 'zz-added.txt';
const ADDED_MD = 'zz-added.md';

export interface Tool {
  name: ToolName;
  label: string;
  version: string;
  /** The full build of the site. */
  build(ws: Workspace, extraNodeArgs?: string[]): Command;
  /** Output and cache folders a cold build starts without. */
  coldPaths(ws: Workspace): string[];
  /**
   * Where the `add` scenario's article goes, and what it is: raw text, simplified markdown, or a
   * file prepared before the rounds (`from`).
   */
  addedArticle(ws: Workspace): { file: string; format: 'raw' | 'markdown' } | { file: string; format: 'prepared'; from: string };
}

export function parkpressTool(projectRoot: string): Tool {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return {
    name: 'parkpress',
    label: 'parkpress',
    version: pkg.version,
    build: (ws, extraNodeArgs = []) => ({
      cmd: process.execPath,
      args: [...extraNodeArgs, path.join(projectRoot, 'bin', 'parkpress.js'), 'build', '--verbose'],
      cwd: ws.parkpress,
      env: { ...process.env, NO_COLOR: '1', CI: '' },
      okCodes: [0, 1],
    }),
    coldPaths: (ws) => ['dist', 'dist.builds', '.parkpress-cache', '.cache'].map((p) => path.join(ws.parkpress, p)),
    addedArticle: (ws) => ({ file: path.join(ws.parkpress, 'content', ADDED_RAW), format: 'raw' }),
  };
}

function hugoVersion(): string {
  return firstLine(execFileSync('hugo', ['version'], { encoding: 'utf8' })).replace(/^hugo v?(\S+).*$/, '$1');
}

function hugoBuild(site: string): Command {
  return { cmd: 'hugo', args: ['--quiet', '--source', site, '--destination', 'public'], cwd: site };
}

function hugoColdPaths(site: string): string[] {
  return ['public', 'resources'].map((p) => path.join(site, p));
}

/** Hugo with a bare layout: article pages only (taxonomies, feeds and sitemap disabled). */
export function hugoTool(): Tool {
  return {
    name: 'hugo',
    label: 'Hugo',
    version: hugoVersion(),
    build: (ws) => hugoBuild(ws.hugo),
    coldPaths: (ws) => hugoColdPaths(ws.hugo),
    addedArticle: (ws) => ({ file: path.join(ws.hugo, 'content', 'posts', ADDED_MD), format: 'markdown' }),
  };
}

/** Hugo with the peer's theme building the same portal from parkpress's extraction (hugo-equivalent.ts). */
export function hugoEquivalentTool(): Tool {
  return {
    name: 'hugo-equivalent',
    label: 'Hugo-equivalent',
    version: hugoVersion(),
    build: (ws) => hugoBuild(ws.hugoEquivalent),
    coldPaths: (ws) => hugoColdPaths(ws.hugoEquivalent),
    addedArticle: (ws) => ({
      file: path.join(ws.hugoEquivalent, 'content', 'posts', ADDED_MD),
      format: 'prepared',
      from: addedMarkdownFile(ws),
    }),
  };
}

export function eleventyTool(peersDir: string): Tool {
  const pkgDir = path.join(peersDir, 'node_modules', '@11ty', 'eleventy');
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  return {
    name: 'eleventy',
    label: 'Eleventy',
    version: pkg.version,
    build: (ws) => ({ cmd: process.execPath, args: [path.join(pkgDir, 'cmd.cjs'), '--quiet'], cwd: ws.eleventy }),
    coldPaths: (ws) => ['_site', '.cache'].map((p) => path.join(ws.eleventy, p)),
    addedArticle: (ws) => ({ file: path.join(ws.eleventy, 'src', ADDED_MD), format: 'markdown' }),
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian packages when missing (the bench may run on a fresh machine; needs root). */
function aptInstall(packages: string[], log: (line: string) => void): void {
  log(`installing ${packages.join(', ')} with apt-get`);
  const asRoot = process.getuid?.() === 0;
  const run = (args: string[]) => {
    const [cmd, ...rest] = asRoot ? args : ['sudo', ...args];
    const r = spawnSync(cmd!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed; install ${packages.join(', ')} by hand`);
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

/** Makes sure GNU time is there (every measurement uses it). */
export function ensureGnuTime(log: (line: string) => void): void {
  if (!existsSync(GNU_TIME)) aptInstall(['time'], log);
}

export function ensureHugo(log: (line: string) => void): void {
  if (!onPath('hugo')) aptInstall(['hugo'], log);
}

/** Installs the pinned Eleventy from peers/package-lock.json on first use. */
export function ensureEleventy(peersDir: string, log: (line: string) => void): void {
  if (existsSync(path.join(peersDir, 'node_modules', '@11ty', 'eleventy', 'package.json'))) return;
  log('installing the pinned Eleventy into scripts/bench/peers/node_modules (npm ci)');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peersDir, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm ci in ${peersDir} failed`);
}
