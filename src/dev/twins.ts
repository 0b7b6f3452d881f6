// Two dev builders taking turns, so a save is previewed while a full rebuild runs.
import path from 'node:path';
import { assertSafeFolders } from '../config/index.js';
import type { BuildResult } from '../run/builder.js';
import type { Config, WriteReport } from '../model/index.js';
import { assertOwnOutput } from '../stages/write/index.js';
import { threadBuilder } from './build-thread.js';
import type { DevBuilder } from './preview.js';

interface Twin {
  builder: DevBuilder;
  /** Paths changed since this twin's last good build; undefined: everything (it has not built yet). */
  since: Set<string> | undefined;
  /** Its requests one at a time: a preview never runs beside its own build. */
  queue: Promise<unknown>;
}

/**
 * One DevBuilder made of two (each its own thread in `parkpress dev`, see build-thread.ts). The
 * twin whose build is live previews; the other runs the next build, from the changes since its own
 * last one, and its output then becomes the live one. So a save that arrives during a full rebuild
 * (a template edit, or the rebuild after another save) is previewed at once against the live build
 * instead of waiting seconds for the rebuild to end; the rebuild's result then replaces the site as
 * a whole, and the server previews that save again on it before telling browsers (dev/rebuild.ts).
 * The cost is memory: both twins hold a whole build.
 */
export function twinBuilders(first: DevBuilder, second: DevBuilder): DevBuilder {
  const twins: Twin[] = [first, second].map((builder) => ({ builder, since: undefined, queue: Promise.resolve() }));
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
      const result = await turn(next, () => next.builder.build(asked && [...asked].sort()));
      // Saves made during the build come with the next call, for both twins.
      next.since = new Set();
      live = next;
      return result;
    },
    async preview(changed): Promise<WriteReport | undefined> {
      const twin = live;
      if (!twin?.builder.preview) return undefined;
      return turn(twin, () => twin.builder.preview!(changed));
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
