// Where a parkpress build's time and memory go, stage by stage: one real build of a site through the
// builder's Stages seam, with the heap measured after each stage (after a full GC, so it is what the
// build still holds: articles, the site model, the rendered pages ...). Run in its own process:
//   node --expose-gc lib/scripts/bench/stages.js <siteDir>
// It prints one JSON object; `npm run bench -- --stages` runs it and tabulates the result.
import { createBuilder } from '../../src/run/builder.js';
import { realStages, type Stages } from '../../src/run/stages.js';
import { loadConfig } from '../../src/config/index.js';

export interface StageMark {
  stage: string;
  /** Wall milliseconds of the stage (GC for the measurement itself excluded). */
  ms: number;
  /** Live heap after the stage, after a full GC. */
  heapMiB: number;
  /** Off-heap buffers (Buffers, typed arrays) after the stage. */
  externalMiB: number;
  rssMiB: number;
}

export interface StagesReport {
  marks: StageMark[];
  /** Peak resident memory of the whole process. */
  maxRssMiB: number;
  articles: number;
  pages: number;
}

const MiB = 2 ** 20;

/** Wraps the stages so each one is timed and followed by a heap measurement. */
export function instrument(stages: Stages, gc: () => void): { stages: Stages; marks: StageMark[] } {
  const marks: StageMark[] = [];
  let since = performance.now();
  /** Time write spent on pages while render's stream was still open (the two interleave). */
  let writing = 0;
  const mark = (stage: string, ms = performance.now() - since) => {
    gc();
    const m = process.memoryUsage();
    marks.push({ stage, ms, heapMiB: m.heapUsed / MiB, externalMiB: m.external / MiB, rssMiB: m.rss / MiB });
    since = performance.now();
  };
  return {
    marks,
    stages: {
      ...stages,
      async discover(dir) {
        const r = await stages.discover(dir);
        mark('discover');
        return r;
      },
      enrichCorpus(articles, facts, config, keep) {
        // The per-file stages (load, normalize, extract) have all run by the time the corpus step starts.
        mark('files (load, normalize, extract)');
        const r = stages.enrichCorpus(articles, facts, config, keep);
        mark('corpus');
        return r;
      },
      buildSite(articles, facts, config, inputs) {
        const r = stages.buildSite(articles, facts, config, inputs);
        mark('site');
        return r;
      },
      // Render streams pages into write, which writes each as it comes. `render` is the time spent
      // producing pages (inside the stream's next()), measured when the stream ends; `write` is the
      // rest, up to the new build being switched in.
      async *renderSite(site, facts) {
        const start = performance.now();
        let rendering = 0;
        const it = stages.renderSite(site, facts)[Symbol.asyncIterator]();
        for (;;) {
          const t = performance.now();
          const next = await it.next();
          rendering += performance.now() - t;
          if (next.done) break;
          yield next.value;
        }
        writing = performance.now() - start - rendering;
        mark('render', rendering);
      },
      async writeSite(pages, outDir, options) {
        const r = await stages.writeSite(pages, outDir, options);
        mark('write', writing + performance.now() - since);
        return r;
      },
    },
  };
}

async function main(siteDir: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const config = await loadConfig(siteDir);
  const { stages, marks } = instrument(realStages, gc);
  // `once`, as the build command runs it: per-article data each stage alone reads is dropped after it.
  const result = await createBuilder(config, { quiet: true, once: true }, stages).build();
  const report: StagesReport = {
    marks,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    articles: result.articles,
    pages: result.pages,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

// Runs only as a script, so the test can import instrument() without starting a build.
if (process.argv[1]?.endsWith('stages.js') && process.argv[2]) {
  main(process.argv[2]).catch((err: unknown) => {
    console.error((err as Error).stack ?? String(err));
    process.exitCode = 70;
  });
}
