// Save-to-reload latency of `parkpress dev`: generates a site of N articles from
// ../shared/corpus/tw-news in a temp folder outside the project, starts the dev server on it
// (the real builder, default watch timing), then drops new articles one at a time and times
// each from "file complete on disk" to the first `reload` event (phase 1: the quick preview of
// the new article) and to the end of the full rebuild that follows (phase 2, all pages consistent).
//
// With --busy K it then measures K saves made during a full rebuild: a template edit (every page
// changes), and 1 s later, while that rebuild runs, a new article; timed from "file complete" to
// the first reload naming the new article's page, and whether that came before the rebuild ended.
//
//   npm run compile && node lib/scripts/bench-dev.js [N ...] [--drops K] [--busy K] [--no-search] [--single] [--keep]
//   (defaults: N = 1000 10000, K = 7 drops, no busy saves; --no-search measures `parkpress dev
//   --no-search`; --single runs one builder on dev's own thread, as dev did before its twin builders)
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBuilder, type Timings } from '../src/run/builder.js';
import { withPreview, type DevBuilder } from '../src/dev/preview.js';
import { threadBuilder } from '../src/dev/build-thread.js';
import { twinBuilders } from '../src/dev/twins.js';
import { articleUrl, outputPath } from '../src/model/urls.js';
import { defaultConfig } from '../src/config/defaults.js';
import { EVENTS_PATH } from '../src/dev/client.js';
import { createDevServer } from '../src/dev/server.js';
import { defaultTiming } from '../src/dev/watch.js';
import { median } from './bench/measure.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(projectRoot, '../shared/corpus/tw-news');

interface Args {
  sizes: number[];
  drops: number;
  busy: number;
  keep: boolean;
  search: boolean;
  single: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [], drops: 7, busy: 0, keep: false, search: true, single: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--keep') args.keep = true;
    else if (a === '--no-search') args.search = false;
    else if (a === '--single') args.single = true;
    else if (a === '--drops') args.drops = Number(argv[++i]);
    else if (a === '--busy') args.busy = Number(argv[++i]);
    else args.sizes.push(Number(a));
  }
  if (args.sizes.length === 0) args.sizes = [1000, 10000];
  if (args.sizes.some((n) => !Number.isInteger(n) || n < 1) || !(args.drops >= 1) || !(args.busy >= 0)) {
    throw new Error('usage: bench-dev [N ...] [--drops K] [--busy K] [--no-search] [--single] [--keep]');
  }
  return args;
}

/** Corpus texts in a fixed order (by number in the file name), so every run builds the same site. */
async function loadCorpus(): Promise<string[]> {
  const names = (await readdir(corpusDir))
    .filter((n) => n.endsWith('.txt'))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(names.map((n) => readFile(path.join(corpusDir, n), 'utf8')));
}

/**
 * Article i: the corpus text i for the first pass; past the corpus size, a splice of two
 * different texts (headline of one, body of both) so the site does not fill with duplicates.
 */
function article(corpus: string[], i: number): string {
  const m = corpus.length;
  if (i < m) return corpus[i]!;
  const a = corpus[i % m]!;
  const b = corpus[(Math.floor(i / m) * 7919 + i) % m]!;
  return `${a.trimEnd()}\n${b.split('\n').slice(1).join('\n')}`;
}

async function generateSite(dir: string, corpus: string[], n: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'content'), { recursive: true });
  const batch = 200;
  for (let start = 0; start < n; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, n - start) }, (_, k) =>
        writeFile(path.join(dir, 'content', `a${String(start + k).padStart(5, '0')}.txt`), article(corpus, start + k)),
      ),
    );
  }
}

interface Reload {
  at: number;
  /** The pages it names (undefined: all). */
  paths?: string[];
}

/** Resolves with each `reload` event (receive time, pages named), in order. */
function listen(url: string): { next(): Promise<Reload>; close(): void } {
  const reloads: Reload[] = [];
  let wake: (() => void) | undefined;
  let buffer = '';
  const req = http.get(url, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      const at = performance.now();
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.includes('event: reload')) continue;
        const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { paths?: string[] };
        reloads.push({ at, paths: data.paths });
        wake?.();
      }
    });
  });
  return {
    async next() {
      while (reloads.length === 0)
        await new Promise<void>((r) => {
          wake = r;
        });
      return reloads.shift()!;
    },
    close: () => req.destroy(),
  };
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

function stats(ms: number[]): string {
  if (ms.length === 0) return 'none';
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(0)} ms, min ${s[0]!.toFixed(0)} ms, max ${s[s.length - 1]!.toFixed(0)} ms (n=${s.length})`;
}

async function benchSize(n: number, corpus: string[], args: Args): Promise<void> {
  const dir = path.join(os.tmpdir(), `parkpress-bench-dev-${n}-${process.pid}`);
  await generateSite(dir, corpus, n);
  // The theme copied in, so a template edit can start a full rebuild.
  await cp(path.join(projectRoot, 'templates'), path.join(dir, 'templates'), { recursive: true });
  const config = {
    ...defaultConfig(projectRoot),
    contentDir: path.join(dir, 'content'),
    templatesDir: path.join(dir, 'templates'),
    cacheDir: path.join(dir, '.parkpress-cache'), // dev's threads use the disk cache: one per run, not the project's
    outDir: path.join(dir, 'dist'),
    search: args.search,
  };
  const builder = args.single
    ? withPreview(createBuilder(config, { quiet: true, inPlace: true }), config)
    : twinBuilders(threadBuilder(config), threadBuilder(config));
  // Every rebuild's per-stage timings, to say where the time goes.
  const rebuilds: Timings[] = [];
  let previewed = 0;
  let built = 0;
  const timed: DevBuilder = {
    concurrent: builder.concurrent,
    async build(changed) {
      const result = await builder.build(changed);
      built++;
      if (changed) rebuilds.push(result.timings);
      return result;
    },
    async preview(changed) {
      const report = await builder.preview!(changed);
      if (report) previewed++;
      return report;
    },
    close: () => builder.close?.() ?? Promise.resolve(),
  };
  const buildTimes: number[] = [];
  const previewTimes: number[] = [];
  /** Each preview's steps (files, site, render, write), from dev's log line. */
  const previewSteps: number[][] = [];
  const started = performance.now();
  const server = await createDevServer({
    builder: timed,
    outDir: config.outDir,
    watch: [config.contentDir, config.templatesDir],
    port: 0,
    log: {
      info: (line) => {
        const m = / in (\d+) ms/.exec(line);
        if (m) (line.includes('previewed') ? previewTimes : buildTimes).push(Number(m[1]));
        const steps = /\(files (\d+), site (\d+), render (\d+), write (\d+) ms\)/.exec(line);
        if (steps) previewSteps.push(steps.slice(1).map(Number));
      },
      // The corpus has a few undecodable files: print the problem count, not every line.
      error: (line) => {
        if (!line.startsWith('  ')) console.error(`  ${line}`);
      },
    },
  });
  await server.idle(); // twin builders: the second one's first build
  console.log(
    `${n} articles${args.search ? '' : ' (--no-search)'}${args.single ? ' (--single)' : ''}: first build + start ${((performance.now() - started) / 1000).toFixed(1)} s, resident memory ${mib(process.memoryUsage().rss)}`,
  );
  buildTimes.length = 0;
  previewTimes.length = 0;
  previewSteps.length = 0;
  const events = listen(new URL(EVENTS_PATH, server.url).href);
  const latencies: number[] = [];
  const fetched: number[] = [];
  const consistent: number[] = [];
  const busyLatencies: number[] = [];
  const busyDone: number[] = [];
  let busyBeforeRebuild = 0;
  let dropsPreviewed: number | undefined;
  try {
    await new Promise((r) => setTimeout(r, 300));
    for (let k = 0; k < args.drops; k++) {
      // A text not yet on the site: the splice rule past the site's own numbers.
      const text = article(corpus, n + corpus.length * 3 + k);
      const previews = previewed;
      await writeFile(path.join(config.contentDir, `drop${k}.txt`), text);
      const complete = performance.now();
      const received = await events.next();
      latencies.push(received.at - complete);
      // What the browser does next: fetch the page again.
      await (await fetch(server.url)).arrayBuffer();
      fetched.push(performance.now() - complete);
      await server.idle();
      consistent.push(performance.now() - complete);
      if (previewed > previews) await events.next(); // phase 2's reload follows the preview's
      await new Promise((r) => setTimeout(r, 200));
    }
    await server.idle();
    dropsPreviewed = previewed;
    for (let k = 0; k < args.busy; k++) {
      await appendFile(path.join(config.templatesDir, 'base.njk'), `<!-- bench edit ${k} -->\n`);
      await new Promise((r) => setTimeout(r, 1000)); // the rebuild it starts is under way
      const rebuiltBefore = built;
      const date = new Date().toISOString().slice(0, 10);
      const slug = `bench-busy-${k}`;
      const page = outputPath(articleUrl(slug, date));
      const body = article(corpus, n + corpus.length * 5 + k)
        .split('\n')
        .slice(1)
        .join('\n');
      await writeFile(
        path.join(config.contentDir, `${slug}.md`),
        `---\ntitle: "忙时保存 ${k}"\ndate: "${date}"\nslug: "${slug}"\n---\n\n${body}\n`,
      );
      const complete = performance.now();
      for (;;) {
        const reload = await events.next();
        if (reload.paths && !reload.paths.includes(page)) continue;
        busyLatencies.push(reload.at - complete);
        if (built === rebuiltBefore) busyBeforeRebuild++;
        break;
      }
      await server.idle();
      busyDone.push(performance.now() - complete);
    }
  } finally {
    events.close();
    await server.close();
    if (!args.keep) await rm(dir, { recursive: true, force: true });
  }
  console.log(`  phase 1, save -> first reload event: ${stats(latencies)} (${dropsPreviewed ?? previewed} of ${args.drops} previewed)`);
  console.log(`  save -> home page fetched again: ${stats(fetched)}`);
  console.log(
    `  of which preview: ${stats(previewTimes)}, median steps: ${['files', 'site', 'render', 'write'].map((k, i) => `${k} ${median(previewSteps.map((s) => s[i]!)).toFixed(0)}`).join(', ')} ms; previewed once unchanged for one look (${defaultTiming.pollMs} ms), built once quiet for ${defaultTiming.stabilityMs} ms`,
  );
  console.log(
    `  phase 2, save -> full rebuild done: ${stats(consistent)}; rebuild alone: ${stats(buildTimes)}${args.single ? ` (starts ${defaultTiming.settleMs} ms after phase 1)` : ''}`,
  );
  console.log(
    `  resident memory at the end: ${mib(process.memoryUsage().rss)}, peak ${mib(process.resourceUsage().maxRSS * 1024)} (every thread of dev's process)`,
  );
  if (args.busy > 0) {
    console.log(
      `  save during a full rebuild (template edit 1 s before), save -> reload naming its page: ${stats(busyLatencies)}; before that rebuild ended: ${busyBeforeRebuild} of ${args.busy}`,
    );
    console.log(`  save during a full rebuild -> all pages consistent: ${stats(busyDone)}`);
  }
  const stages = Object.keys(rebuilds[0] ?? {}) as (keyof Timings)[];
  console.log(`  rebuild stages, median ms: ${stages.map((k) => `${k} ${median(rebuilds.map((t) => t[k])).toFixed(0)}`).join(', ')}`);
}

async function main(): Promise<void> {
  if (!existsSync(corpusDir)) throw new Error(`corpus not found at ${corpusDir}`);
  const args = parseArgs(process.argv.slice(2));
  const corpus = await loadCorpus();
  console.log(`bench-dev: ${os.cpus().length} CPUs, node ${process.version}, corpus ${corpus.length} texts`);
  for (const n of args.sizes) await benchSize(n, corpus, args);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
