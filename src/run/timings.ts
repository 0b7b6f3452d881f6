// How long each part of a build took.
import type { OutputPage } from '../model/index.js';

/** Milliseconds spent in each part of one build. */
export interface Timings {
  discover: number;
  files: number;
  corpus: number;
  site: number;
  render: number;
  write: number;
}

/** Milliseconds since the previous call (or creation). */
export function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const ms = now - last;
    last = now;
    return ms;
  };
}

/** A page stream that counts its pages and the time spent producing them. */
export interface Metered extends AsyncIterable<OutputPage> {
  count: number;
  /** Splits the wall time of render and write together into each one's part. */
  split(total: number): { render: number; write: number };
}

/**
 * Render and write run interleaved (write pulls each page from render), so render's time is the
 * time spent inside the stream's next() and write's is the rest.
 */
export function metered(pages: AsyncIterable<OutputPage>): Metered {
  let rendering = 0;
  const result = {
    count: 0,
    split: (total: number) => ({ render: rendering, write: Math.max(0, total - rendering) }),
    async *[Symbol.asyncIterator]() {
      const it = pages[Symbol.asyncIterator]();
      for (;;) {
        const start = performance.now();
        const next = await it.next();
        rendering += performance.now() - start;
        if (next.done) return;
        result.count++;
        yield next.value;
      }
    },
  };
  return result;
}
