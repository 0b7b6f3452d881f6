import { printableName, type Diagnostic } from '../model/index.js';

/** One thing that keeps the site from being right, as shown in the terminal and the browser overlay. */
export interface Problem {
  /** Input file the problem is about (relative, as in diagnostics), when known. */
  file?: string;
  line?: number;
  column?: number;
  /** Rule id of the diagnostic, or `build/exception` for a thrown error. */
  rule: string;
  message: string;
}

/** Error-severity diagnostics become problems; warnings stay in the build summary only. */
export function problemsFromDiagnostics(diagnostics: readonly Diagnostic[]): Problem[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ file: d.file, line: d.line || undefined, column: d.column || undefined, rule: d.rule, message: d.message }));
}

/** A build that threw (a template syntax error, an unreadable templates folder ...) is one problem. */
export function problemFromThrown(err: unknown): Problem {
  const e = err instanceof Error ? err : new Error(String(err));
  const where = e as Error & { path?: unknown; file?: unknown; lineno?: unknown; colno?: unknown };
  const file = typeof where.file === 'string' ? where.file : typeof where.path === 'string' ? where.path : undefined;
  return {
    file,
    line: typeof where.lineno === 'number' ? where.lineno : undefined,
    column: typeof where.colno === 'number' ? where.colno : undefined,
    rule: 'build/exception',
    message: e.message,
  };
}

/** Compiler-style line: `file:line:col  message  (rule)`. */
export function formatProblem(p: Problem): string {
  const where = p.file ? [printableName(p.file), p.line, p.line ? p.column : undefined].filter((x) => x !== undefined).join(':') : '(site)';
  return `${where}  ${p.message}  (${p.rule})`;
}

/** Stable identity of a problem list, so the terminal and browsers are told only when it changes. */
export function problemsKey(problems: readonly Problem[]): string {
  return JSON.stringify(problems);
}
