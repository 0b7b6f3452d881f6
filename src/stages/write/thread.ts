import { Worker } from 'node:worker_threads';
import type { Filled, FillerState } from './fill.js';

/** Main thread -> writer thread. */
export type ToWriter =
  /**
   * Pages `paths[i]` with bytes `buffer[ends[i-1] .. ends[i]]` and key `keys[i]`; those at the
   * indices `kept` have no bytes: they are kept from the previous build (fill.ts, keep).
   */
  | { type: 'pages'; paths: string[]; ends: number[]; keys: (string | undefined)[]; kept: number[]; buffer: ArrayBuffer }
  | { type: 'finish' };

/** Writer thread -> main thread. */
export type FromWriter =
  /** A batch is written; its buffer comes back for the next batch. */
  { type: 'written'; bytes: number; buffer: ArrayBuffer } | { type: 'finished'; filled: Filled } | { type: 'failed'; error: WireError };

/** A file-system error as it crosses threads (structured clone keeps an Error's message, not its code). */
export interface WireError {
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

/** What the writer thread starts from: the main thread's filler so far, and the previous build's manifest file. */
export interface WriterData {
  state: FillerState;
  previousManifest: string | undefined;
}

export interface WriterLimits {
  /** Pages are sent in batches of about this many bytes (one message, one transferred buffer each). */
  batchBytes: number;
  /** Page bytes sent but not yet written, at most (or one batch, if larger): rendering waits beyond it. */
  inFlightBytes: number;
}

export const DEFAULT_LIMITS: WriterLimits = { batchBytes: 256 * 1024, inFlightBytes: 4 * 1024 * 1024 };

/** Pages in one batch, at most: kept pages have no bytes, and a run of them must not wait for the rest of the site. */
const MAX_BATCH_PAGES = 512;

/**
 * Pages written in the main thread before the writer thread takes over: the thread costs its
 * start-up and a copy of each page, and saves the main thread the file-system calls of each page,
 * so it pays only on a site of some thousands of pages (scripts/bench-writer-thread.mjs measures
 * where; docs/bench.md has the figures).
 */
export const MIN_PAGES_FOR_WRITER_THREAD = 2000;

/**
 * The writer's garbage is small and short-lived (stat objects, page views): a small young
 * generation keeps the thread's memory low (V8's default grows it to tens of MiB, which raised the
 * build's peak RSS) for a few more, cheap, scavenges.
 */
const WRITER_YOUNG_GENERATION_MB = 4;

const WORKER_URL = new URL('./writer-worker.js', import.meta.url);

/**
 * The main thread's end of the writer thread: takes pages (encoding strings as UTF-8 into a batch
 * buffer that is transferred, not copied, and comes back empty for reuse), keeps at most
 * `inFlightBytes` of them on the way, and
 * turns an error of the writer (a page it could not write) into the same Error the main thread
 * would have thrown, on the next put or on finish.
 */
export class WriterThread {
  private readonly worker: Worker;
  private buffer: Buffer | undefined;
  private used = 0;
  private paths: string[] = [];
  private ends: number[] = [];
  private keys: (string | undefined)[] = [];
  private kept: number[] = [];
  private inFlight = 0;
  /** Batch buffers the writer is done with: reused, so page bytes never wait for a GC to be freed. */
  private readonly spare: ArrayBuffer[] = [];
  private failure: Error | undefined;
  private filled: Filled | undefined;
  /** Wakes a put or finish waiting for the writer. */
  private wake: (() => void) | undefined;
  /** Most page bytes on the way at any moment. */
  peakInFlight = 0;

  constructor(
    data: WriterData,
    private readonly limits: WriterLimits = DEFAULT_LIMITS,
    script: URL = WORKER_URL,
  ) {
    this.worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GENERATION_MB } });
    this.worker.unref(); // never keeps the process alive by itself
    this.worker.on('message', (msg: FromWriter) => {
      if (msg.type === 'written') this.written(msg.bytes, msg.buffer);
      else if (msg.type === 'finished') this.filled = msg.filled;
      else this.fail(revive(msg.error));
      this.wake?.();
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`write: the writer thread stopped (exit code ${code})`)));
  }

  /**
   * Queues page `p` (null content: kept from the previous build, see fill.ts); waits only while too
   * many bytes are on the way. Throws the writer's error, if any.
   */
  async put(p: string, content: string | Uint8Array | null, key?: string): Promise<void> {
    this.check();
    if (content === null) this.kept.push(this.paths.length);
    else await this.copy(content);
    this.paths.push(p);
    this.ends.push(this.used);
    this.keys.push(key);
    if (this.used >= this.limits.batchBytes || this.paths.length >= MAX_BATCH_PAGES) await this.send();
  }

  /** Appends `content` to the batch buffer, sending the batch first when it would not fit. */
  private async copy(content: string | Uint8Array): Promise<void> {
    const size = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
    if (this.buffer && this.used + size > this.buffer.byteLength) await this.send();
    this.buffer ??= Buffer.from(
      size <= this.limits.batchBytes ? (this.spare.pop() ?? new ArrayBuffer(this.limits.batchBytes)) : new ArrayBuffer(size),
    );
    if (typeof content === 'string') this.buffer.write(content, this.used, 'utf8');
    else this.buffer.set(content, this.used);
    this.used += size;
  }

  /** Sends what is queued, completes the manifest and lists the folders; the thread then ends. */
  async finish(): Promise<Filled> {
    if (this.paths.length > 0) await this.send();
    this.post({ type: 'finish' });
    while (!this.filled) await this.next();
    const filled = this.filled;
    await this.stop();
    return filled;
  }

  /** Ends the thread at once (after an error elsewhere): nothing more is written into the build. */
  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private async send(): Promise<void> {
    const bytes = this.used;
    while (this.inFlight > 0 && this.inFlight + bytes > this.limits.inFlightBytes) await this.next();
    // A batch of kept pages only has no buffer yet.
    this.buffer ??= Buffer.from(this.spare.pop() ?? new ArrayBuffer(this.limits.batchBytes));
    const buffer = this.buffer.buffer as ArrayBuffer;
    this.post({ type: 'pages', paths: this.paths, ends: this.ends, keys: this.keys, kept: this.kept, buffer }, [buffer]);
    this.inFlight += bytes;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    this.buffer = undefined;
    this.used = 0;
    this.paths = [];
    this.ends = [];
    this.keys = [];
    this.kept = [];
  }

  private written(bytes: number, buffer: ArrayBuffer): void {
    this.inFlight -= bytes;
    if (buffer.byteLength === this.limits.batchBytes) this.spare.push(buffer);
  }

  private post(msg: ToWriter, transfer: ArrayBuffer[] = []): void {
    this.check();
    this.worker.postMessage(msg, transfer);
  }

  /** Resolves at the writer's next message (or failure); throws its failure. */
  private async next(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    this.wake = undefined;
    this.check();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake?.();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

/** The error the writer thread hit, with the fields callers test (`code`, `path` ...). */
function revive(wire: WireError): Error {
  const { message, ...fields } = wire;
  return Object.assign(new Error(message), fields);
}

/** The wire form of what a write threw. */
export function wireError(err: unknown): WireError {
  if (!(err instanceof Error)) return { message: String(err) };
  const { code, errno, syscall, path } = err as NodeJS.ErrnoException;
  return {
    message: err.message,
    ...(code === undefined ? {} : { code }),
    ...(errno === undefined ? {} : { errno }),
    ...(syscall === undefined ? {} : { syscall }),
    ...(path === undefined ? {} : { path }),
  };
}
