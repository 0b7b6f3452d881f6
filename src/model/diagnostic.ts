// Messages about input files: what every stage reports and every command prints.
import { compareCodeUnits } from '../text/compare.js';

/** How bad a diagnostic is. `error` makes `check` exit 1; `warning` only with --strict. */
export type Severity = 'error' | 'warning' | 'info';

/** One message about one place in one input file (vfile-style). */
export interface Diagnostic {
  /** Path of the input as the user named it (relative to the content dir for builds). */
  file: string;
  /** 1-based line in the original file; 0 when the message is about the whole file. */
  line: number;
  /** 1-based column (in characters) in the original line; 0 when not applicable. */
  column: number;
  severity: Severity;
  /** Stable rule id, `stage/rule-name`, e.g. `load/binary`, `normalize/mojibake`. */
  rule: string;
  /** One plain sentence a person can act on. */
  message: string;
}

/** Where a message points in the original file (1-based). Absent: the message is about the whole file. */
export interface Place {
  line: number;
  /** Absent: the whole line. */
  column?: number;
}

/**
 * The one way a diagnostic is made, like vfile's `file.message(reason, place, ruleId)`: the file as
 * the user named it, the rule id `stage/rule-name`, and the place (line and column 0 when absent).
 */
export function diagnostic(file: string, rule: string, severity: Severity, message: string, place?: Place): Diagnostic {
  return { file, line: place?.line ?? 0, column: place?.column ?? 0, severity, rule, message };
}

/** Diagnostics in the order they are printed: by file, place, rule, then message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareCodeUnits(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareCodeUnits(a.rule, b.rule) ||
    compareCodeUnits(a.message, b.message)
  );
}

/**
 * Characters that can forge or disguise a line of a log: C0 and C1 controls, DEL, the Unicode line
 * and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates.
 */
const UNSAFE_IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = new RegExp(UNSAFE_IN_A_LINE.source);

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** `text` with each character that could forge a log line written as a JSON escape (`\n`, `\u202e`). */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_IN_A_LINE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A file name as printed in a line of output: as it is, or, when it holds a character that could
 * forge or disguise a line (a name with a newline could print a fake `file:1: error:` line), as a
 * JSON string with those characters escaped.
 */
export function printableName(name: string): string {
  if (!UNSAFE_TEST.test(name)) return name;
  return escapeUnsafe(JSON.stringify(name));
}
