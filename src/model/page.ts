// Output pages and what the writer reports of them.

/** One output file, path relative to the output dir with POSIX separators. */
export interface Page {
  path: string;
  content: string | Uint8Array;
  /** Digest of everything the page was made from (render/keys.ts): the manifest keeps it, so the next build can tell the page unchanged without making it. */
  key?: string;
}

/** A page render did not make again: its `key` is the one the live build's file was made with, so the writer links that file. */
export interface KeptPage {
  path: string;
  content: null;
  key: string;
}

/** What render hands the writer: pages made, and pages kept from the live build. */
export type OutputPage = Page | KeptPage;

/** `page`, which must have been made: a caller that gave render no live build to keep pages from. */
export function madePage(page: OutputPage): Page {
  if (page.content === null) throw new Error(`render: the page ${page.path} was kept from the live build where it had to be made`);
  return page;
}

export interface WriteReport {
  written: number;
  unchanged: number;
  removed: number;
  /** Of the unchanged pages, those render did not make again (KeptPage). */
  kept?: number;
  /** The complete build folder the output link now points to, when the writer assembled a new one. */
  dir?: string;
  /**
   * Output paths written or removed (relative to the output dir, POSIX), when the writer reports
   * them: `dev` then reloads only the open pages among them (all pages when absent).
   */
  paths?: string[];
  /** With `dir`: what the writer left in it, so the up-to-date record needs no walk of the output. */
  listing?: BuildListing;
}

/**
 * Every file and folder of a build folder as the writer left it: POSIX paths relative to the
 * folder ('' is the folder itself) and, per path in that order, 5 numbers of its lstat: mode,
 * size, mtimeMs, ctimeMs, ino. ctimeMs is NaN for a file hard-linked from the previous build:
 * the writer knows the old file's stat, taken before linking changed its ctime.
 */
export interface BuildListing {
  paths: string[];
  stats: Float64Array;
}
