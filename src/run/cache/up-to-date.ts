// "Up to date": the last successful build's inputs, output and outcome, recorded so the next `build`
// can tell nothing that affects the output changed and stop there. Never skip when in doubt.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Config, Diagnostic, FileStamp, WriteReport } from '../../model/index.js';
import { writeAtomically } from './atomic.js';
import { codeFingerprint } from './fingerprint.js';
import { contentInputs, otherInputs, stampAll, type KnownStamps } from './inputs.js';
import { outputChange, snapshotOutput, type OutputSnapshot } from './output.js';
import { sha256 } from '../../text/hash.js';
import { canonicalJson } from './stamp.js';

const FORMAT = 1;
export const RECORD_FILE = 'last-build.v8';

/** What a build reported: shown again, with the same exit code, when the next one is skipped. */
export interface BuildOutcome {
  articles: number;
  pages: number;
  diagnostics: Diagnostic[];
}

interface BuildRecord extends KnownStamps {
  format: number;
  fingerprint: string;
  /** configHash of the resolved config. */
  config: string;
  /** Absolute output folder and what it held. */
  out: string;
  output: OutputSnapshot;
  stamps: Map<string, FileStamp>;
  outcome: BuildOutcome;
}

export type Freshness =
  | { upToDate: true; outcome: BuildOutcome }
  /** `known`: the last build's input stamps, still good for skipping re-reads of unchanged files. */
  | { upToDate: false; reason: string; known?: KnownStamps };

export interface RecordOptions {
  fingerprint?: string;
}

/**
 * Config keys that change how a build runs, never what it writes: `jobs` (worker threads, on the
 * files-cpu branch) and where the cache itself lives.
 */
const RUN_ONLY_KEYS: readonly string[] = ['cacheDir', 'jobs'];

/** Identity of the config values that can change the output (every other key, command-line values included). */
export function configHash(config: Config): string {
  return sha256(canonicalJson(Object.fromEntries(Object.entries(config).filter(([key]) => !RUN_ONLY_KEYS.includes(key)))));
}

function recordFile(config: Config): string | undefined {
  return config.cacheDir === undefined ? undefined : path.join(config.cacheDir, RECORD_FILE);
}

/**
 * Whether building with `config` now would give the output the last recorded build left in
 * outDir: same code, same config, same input files with the same bytes (stat, or the content
 * hash when the stat changed or is too recent to trust), and outDir still linking to that build's
 * folder with every entry's stat unchanged. A file merely touched is re-hashed, and the record
 * refreshed so the next check needs no read.
 */
export async function checkUpToDate(config: Config, options: RecordOptions = {}): Promise<Freshness> {
  const file = recordFile(config);
  if (!file) return { upToDate: false, reason: 'no cache folder' };
  const checkedAt = Date.now();
  const record = await readRecord(file);
  if (typeof record === 'string') return { upToDate: false, reason: record };
  const known: KnownStamps = { stampedAt: record.stampedAt, stamps: record.stamps };
  const stale = (reason: string): Freshness => ({ upToDate: false, reason, known });
  if (record.fingerprint !== (options.fingerprint ?? codeFingerprint())) return stale('parkpress or its dependencies changed');
  if (record.config !== configHash(config)) return stale('the configuration or command-line options changed');
  const files = [...(await contentInputs(config)), ...otherInputs(config)];
  if (files.length !== record.stamps.size) return stale(`${Math.abs(files.length - record.stamps.size)} input file(s) added or removed`);
  const now = stampAll(files, known);
  let touched = false;
  for (const [f, stamp] of now) {
    const before = record.stamps.get(f);
    if (!before) return stale(`${f} is new`);
    if (stamp?.hash !== before.hash) return stale(`${f} changed`);
    if (stamp !== before) touched = true;
  }
  // Last: stat'ing every output file costs more than the input checks that usually find a change.
  const output = record.out === path.resolve(config.outDir) ? outputChange(record.out, record.output) : 'the output folder changed';
  if (output) return stale(output);
  if (touched) await writeRecord(file, { ...record, stampedAt: checkedAt, stamps: now as Map<string, FileStamp> }).catch(() => undefined);
  return { upToDate: true, outcome: record.outcome };
}

/**
 * Records a finished build for the next check. `stampedAt` must be taken before any input was
 * stamped, and `written` the writer's report of the build folder it made. When an input could not be stamped,
 * outDir no longer links to that folder (another build finished meanwhile) or the build hit a bug
 * (`build/internal`: perhaps transient, so never replayed), the old record is removed instead.
 */
export async function recordBuild(
  config: Config,
  build: {
    stampedAt: number;
    stamps: ReadonlyMap<string, FileStamp | undefined>;
    written: Pick<WriteReport, 'dir' | 'listing'>;
    outcome: BuildOutcome;
  },
  options: RecordOptions = {},
): Promise<boolean> {
  const file = recordFile(config);
  if (!file) return false;
  const out = path.resolve(config.outDir);
  const { dir, listing } = build.written;
  const output = dir === undefined || listing === undefined ? undefined : snapshotOutput(out, dir, listing);
  const stamps = [...build.stamps].filter((e): e is [string, FileStamp] => e[1] !== undefined);
  const internal = build.outcome.diagnostics.some((d) => d.rule === 'build/internal');
  if (!output || stamps.length !== build.stamps.size || internal) {
    await rm(file, { force: true });
    return false;
  }
  const record: BuildRecord = {
    format: FORMAT,
    fingerprint: options.fingerprint ?? codeFingerprint(),
    config: configHash(config),
    stampedAt: build.stampedAt,
    stamps: new Map(stamps),
    out,
    output,
    outcome: build.outcome,
  };
  await writeRecord(file, record);
  return true;
}

/** The record, or why there is none usable. */
async function readRecord(file: string): Promise<BuildRecord | string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no record of a previous build' : `cannot read ${file}`;
  }
  try {
    const record = deserialize(bytes) as BuildRecord;
    if (record?.format !== FORMAT || !(record.stamps instanceof Map) || !record.output || !record.outcome)
      return `${file} has an unknown layout`;
    return record;
  } catch {
    return `${file} is damaged`;
  }
}

function writeRecord(file: string, record: BuildRecord): Promise<void> {
  return writeAtomically(file, serialize(record));
}
