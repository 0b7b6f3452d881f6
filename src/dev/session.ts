// What open browsers are told: the output's generation (reload when it moves) and the problems to overlay.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventHub } from './events.js';
import { formatProblem, problemsKey, type Problem } from './problems.js';

/** Where dev writes what it has to say; the command passes the terminal, tests pass a recorder. */
export interface DevLog {
  info(line: string): void;
  error(line: string): void;
}

/**
 * The live state dev shares with every open page over server-sent events: a generation number,
 * bumped whenever the output changed (a page served at an older one is stale), and the problems
 * of the last build, shown in the terminal and as an overlay until a build is clean again.
 */
export class LiveSession {
  private readonly hub = new EventHub();
  private current = 0;
  private shown: Problem[] = [];

  constructor(private readonly log: DevLog) {}

  get generation(): number {
    return this.current;
  }

  get problems(): readonly Problem[] {
    return this.shown;
  }

  /** Takes over a browser's event request; it is sent the state at once. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    this.hub.attach(req, res, { event: 'state', data: { build: this.current, problems: this.shown } });
  }

  /** The output changed: open pages among `paths` (all pages when absent) reload. */
  reload(paths?: string[]): void {
    this.current += 1;
    this.hub.send('reload', { build: this.current, paths });
  }

  /** The problems now; said in the terminal and sent to the pages only when they changed. */
  setProblems(next: Problem[]): void {
    if (problemsKey(next) === problemsKey(this.shown)) return;
    const hadProblems = this.shown.length > 0;
    this.shown = next;
    this.hub.send('problems', { problems: next });
    if (next.length > 0) {
      this.log.error(`parkpress dev: ${next.length} ${next.length === 1 ? 'problem' : 'problems'} (serving the last good build):`);
      for (const p of next) this.log.error(`  ${formatProblem(p)}`);
    } else if (hadProblems) {
      this.log.info('parkpress dev: problems fixed');
    }
  }

  close(): void {
    this.hub.close();
  }
}
