// Dev's quick preview: the changed articles on screen before the full rebuild, from the last build's models.
import path from 'node:path';
import {
  articleUrl,
  outputPath,
  pageUrl,
  type Article,
  type ArticleFacts,
  type Config,
  type FactsByFile,
  type Page,
  type Site,
  type Term,
  type WriteReport,
} from '../model/index.js';
import type { BuildResult, Builder, LastBuild } from '../run/builder.js';
import { stopwatch } from '../run/timings.js';
import { enrichOne } from '../stages/corpus/index.js';
import { sourcePath } from '../stages/load/source-path.js';
import { editions } from '../stages/render/edition.js';
import { HOME_TERMS, homeKeywords, LEAD_COUNT } from '../stages/render/home.js';
import { previewRenderer, type PreviewPages, type PreviewRenderer } from '../stages/render/preview.js';
import { applyChange, prepareChange, type SiteChange, type TermChange } from '../stages/site/change.js';
import { patchSite } from '../stages/write/index.js';

/** A builder for `dev`: it builds, and may show changed articles at once before the build that must follow. */
export interface DevBuilder {
  /** `touched`: see Builder.build. */
  build(changed?: string[], touched?: readonly string[] | 'all'): Promise<BuildResult>;
  /** Writes the changed articles' pages; undefined, with nothing written, when the change cannot be previewed. */
  preview?(changed: string[]): Promise<PreviewReport | undefined>;
  /**
   * Previews may run while a build runs (dev/twins.ts: the builder holding the live output previews,
   * the other builds). It then wants one more full build after the first, so both hold a build.
   */
  readonly concurrent?: boolean;
  /** Lets go of what it holds (threads); it is not used afterwards. */
  close?(): Promise<void>;
}

/** Where a preview's milliseconds went, as dev's log says it (bench-dev reads it). */
export interface PreviewTimings {
  /** The changed files through the per-file stages, and their keywords and related articles. */
  files: number;
  /** The site model changed (`applyChange`). */
  site: number;
  render: number;
  write: number;
}

export interface PreviewReport extends WriteReport {
  timings?: PreviewTimings;
}

/**
 * More changed files than this (a folder copied in) are left to the full rebuild: previewing
 * each would only delay it.
 */
export const MAX_PREVIEW_FILES = 20;

/** Input files the site reads (the rest of a change, templates or public files, needs a full build). */
const SOURCE_EXT = new Set(['.txt', '.md']);

/**
 * `builder` (made with `inPlace`) with quick previews. The preview renderer is kept from build to
 * build while only content changes, so previews do not compile the templates again.
 */
export function withPreview(builder: Builder, config: Config): DevBuilder {
  let renderer: PreviewRenderer | undefined;
  return {
    async build(changed, touched) {
      if (!changed || changed.some((f) => !isInside(config.contentDir, f))) renderer = undefined;
      const result = await builder.build(changed, touched);
      const last = builder.lastBuild();
      if (last) prepareChange(last.site);
      return result;
    },
    async preview(changed) {
      const last = builder.lastBuild();
      if (!last) return undefined;
      renderer ??= previewRenderer(config);
      return previewChange(last, renderer, changed, config, {
        process: (file) => builder.processOne(file),
        patch: (pages, removed) => patchSite(pages, removed, config.outDir),
      });
    },
  };
}

/** What the builder lends a preview: its cached per-file stages and the in-place writer. */
export interface PreviewIo {
  /** load -> normalize -> extract of one input through the builder's results; undefined when the file is gone. */
  process(absPath: string): Promise<{ article?: Article; facts?: ArticleFacts; diagnostics: { severity: string }[] } | undefined>;
  /** Writes and removes pages in the live output only; undefined when there is no live output to patch. */
  patch(pages: Page[], removed: string[]): Promise<WriteReport | undefined>;
}

/**
 * Phase 1 of a dev rebuild: puts changed articles on screen fast, before the full rebuild. Only
 * the changed files go through the per-file stages; the site changes by the site stage's own
 * rules (`applyChange`), from the last build's models. It writes the changed articles' pages, the
 * first home page and the first page of each term list the articles enter or leave (and the last
 * pages of a list that grew by a page), and removes the pages of deleted articles; for a term that
 * gains or loses its page it also writes its taxonomy's index page and the pages of the articles
 * carrying it, and removes the term's pages. Pages it does not touch (other articles' sidebars,
 * the middle of lists, feeds, search) are left to the full rebuild that follows.
 *
 * Returns undefined, with nothing written, whenever the preview could show something the full
 * build would not: a change outside content/, a file with errors, a slug taken by another file,
 * a section losing its page (every page's header may link to it).
 */
export async function previewChange(
  last: LastBuild,
  render: PreviewRenderer,
  changed: string[],
  config: Config,
  io: PreviewIo,
): Promise<PreviewReport | undefined> {
  const lap = stopwatch();
  const clock = (): number => Math.round(lap());
  const contentDir = path.resolve(config.contentDir);
  if (changed.length === 0 || changed.length > MAX_PREVIEW_FILES) return undefined;
  if (!changed.every((f) => isSource(contentDir, f))) return undefined;
  const previous = articlesOf(last.site, new Set(changed.map((f) => sourcePath(contentDir, f))));
  const removed: Article[] = [];
  const added: { article: Article; facts: ArticleFacts }[] = [];
  for (const file of changed) {
    const result = await io.process(file);
    const before = previous.get(sourcePath(contentDir, file));
    if (before) removed.push(before);
    if (result === undefined) continue;
    if (!result.article || !result.facts || result.diagnostics.some((d) => d.severity === 'error')) return undefined;
    added.push(enrichOne(result.article, result.facts, last.corpus));
  }
  const files = clock();
  const change = applyChange(last, removed, added);
  if (!change || sectionGone(change.terms)) return undefined;
  const wanted = pagesToWrite(last.site, change.added, change.terms);
  const facts = renderedFacts(change, added, last.facts, wanted.pages.articles);
  const site = clock();
  const pages = render(change.site, facts, wanted.pages);
  const rendered = clock();
  const written = new Set(pages.map((p) => p.path));
  const urls = [...removed.map((a) => articleUrl(a.slug, a.date)), ...wanted.vanished];
  const gone = editions(config)
    .flatMap((e) => urls.map((url) => `${e.dir ? `${e.dir}/` : ''}${outputPath(url)}`))
    .filter((p) => !written.has(p));
  const report = await io.patch(pages, gone);
  return report && { ...report, timings: { files, site, render: rendered, write: clock() } };
}

/** The site's articles read from `files` (relative source paths), by file. */
function articlesOf(site: Site, files: ReadonlySet<string>): Map<string, Article> {
  const found = new Map<string, Article>();
  for (const a of site.articles) if (files.has(a.file)) found.set(a.file, a);
  return found;
}

/**
 * The facts of the articles whose pages a preview renders, the added ones' new: only an article's
 * own page reads its facts, and copying the whole site's would cost more than the rest of the step.
 */
function renderedFacts(
  change: SiteChange,
  added: { facts: ArticleFacts }[],
  last: FactsByFile,
  slugs: readonly string[],
): Map<string, ArticleFacts> {
  const made = new Map(added.map(({ facts }, i) => [change.added[i]!.file, facts]));
  return new Map(
    slugs.map((slug) => {
      const { file } = change.site.bySlug.get(slug)!;
      return [file, made.get(file) ?? last.get(file)!];
    }),
  );
}

/**
 * The pages a change shows on (see previewChange), and the site URLs of the list pages of terms
 * that lost their page.
 */
function pagesToWrite(prev: Site, added: Article[], terms: TermChange[]): { pages: PreviewPages; vanished: string[] } {
  const pageSize = prev.config.pageSize;
  const pages: PreviewPages = { articles: [], terms: [], indexes: [] };
  const carriers: string[] = [];
  const vanished: string[] = [];
  let homeCloud = false;
  for (const { taxonomy, before, after, hasPage } of terms) {
    if (hasPage) pages.terms.push({ taxonomy, term: after!, knownPages: before ? pageCount(before.slugs.length, pageSize) : 0 });
    if (Boolean(before) === hasPage) continue;
    if (!pages.indexes!.includes(taxonomy)) pages.indexes!.push(taxonomy);
    carriers.push(...(after?.slugs ?? []));
    if (!before) continue;
    vanished.push(...listPageUrls(before, pageSize));
    // Every home page lists the top keywords and parks: when one of them loses its page, write them all.
    if (taxonomy === 'keywords') homeCloud ||= homeKeywords(prev).includes(before);
    if (taxonomy === 'parks') homeCloud ||= prev.taxonomies.parks.slice(0, HOME_TERMS).includes(before);
  }
  pages.articles = [...new Set([...added.map((a) => a.slug), ...carriers])];
  pages.homeKnownPages = homeCloud ? 0 : pageCount(prev.latest.length - LEAD_COUNT, pageSize);
  return { pages, vanished };
}

/** A section (栏目) loses its page: the header of every page may link to it, which only a full build rewrites. */
function sectionGone(terms: TermChange[]): boolean {
  return terms.some((t) => t.taxonomy === 'sections' && t.before !== undefined && !t.hasPage);
}

function isSource(contentDir: string, file: string): boolean {
  return isInside(contentDir, file) && SOURCE_EXT.has(path.extname(file).toLowerCase());
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Pages of a list of `items` (an empty list still has its first page). */
function pageCount(items: number, pageSize: number): number {
  return Math.max(1, Math.ceil(items / pageSize));
}

/** Site URLs of every page of a term's article list. */
function listPageUrls(term: Term, pageSize: number): string[] {
  return Array.from({ length: pageCount(term.slugs.length, pageSize) }, (_, i) => pageUrl(term.url, i + 1));
}
