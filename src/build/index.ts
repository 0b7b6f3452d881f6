import type { Config, Diagnostic, WriteReport } from '../types.js';

export interface BuildOptions {
  /** Print nothing but errors. */
  quiet?: boolean;
  verbose?: boolean;
}

export interface BuildResult {
  articles: number;
  pages: number;
  diagnostics: Diagnostic[];
  report: WriteReport;
  ms: number;
}

/** A builder keeps per-file results between builds so `dev` can rebuild only what changed. */
export interface Builder {
  /** Build the site. `changed`: absolute paths of inputs that changed since the last call (undefined: rescan everything). */
  build(changed?: string[]): Promise<BuildResult>;
}

export function createBuilder(config: Config, options: BuildOptions = {}): Builder {
  void config; void options;
  return { build: async () => { throw new Error('build: not implemented'); } };
}
