// The builder's guard between render and write: a page whose path cannot be written beside the
// others is left out and reported on the articles behind it, instead of failing the whole build.
import path from 'node:path';
import { diagnostic, type Diagnostic, type OutputPage, type Site } from '../model/index.js';
import { editions } from '../stages/render/edition.js';
import { PathChecker } from '../stages/write/paths.js';

/** A page the guard left out, and why. */
export interface RefusedPage {
  path: string;
  problem: string;
}

/**
 * Passes pages on to the writer in order, leaving out each whose path is unsafe, already written,
 * or both a file and a folder with an earlier page (the first page wins, as render's order is
 * fixed, so the same input always loses the same page). URL keys are made so this never happens
 * (`pathKey`); the guard is there so a case nobody foresaw costs one page, not the whole site. The
 * writer keeps its own check as the last line.
 */
export class PageGuard {
  private readonly checker = new PathChecker();
  readonly refused: RefusedPage[] = [];

  async *filter(pages: AsyncIterable<OutputPage>): AsyncGenerator<OutputPage, void, undefined> {
    for await (const page of pages) {
      const problem = this.checker.problem(page.path);
      if (problem) this.refused.push({ path: page.path, problem });
      else yield page;
    }
  }

  /**
   * One error per refused page and article behind it (`build/path-clash`); a page no article is
   * behind (a file of `public/`, say) is named by its path in the output folder.
   */
  diagnostics(site: Site): Diagnostic[] {
    const owners = pageOwners(site);
    return this.refused.flatMap(({ path: p, problem }) => {
      const files = owners(p);
      const message = `The page "${p}" ${problem} among the pages of the site, so it was left out.`;
      if (files.length > 0) return files.map((file) => diagnostic(file, 'build/path-clash', 'error', message));
      const shown = path.relative(site.config.contentDir, path.join(site.config.outDir, p)).split(path.sep).join('/');
      return [diagnostic(shown, 'build/path-clash', 'error', message)];
    });
  }
}

/**
 * page path -> the files of the articles whose URL made it: an article's own page, or a page of a
 * term it is filed under, in any edition; also the articles whose page folder the path would have
 * to be (a file `sources/x` where `/sources/x/` lives), since that is the clash a term or slug makes.
 */
function pageOwners(site: Site): (page: string) => string[] {
  const folders = new Map<string, string[]>();
  const fileOf = (slug: string): string => site.bySlug.get(slug)!.file;
  for (const [slug, url] of site.urls) folders.set(url.slice(1), [fileOf(slug)]);
  for (const terms of Object.values(site.taxonomies))
    for (const t of terms) folders.set(t.url.slice(1), [...(folders.get(t.url.slice(1)) ?? []), ...t.slugs.map(fileOf)]);
  const editionDirs = editions(site.config)
    .map((e) => e.dir)
    .filter(Boolean);
  return (page) => {
    const dir = editionDirs.find((d) => page.startsWith(`${d}/`));
    const p = dir ? page.slice(dir.length + 1) : page;
    const files = new Set<string>();
    for (const [folder, owners] of folders) {
      if (folder !== '' && (p.startsWith(folder) || folder === `${p}/`)) for (const f of owners) files.add(f);
    }
    return [...files].sort();
  };
}
