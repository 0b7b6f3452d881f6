import type { Page } from '../types.js';

/** Characters no output path may contain: NUL and controls, backslash, and Windows-reserved ones. */
const FORBIDDEN = /[\u0000-\u001f\u007f\\:*?"<>|]/;

/**
 * Why a page path is unsafe to write under the output folder, or undefined when it is fine.
 * Render owns URL-making; this is the last guard so no page can escape `dist/` or clobber another.
 */
export function pathProblem(p: string): string | undefined {
  if (p === '') return 'is empty';
  if (p.startsWith('/')) return 'is absolute';
  if (FORBIDDEN.test(p)) return 'contains a control or reserved character';
  const segments = p.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'has an empty, "." or ".." segment';
  return undefined;
}

/** Throws one Error listing every unsafe or duplicate page path. */
export function assertWritablePages(pages: Page[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const page of pages) {
    const problem = pathProblem(page.path);
    if (problem) problems.push(`${JSON.stringify(page.path)} ${problem}`);
    else if (seen.has(page.path)) problems.push(`${JSON.stringify(page.path)} is produced twice`);
    seen.add(page.path);
  }
  const dirs = new Set(pages.flatMap((p) => p.path.split('/').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join('/'))));
  for (const page of pages) if (dirs.has(page.path)) problems.push(`${JSON.stringify(page.path)} is both a file and a folder`);
  if (problems.length > 0) throw new Error(`write: refusing unsafe output paths: ${problems.join('; ')}`);
}
