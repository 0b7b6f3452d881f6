import { statSync } from 'node:fs';

export interface SettleTiming {
  /** A file counts as complete once its size, mtime and inode have not changed for this long. */
  stabilityMs: number;
  /** How often a file being written is looked at. */
  pollMs: number;
}

/** What a path holds: `gone`, `dir`, or a file's size, mtime and inode. */
function signature(file: string): string {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    if (!s) return 'gone';
    return s.isDirectory() ? 'dir' : `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return 'gone'; // a parent folder removed or unreadable: treated like a missing file
  }
}

/** A signature of a file with something in it (an editor's first write may come after the create). */
function isFile(signature: string): boolean {
  return signature !== 'gone' && signature !== 'dir' && !signature.startsWith('0:');
}

/**
 * Turns "something happened to this path" (any number of watcher events, early or late) into one
 * report per finished change: a path is reported once what it holds has stayed the same for
 * `stabilityMs`, and only when that differs from what was last reported for it. So the first
 * event of a save starts the clock, the last write restarts it, and the same change seen again
 * (chokidar's own event arriving after its folder rescan) is not reported twice. Folders are never
 * reported (the files in them are).
 *
 * `early`, when given, hears of a file much sooner: as soon as it is non-empty and unchanged from
 * one look to the next (`pollMs`), once per content. It is for a quick look only (dev's preview):
 * a writer may still be at it, in which case its next write is another event, another early report
 * and, once quiet for `stabilityMs`, the report. Deletions are only reported after `stabilityMs`
 * (a delete + re-create save must not blank a page).
 *
 * Stats are synchronous on purpose: a watcher rescanning a 10,000-file folder fills libuv's thread
 * pool with lstat calls, and an asynchronous stat would queue behind them.
 */
export class Settler {
  private readonly waiting = new Map<string, { signature: string; since: number; timer: NodeJS.Timeout }>();
  private readonly reported = new Map<string, string>();
  private readonly earlyReported = new Map<string, string>();

  constructor(
    private readonly timing: SettleTiming,
    private readonly report: (file: string) => void,
    private readonly early?: (file: string) => void,
  ) {}

  /** An event for `file` (absolute): watch it until it settles. */
  touch(file: string): void {
    const now = performance.now();
    const entry = this.waiting.get(file);
    if (entry) {
      entry.since = now; // a new event is a new write: the quiet period starts again
      return;
    }
    const timer = setTimeout(() => this.poll(file), this.timing.pollMs);
    this.waiting.set(file, { signature: signature(file), since: now, timer });
  }

  private poll(file: string): void {
    const entry = this.waiting.get(file)!;
    const now = performance.now();
    const current = signature(file);
    if (current !== entry.signature) {
      entry.signature = current;
      entry.since = now;
    } else if (this.early && isFile(current) && this.earlyReported.get(file) !== current && this.reported.get(file) !== current) {
      this.earlyReported.set(file, current);
      this.early(file);
    }
    if (now - entry.since < this.timing.stabilityMs) {
      entry.timer = setTimeout(() => this.poll(file), this.timing.pollMs);
      return;
    }
    this.waiting.delete(file);
    if (current === 'dir' || this.reported.get(file) === current) return;
    this.reported.set(file, current);
    this.earlyReported.delete(file);
    this.report(file);
  }

  close(): void {
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }
}
