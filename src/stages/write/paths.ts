import { MAX_NAME_BYTES, type Page } from '../../model/index.js';

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
  // NAME_MAX: mkdir or open would fail with ENAMETOOLONG halfway through the build.
  if (segments.some((s) => Buffer.byteLength(s) > MAX_NAME_BYTES)) return `has a name longer than ${MAX_NAME_BYTES} bytes`;
  return undefined;
}

/**
 * Checks page paths one at a time as a stream of pages goes by: unsafe paths, a path produced
 * twice, a path that is both a file and a folder. Remembers paths only (never contents), so a
 * streaming writer can refuse a bad page before writing it.
 */
export class PathChecker {
  /** Every file path seen, in arrival order. */
  readonly files = new Set<string>();
  /** Every folder the files need (`a`, `a/b` for `a/b/c.html`). */
  readonly folders = new Set<string>();

  /** The problem with `p` given the paths seen before it, or undefined (and `p` is recorded). */
  problem(p: string): string | undefined {
    const unsafe = pathProblem(p);
    if (unsafe) return unsafe;
    if (this.files.has(p)) return 'is produced twice';
    if (this.folders.has(p)) return 'is both a file and a folder';
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (this.files.has(parts.slice(0, i).join('/'))) return 'is both a file and a folder';
    }
    this.files.add(p);
    for (let i = 1; i < parts.length; i++) this.folders.add(parts.slice(0, i).join('/'));
    return undefined;
  }

  /** Throws the write error for `p` when it has a problem. */
  check(p: string): void {
    const problem = this.problem(p);
    if (problem) throw unsafePaths([`${JSON.stringify(p)} ${problem}`]);
  }
}

/** Throws one Error listing every unsafe or duplicate page path. */
export function assertWritablePages(pages: Page[]): void {
  const checker = new PathChecker();
  const problems: string[] = [];
  for (const page of pages) {
    const problem = checker.problem(page.path);
    if (problem) problems.push(`${JSON.stringify(page.path)} ${problem}`);
  }
  if (problems.length > 0) throw unsafePaths(problems);
}

function unsafePaths(problems: string[]): Error {
  return new Error(`write: refusing unsafe output paths: ${problems.join('; ')}`);
}
