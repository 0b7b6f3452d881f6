// One dev rebuild: the quick preview first, then the full incremental build.
import type { BuildResult } from '../run/builder.js';
import type { WriteReport } from '../model/index.js';
import type { DevBuilder } from './preview.js';
import { problemFromThrown, problemsFromDiagnostics } from './problems.js';
import type { DevLog, LiveSession } from './session.js';

/**
 * Rebuilds with the current builder (replaced when the config changes) and tells the session
 * what changed. A failed build keeps the last good output served and shows its problems.
 */
export class Rebuilder {
  constructor(
    private builder: DevBuilder,
    private readonly session: LiveSession,
    private readonly log: DevLog,
    /** After a preview's reload, how long the full rebuild waits so open browsers fetch the new page first. */
    private readonly settleMs: number,
  ) {}

  /** Builds with `builder` from now on (a new config). */
  use(builder: DevBuilder): void {
    this.builder = builder;
  }

  /** `changed`: the paths saved since the last build; undefined: everything. */
  async run(changed: string[] | undefined): Promise<void> {
    if (changed && this.builder.preview) await this.preview(this.builder.preview.bind(this.builder), changed);
    const started = performance.now();
    let result: BuildResult;
    try {
      result = await this.builder.build(changed);
    } catch (err) {
      this.session.setProblems([problemFromThrown(err)]);
      return;
    }
    this.session.setProblems(problemsFromDiagnostics(result.diagnostics));
    const { written, removed, paths } = result.report;
    if (written + removed === 0) return;
    this.session.reload(paths);
    const what = changed === undefined ? 'site' : `${changed.length} ${changed.length === 1 ? 'change' : 'changes'}`;
    this.log.info(
      `parkpress dev: rebuilt (${what}) in ${Math.round(performance.now() - started)} ms: ${written} written, ${removed} removed`,
    );
  }

  /**
   * Phase 1: the changed articles on screen at once (see dev/preview.ts), then a pause so open
   * browsers fetch them before the full rebuild occupies the process. Anything it cannot do, or a
   * failure, just leaves the work to the full rebuild.
   */
  private async preview(preview: NonNullable<DevBuilder['preview']>, changed: string[]): Promise<void> {
    const started = performance.now();
    let report: WriteReport | undefined;
    try {
      report = await preview(changed);
    } catch (err) {
      this.log.info(`parkpress dev: quick preview failed (${(err as Error).message}); rebuilding everything`);
      return;
    }
    if (!report || report.written + report.removed === 0) return;
    this.session.reload(report.paths);
    const count = `${changed.length} ${changed.length === 1 ? 'change' : 'changes'}`;
    this.log.info(
      `parkpress dev: previewed ${count} in ${Math.round(performance.now() - started)} ms: ${report.written} written, ${report.removed} removed; rebuilding the rest`,
    );
    await new Promise((resolve) => setTimeout(resolve, this.settleMs));
  }
}
