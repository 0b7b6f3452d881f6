// Two dev builders taking turns, so a save is previewed while a full rebuild runs.
import path from 'node:path';
import { assertSafeFolders } from '../config/index.js';
import type { BuildResult } from '../run/builder.js';
import type { Config, WriteReport } from '../model/index.js';
import { assertOwnOutput } from '../stages/write/index.js';
import { threadBuilder } from './build-thread.js';
import type { DevBuilder, PreviewReport } from './preview.js';

interface Twin {
  builder: DevBuilder;
  /** Paths changed since this twin's last good build; undefined: everything (it has not built yet). */
  since: Set<string> | undefined;
  /** Output pages the other twin changed since this one last wrote; 'all' after a failure of the other's. */
  touched: Set<string> | 'all';
  /** Its requests one at a time: a preview never runs beside its own build. */
  queue: Promise<unknown>;
}

/**
 * One DevBuilder made of two (each its own thread in `parkpress dev`, see build-thread.ts). The
 * twin whose build is live previews; the other runs the next build, from the changes since its own
 * last one, and its output then becomes the live one. So a save that arrives during a full rebuild
 * (a template edit, or the rebuild after another save) is previewed at once against the live build
 * instead of waiting seconds for the rebuild to end; the server previews that save again on the
 * rebuild's output before telling browsers (dev/rebuild.ts). Both write the one live build in
 * place; each is told the pages the other changed since it last wrote (WriteOptions.touched).
 * The cost is memory: both twins hold a whole build.
 */
export function twinBuilders(first: DevBuilder, second: DevBuilder): DevBuilder {
  const twins: Twin[] = [first, second].map((builder) => ({ builder, since: undefined, touched: new Set(), queue: Promise.resolve() }));
  const other = (twin: Twin): Twin => (twin === twins[0] ? twins[1]! : twins[0]!);

  /** After `twin` wrote: the other one must read what it changed (everything, when it failed midway). */
  function wrote(twin: Twin, report: WriteReport | undefined | 'failed'): void {
    const peer = other(twin);
    if (report === 'failed' || (report && !report.paths)) peer.touched = 'all';
    else if (report && peer.touched !== 'all') for (const p of report.paths!) peer.touched.add(p);
  }

  /** What `twin` is told the other changed, as WriteOptions.touched; from now on it starts again. */
  function takeTouched(twin: Twin): readonly string[] | 'all' {
    const touched = twin.touched;
    twin.touched = new Set();
    return touched === 'all' ? 'all' : [...touched].sort();
  }
  /** The twin whose last build is the site being served; undefined before the first. */
  let live: Twin | undefined;

  function turn<T>(twin: Twin, job: () => Promise<T>): Promise<T> {
    const done = twin.queue.then(job, job);
    twin.queue = done.catch(() => undefined);
    return done;
  }

  return {
    concurrent: true,
    async build(changed): Promise<BuildResult> {
      for (const twin of twins) twin.since = changed && twin.since ? new Set([...twin.since, ...changed]) : undefined;
      const next = twins.find((t) => t !== live)!;
      const asked = next.since;
      const result = await turn(next, async () => {
        try {
          return await next.builder.build(asked && [...asked].sort(), takeTouched(next));
        } catch (err) {
          wrote(next, 'failed');
          throw err;
        }
      });
      wrote(next, result.report);
      // Saves made during the build come with the next call, for both twins.
      next.since = new Set();
      live = next;
      return result;
    },
    async preview(changed): Promise<PreviewReport | undefined> {
      const twin = live;
      if (!twin?.builder.preview) return undefined;
      return turn(twin, async () => {
        try {
          const report = await twin.builder.preview!(changed);
          wrote(twin, report);
          return report;
        } catch (err) {
          wrote(twin, 'failed');
          throw err;
        }
      });
    },
    async close(): Promise<void> {
      await Promise.all(twins.map((t) => turn(t, async () => t.builder.close?.())));
    },
  };
}

/**
 * `parkpress dev`'s builder: twins, each on a thread of its own, so the server, the watcher and
 * the previews never wait for a build. The config's folders are checked here, where the command
 * can report them, before the threads start.
 */
export function devBuilder(config: Config): DevBuilder {
  assertSafeFolders(config);
  assertOwnOutput(path.resolve(config.outDir));
  return twinBuilders(threadBuilder(config), threadBuilder(config));
}
