import type { Diagnostic, Script } from '../../../model/index.js';

/**
 * The text being normalised, line by line. Rules edit `lines` in place and keep `lineMap`
 * (1-based original line of each current line) in step when they join or drop lines.
 */
export interface NormalizeState {
  /** The file name used in diagnostics. */
  file: string;
  /** Line of the original file where the normalised text starts (diagnostic lines add it). */
  firstLine: number;
  lines: string[];
  lineMap: number[];
  originalScript: Script;
  annotationsRemoved: number;
  diagnostics: Diagnostic[];
}

/** One named step of the normalisation chain (like a markdown-it core rule). */
export interface NormalizeRule {
  /** Stable name, also the suffix of the rule id of its diagnostics (`normalize/<name>`). */
  name: string;
  /** What the rule does, in one line (shown by rule listings). */
  description: string;
  run(state: NormalizeState): void;
}

/** Applies `fn` to every line, keeping the line structure. */
export function mapLines(state: NormalizeState, fn: (line: string) => string): void {
  for (let i = 0; i < state.lines.length; i++) state.lines[i] = fn(state.lines[i]!);
}
