import assert from 'node:assert/strict';
import { copyFile, cp, mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createBuilder, type BuildResult } from '../../src/run/builder.js';
import type { DevBuilder } from '../../src/dev/preview.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { EVENTS_PATH } from '../../src/dev/client.js';
import { createDevServer, type DevServer } from '../../src/dev/server.js';
import type { Config } from '../../src/model/index.js';
import { projectRoot } from '../helpers/paths.js';

/** A temporary site folder with content/, templates/ and public/; removed by `dispose`. */
export async function tempSite(): Promise<{ root: string; dispose: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'parkpress-dev-'));
  for (const dir of ['content', 'templates', 'public']) await mkdir(path.join(root, dir));
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}

/**
 * A temporary site with four of the five samples (`dropped` is the fifth, for a test to add), the
 * default theme and no search index (the portal tests it; it is the slowest part of a build).
 */
export async function sampleSite(): Promise<{ root: string; config: Config; dropped: string; dispose: () => Promise<void> }> {
  const site = await tempSite();
  const samples = (await readdir(path.join(projectRoot, 'content'))).filter((n) => n.endsWith('.txt')).sort();
  const dropped = samples.pop()!;
  for (const name of samples) await copyFile(path.join(projectRoot, 'content', name), path.join(site.root, 'content', name));
  await cp(path.join(projectRoot, 'templates'), path.join(site.root, 'templates'), { recursive: true });
  await cp(path.join(projectRoot, 'public'), path.join(site.root, 'public'), { recursive: true });
  return { ...site, config: { ...defaultConfig(site.root), search: false }, dropped };
}

/** A dev server on port 0 and its event stream; `stop` closes both and removes the site. */
export async function serveDev(o: {
  builder: DevBuilder;
  outDir: string;
  watch: string[];
  timing: Parameters<typeof createDevServer>[0]['timing'];
  log?: string[];
  dispose: () => Promise<void>;
}): Promise<{ server: DevServer; events: Awaited<ReturnType<typeof openEvents>>; stop: () => Promise<void> }> {
  const record = (line: string) => {
    o.log?.push(line);
  };
  const server = await createDevServer({
    builder: o.builder,
    outDir: o.outDir,
    watch: o.watch,
    port: 0,
    timing: o.timing,
    log: { info: record, error: record },
  });
  const events = await openEvents(new URL(EVENTS_PATH, server.url).href);
  return {
    server,
    events,
    async stop() {
      events.close();
      await server.close();
      await o.dispose();
    },
  };
}

/** Timings short enough for tests: a file counts as complete after 60 ms unchanged. */
export const testTiming = { stabilityMs: 60, pollMs: 10, batchMs: 20, settleMs: 20 };

/** `serveDev` on a `sampleSite`, watching its content and templates. */
export function serveSampleSite(site: { config: Config; dispose: () => Promise<void> }, builder: DevBuilder): ReturnType<typeof serveDev> {
  return serveDev({
    builder,
    outDir: site.config.outDir,
    watch: [site.config.contentDir, site.config.templatesDir],
    timing: testTiming,
    dispose: site.dispose,
  });
}

/**
 * A small stand-in for the real builder, so the server, watcher and reload logic are tested on
 * their own: every content/*.md becomes `<name>/index.html` through templates/page.html
 * (`{{title}}`, `{{body}}`), and index.html lists them. A template containing `{%` fails to
 * "compile", as a broken Nunjucks template would. Output files are rewritten only when their
 * bytes change, like the real writer. `seen` records what each build read.
 */
export function fakeBuilder(root: string): DevBuilder & { calls: (string[] | undefined)[]; seen: Map<string, string[]> } {
  const contentDir = path.join(root, 'content');
  const outDir = path.join(root, 'dist');
  const calls: (string[] | undefined)[] = [];
  const seen = new Map<string, string[]>();
  return {
    calls,
    seen,
    async build(changed?: string[]): Promise<BuildResult> {
      calls.push(changed);
      const template = await readFile(path.join(root, 'templates', 'page.html'), 'utf8');
      if (template.includes('{%')) {
        throw Object.assign(new Error('unexpected end of block tag'), { path: 'templates/page.html', lineno: 1, colno: 1 });
      }
      const names = (await readdir(contentDir)).filter((n) => n.endsWith('.md')).sort();
      const pages = new Map<string, string>();
      for (const name of names) {
        const text = await readFile(path.join(contentDir, name), 'utf8');
        seen.set(name, [...(seen.get(name) ?? []), text]);
        const [title = '', ...rest] = text.split('\n');
        pages.set(`${name.slice(0, -3)}/index.html`, template.replaceAll('{{title}}', title).replace('{{body}}', rest.join('\n')));
      }
      pages.set('index.html', `<html><body>${names.map((n) => `<a href="/${n.slice(0, -3)}/">${n}</a>`).join('')}</body></html>`);
      const report = await writeChanged(outDir, pages);
      return {
        articles: names.length,
        pages: pages.size,
        files: names.length,
        processed: names.length,
        diagnostics: [],
        report,
        ms: 0,
        timings: { discover: 0, files: 0, corpus: 0, site: 0, render: 0, write: 0 },
      };
    },
  };
}

async function writeChanged(outDir: string, pages: Map<string, string>): Promise<BuildResult['report']> {
  const existing = await listFiles(outDir);
  const paths: string[] = [];
  let unchanged = 0;
  for (const [rel, content] of pages) {
    const file = path.join(outDir, rel);
    const old = await readFile(file, 'utf8').catch(() => undefined);
    if (old === content) {
      unchanged++;
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    paths.push(rel);
  }
  const stale = existing.filter((rel) => !pages.has(rel));
  for (const rel of stale) await rm(path.join(outDir, rel));
  return { written: paths.length, unchanged, removed: stale.length, paths: [...paths, ...stale] };
}

async function listFiles(dir: string, base = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out;
}

export interface ServerEvent {
  event: string;
  data: unknown;
}

/** Listens to the dev server's event stream and lets a test wait for the next matching event. */
export async function openEvents(url: string): Promise<{
  next(event: string, within?: number): Promise<ServerEvent>;
  /**
   * Waits until the stream has caught up with output number `build` (DevServer.build()) and drops
   * the reloads up to it not yet taken, such as the second reload of a change already waited for.
   */
  catchUp(build: number, within?: number): Promise<void>;
  close(): void;
}> {
  const queue: ServerEvent[] = [];
  /** The highest build number any state or reload event carried. */
  let seen = 0;
  const waiters: (() => void)[] = [];
  const req = http.get(url);
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  res.setEncoding('utf8');
  let buffer = '';
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data !== undefined) {
        const parsed = JSON.parse(data) as { build?: number };
        if (typeof parsed.build === 'number') seen = Math.max(seen, parsed.build);
        queue.push({ event, data: parsed });
      }
      waiters.splice(0).forEach((w) => w());
    }
  });
  res.on('error', () => undefined);
  return {
    async next(event: string, within = 30_000): Promise<ServerEvent> {
      const deadline = Date.now() + within;
      for (;;) {
        const at = queue.findIndex((e) => e.event === event);
        if (at !== -1) return queue.splice(0, at + 1)[at]!;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${event}" event within ${within} ms; got ${JSON.stringify(queue)}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    async catchUp(build: number, within = 30_000): Promise<void> {
      const deadline = Date.now() + within;
      while (seen < build) {
        if (Date.now() > deadline) throw new Error(`no event for build ${build} within ${within} ms`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 50);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      const stale = (e: ServerEvent) => e.event === 'reload' && (e.data as { build: number }).build <= build;
      queue.splice(0, queue.length, ...queue.filter((e) => !stale(e)));
    },
    close: () => req.destroy(),
  };
}

/** GET as text, with status and headers. */
export async function get(url: string): Promise<{ status: number; type: string; text: string; location?: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
    location: res.headers.get('location') ?? undefined,
  };
}

/** Every file of an output folder (relative path -> bytes). */
export async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    files.set(path.relative(dir, file).split(path.sep).join('/'), await readFile(file));
  }
  return files;
}

/** The output a one-off `build` makes of the same inputs, in a folder of its own. */
export async function oneOffBuild(config: Config, root: string): Promise<Map<string, Buffer>> {
  const outDir = path.join(root, 'one-off');
  await createBuilder({ ...config, outDir }, { quiet: true }).build();
  return tree(outDir);
}

export function assertSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), 'the same files');
  for (const [file, bytes] of expected) assert.ok(actual.get(file)!.equals(bytes), `${file} has the same bytes`);
}
