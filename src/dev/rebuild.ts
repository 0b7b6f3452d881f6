// One dev rebuild: the quick preview first, then the full incremental build.
import type { BuildResult } from '../run/builder.js';
import type { DevBuilder, PreviewReport } from './preview.js';
import { problemFromThrown, problemsFromDiagnostics } from './problems.js';
import type { DevLog, LiveSession } from './session.js';

/**
 * Rebuilds with the current builder (replaced when the config changes) and tells the session
 * what changed. A failed build keeps the last good output served and shows its problems.
 */
export class Rebuilder {
  /** Builders replaced by a new config, closed once their work is done. */
  private readonly retired: DevBuilder[] = [];
  /** Pages a build changed whose reload waits for the preview of saves made during it (see `run`); undefined: all. */
  private held: string[] | undefined = [];
  /** Previews made beside a running build, one after another. */
  private beside: Promise<void> = Promise.resolve();
  /** Files that looked complete, waiting for a quick preview (`previewEarly`). */
  private readonly early = new Set<string>();
  /** Files quick-previewed and not yet handed to a build, with the build (`builds`) whose output they were previewed on. */
  private readonly previewedOn = new Map<string, number>();
  /** Good builds so far: which output is live. */
  private builds = 0;

  constructor(
    private builder: DevBuilder,
    private readonly session: LiveSession,
    private readonly log: DevLog,
    /** After a preview's reload, how long the full rebuild waits so open browsers fetch the new page first. */
    private readonly settleMs: number,
    /** Whether changes are waiting for the next build. */
    private readonly waiting: () => boolean = () => false,
  ) {}

  /** Builds with `builder` from now on (a new config). */
  use(builder: DevBuilder): void {
    this.retired.push(this.builder);
    this.builder = builder;
  }

  /** `changed`: the paths saved since the last build; undefined: everything. */
  async run(changed: string[] | undefined): Promise<void> {
    await Promise.all(this.retired.splice(0).map((b) => b.close?.()));
    await this.beside;
    if (changed && this.builder.preview && !this.onScreen(changed)) await this.preview(changed, true);
    for (const file of changed ?? []) this.previewedOn.delete(file);
    const started = performance.now();
    let result: BuildResult;
    try {
      result = await this.builder.build(changed);
    } catch (err) {
      this.session.setProblems([problemFromThrown(err)]);
      return;
    }
    this.builds += 1;
    this.session.setProblems(problemsFromDiagnostics(result.diagnostics));
    const { written, removed, paths } = result.report;
    const what = changed === undefined ? 'site' : `${changed.length} ${changed.length === 1 ? 'change' : 'changes'}`;
    if (written + removed > 0)
      this.log.info(
        `parkpress dev: rebuilt (${what}) in ${Math.round(performance.now() - started)} ms: ${written} written, ${removed} removed`,
      );
    if (written + removed > 0) this.hold(paths);
    // A save made during this build was previewed on the output this build just replaced: browsers
    // reload once it is previewed again on the new one (the next run), not to a site without it.
    if (this.builder.concurrent && (this.waiting() || this.previewedOn.size > 0 || this.early.size > 0)) return;
    this.reload([]);
  }

  /**
   * Files that look complete but may still be written (see Settler's `early`): previewed now, beside
   * whatever runs, by a builder that can (`concurrent`). Files arriving while a preview runs are
   * previewed together after it. The build follows once they are complete (`run`); it previews
   * them again only if they were not on the output now live.
   */
  previewEarly(files: string[]): void {
    if (!this.builder.concurrent || !this.builder.preview) return;
    for (const file of files) this.early.add(file);
    this.beside = this.beside.then(async () => {
      if (this.early.size === 0) return;
      const changed = [...this.early].sort();
      this.early.clear();
      const on = this.builds;
      await this.preview(changed, false);
      for (const file of changed) this.previewedOn.set(file, on);
    });
  }

  /** Whether all of `changed` were quick-previewed on the output now live (then the build need not preview them again). */
  private onScreen(changed: string[]): boolean {
    return changed.every((file) => this.previewedOn.get(file) === this.builds);
  }

  /**
   * A change complete on disk arrived while a build runs: previewed now, beside the build (unless
   * it already was, on the output now live), and the build that follows includes it.
   */
  previewBeside(changed: string[]): void {
    const unseen = changed.filter((file) => !this.onScreen([file]));
    if (unseen.length > 0) this.previewEarly(unseen);
  }

  /** Resolves once no preview made beside a build is running. */
  async idle(): Promise<void> {
    await this.beside;
  }

  private hold(paths: string[] | undefined): void {
    this.held = this.held && paths ? [...this.held, ...paths] : undefined;
  }

  /** Tells browsers about the pages held and `paths` (undefined: every page), if any. */
  private reload(paths: string[] | undefined): void {
    this.hold(paths);
    const held = this.held;
    this.held = [];
    if (held === undefined) this.session.reload();
    else if (held.length > 0) this.session.reload([...new Set(held)].sort());
  }

  /**
   * Phase 1: the changed articles on screen at once (see dev/preview.ts), then, before a build in
   * this thread (`settle`), a pause so open browsers fetch them before the build occupies the
   * process. Anything it cannot do, or a failure, just leaves the work to the full rebuild.
   */
  private async preview(changed: string[], settle: boolean): Promise<void> {
    const started = performance.now();
    let report: PreviewReport | undefined;
    try {
      report = await this.builder.preview!(changed);
    } catch (err) {
      this.log.info(`parkpress dev: quick preview failed (${(err as Error).message}); rebuilding everything`);
      return;
    }
    if (!report || report.written + report.removed === 0) return;
    this.reload(report.paths);
    const count = `${changed.length} ${changed.length === 1 ? 'change' : 'changes'}`;
    const t = report.timings;
    const parts = t ? ` (files ${t.files}, site ${t.site}, render ${t.render}, write ${t.write} ms)` : '';
    this.log.info(
      `parkpress dev: previewed ${count} in ${Math.round(performance.now() - started)} ms${parts}: ${report.written} written, ${report.removed} removed; rebuilding the rest`,
    );
    if (settle && !this.builder.concurrent) await new Promise((resolve) => setTimeout(resolve, this.settleMs));
  }
}
