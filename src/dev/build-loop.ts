/**
 * Runs one build at a time. Changes that arrive while a build runs are gathered and built
 * together as soon as it ends, so a burst of saves (or 1,000 copied files) costs few builds.
 */
export class BuildLoop {
  private readonly pending = new Set<string>();
  private full = false;
  private running: Promise<void> | undefined;

  /** `run(undefined)` is a full rebuild (rescan everything). */
  constructor(private readonly run: (changed: string[] | undefined) => Promise<void>) {}

  /** Asks for a build of these changed paths, or of everything when `changed` is undefined. */
  request(changed?: readonly string[]): void {
    if (changed === undefined) this.full = true;
    else for (const p of changed) this.pending.add(p);
    this.running ??= this.drain();
  }

  /** A build is running (or about to start). */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Changes (or a full rebuild) wait for the next build. */
  get waiting(): boolean {
    return this.full || this.pending.size > 0;
  }

  /** Resolves once no build is running or waiting. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.full || this.pending.size > 0) {
      const changed = this.full ? undefined : [...this.pending].sort();
      this.full = false;
      this.pending.clear();
      await this.run(changed);
    }
    this.running = undefined;
  }
}
