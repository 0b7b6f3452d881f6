import { lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import type { BuildListing } from '../../model/index.js';

/** The output link's target and the stat of every entry in the build folder it points to. */
export interface OutputSnapshot {
  /** Target of the `outDir` link, as stored in the link. */
  link: string;
  /** Entries below the build folder ('' is the folder itself), POSIX separators. */
  entries: string[];
  /** mode, size, mtimeMs, ctimeMs, ino of each entry, in `entries` order. */
  stats: Float64Array;
}

const FIELDS = 5;
const CTIME = 3;

/**
 * Snapshot of the build folder `out` links to, from the writer's listing of it (`dir`); undefined
 * when `out` is not a link to `dir`. Folders are included: adding, removing or renaming a file
 * changes its folder's times. Only the files the writer linked from the previous build are
 * stat'ed again: linking changed their ctime.
 */
export function snapshotOutput(out: string, dir: string, listing: BuildListing): OutputSnapshot | undefined {
  const link = readlinkSync(out, { encoding: 'utf8' });
  if (path.resolve(path.dirname(out), link) !== path.resolve(dir)) return undefined;
  const { paths, stats } = listing;
  for (let i = 0, at = CTIME; i < paths.length; i++, at += FIELDS) {
    if (Number.isNaN(stats[at])) stats[at] = lstatSync(path.join(dir, paths[i]!)).ctimeMs;
  }
  return { link, entries: paths, stats };
}

/** Why `out` no longer shows the snapshotted build untouched; undefined when it does. */
export function outputChange(out: string, snapshot: OutputSnapshot): string | undefined {
  let link: string;
  try {
    link = readlinkSync(out, { encoding: 'utf8' });
  } catch {
    return `${out} is missing or no longer a link to a build`;
  }
  if (link !== snapshot.link) return `${out} points to another build`;
  const dir = path.resolve(path.dirname(out), link);
  const { entries, stats } = snapshot;
  // Tens of thousands of entries: plain concatenation and inline compares, no per-entry arrays.
  const base = `${dir}/`;
  for (let i = 0, at = 0; i < entries.length; i++, at += FIELDS) {
    const info = lstatSync(entries[i] === '' ? dir : base + entries[i]!, { throwIfNoEntry: false });
    if (!info) return `${path.join(out, entries[i]!)} was removed`;
    const same =
      info.mode === stats[at] &&
      info.size === stats[at + 1] &&
      info.mtimeMs === stats[at + 2] &&
      info.ctimeMs === stats[at + 3] &&
      info.ino === stats[at + 4];
    if (!same) return `${path.join(out, entries[i]!)} was changed`;
  }
  return undefined;
}
