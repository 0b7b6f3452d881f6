import type { Article, FieldName, NormalizeResult, Provenance, SourceFile } from '../../model/index.js';
import { bodySummary } from '../../text/summary.js';
import { renderBody } from './body.js';
import { readEditorFields, type EditorFields } from './editor.js';
import { longTitle } from './long-title.js';
import { pageLines, type ExtractRule, type ExtractState } from './core/state.js';
import { templateFlags, type SiteTemplate } from './core/template.js';
import { breadcrumb } from './rules/breadcrumb.js';
import { captions } from './rules/captions.js';
import { comments } from './rules/comments.js';
import { credits } from './rules/credits.js';
import { dateline } from './rules/dateline.js';
import { disclaimer } from './rules/disclaimer.js';
import { editorNote } from './rules/editor-note.js';
import { footer } from './rules/footer.js';
import { headerBlock } from './rules/header-block.js';
import { headerFurniture } from './rules/header-furniture.js';
import { inferredDate } from './rules/inferred-date.js';
import { keywordsLine } from './rules/keywords-line.js';
import { linkLists, trailingLinks } from './rules/link-lists.js';
import { markdownBlocks } from './rules/markdown-blocks.js';
import { mainText } from './rules/main-text.js';
import { markup, markupInFrontMatter } from './rules/markup.js';
import { pageDate } from './rules/page-date.js';
import { parks } from './rules/parks.js';
import { series } from './rules/series.js';
import { siteTemplate } from './rules/site-template.js';
import { standInTitle } from './rules/stand-in-title.js';
import { subheadings } from './rules/subheadings.js';
import { title } from './rules/title.js';
import { wrappedLines } from './rules/wrapped-lines.js';

export type { ExtractRule } from './core/state.js';

/**
 * The chain, in order. A markdown body's own structure is read first, hard-wrapped text joined, the
 * site's template (when known) taken out. Furniture and field lines are
 * recognised first, so that only candidates are left for the headline; the editor's note before it
 * (a note may stand above the headline). The headline is chosen by evidence, then the main text under
 * it by shape, then the page's own dateline, then the header between headline and text (an outlet's
 * name there is the source only when no dateline named one). Credits read the article's
 * last lines, so they follow main-text; the shape-only trailing-links check after them; a title
 * standing in for a missing headline is read once credits took the lead off; subheadings
 * need captions known; parks and the inferred date read the finished body.
 */
export const rules: readonly ExtractRule[] = [
  markup,
  markdownBlocks,
  wrappedLines,
  siteTemplate,
  comments,
  headerFurniture,
  breadcrumb,
  dateline,
  series,
  keywordsLine,
  disclaimer,
  footer,
  linkLists,
  editorNote,
  title,
  mainText,
  pageDate,
  headerBlock,
  credits,
  trailingLinks,
  standInTitle,
  captions,
  subheadings,
  parks,
  inferredDate,
];

/** The slug an article gets unless its editor sets one: short, URL-safe and stable for the same bytes. */
function defaultSlug(hash: string): string {
  return hash.slice(0, 12);
}

/** What the caller knows beyond the file itself. */
export interface ExtractOptions {
  /**
   * The template of the files extracted together (lines recurring on many of them, see template.ts).
   * Without it the page is read alone, by shape.
   */
  template?: SiteTemplate;
  /** Names of rules to skip (see `rules`). */
  disable?: readonly string[];
}

function initialState(
  source: SourceFile,
  normalized: NormalizeResult,
  editorTitle: string | undefined,
  options: ExtractOptions,
): ExtractState {
  const offset = source.bodyStartLine - 1;
  const flags = options.template && options.template.size > 0 ? templateFlags(source.body, options.template) : undefined;
  const inputLine = (i: number): number => normalized.lineMap[i] ?? i + 1;
  const lines = pageLines(normalized.text, (i) => inputLine(i) + offset);
  if (flags) for (const line of lines) if (flags[line.line - offset - 1]) line.template = true;
  const markdown = source.path.toLowerCase().endsWith('.md');
  return { file: source.relPath, markdown, editorTitle, lines, fields: {}, provenance: {}, diagnostics: [], datelines: [] };
}

/** Runs the rule chain and returns its final state: every line with the role a rule gave it (for tracing tools). */
export function extractLines(
  source: SourceFile,
  normalized: NormalizeResult,
  editorTitle?: string,
  options: ExtractOptions = {},
): ExtractState {
  const unknown = (options.disable ?? []).filter((name) => !rules.some((r) => r.name === name));
  if (unknown.length > 0) throw new Error(`unknown extract rule(s): ${unknown.join(', ')}`);
  const state = initialState(source, normalized, editorTitle, options);
  for (const rule of rules) if (!options.disable?.includes(rule.name)) rule.run(state);
  return state;
}

/** extract: normalized text -> Article (front-matter fields, clean markdown body, diagnostics). */
export function extract(source: SourceFile, normalized: NormalizeResult, options: ExtractOptions = {}): Article {
  const { fields: editor, diagnostics: editorDiagnostics } = readEditorFields(
    source.frontMatter,
    source.relPath,
    source.frontMatterLines ?? {},
  );
  const state = extractLines(source, normalized, editor.title, options);
  const f = state.fields;
  const bodyLines = state.lines.filter((l) => l.role === 'body' || l.role === 'heading' || l.role === 'note' || l.role === 'caption');
  const provenance: Partial<Record<FieldName, Provenance>> = { ...state.provenance, slug: 'computed', summary: 'computed' };
  for (const key of Object.keys(editor)) provenance[key as FieldName] = 'editor';
  const body = renderBody(bodyLines);
  const prose = bodyLines.filter((l) => l.role === 'body').map((l) => l.text);
  const pick = <K extends keyof EditorFields, T>(key: K, extracted: T): EditorFields[K] | T => (key in editor ? editor[key] : extracted);
  const title = pick('title', f.title ?? '') ?? '';
  const titleLine = 'title' in editor ? (source.frontMatterLines?.title ?? 0) : (state.lines.find((l) => l.role === 'title')?.line ?? 0);
  const parks = pick('parks', f.parks ?? []) ?? [];
  const park = pick('park', parks[0] ?? null);
  return {
    file: source.relPath,
    hash: source.hash,
    slug: pick('slug', defaultSlug(source.hash)) ?? defaultSlug(source.hash),
    title,
    date: pick('date', f.date ?? null) ?? null,
    keywords: pick('keywords', f.keywords ?? []) ?? [],
    computedKeywords: [],
    source: pick('source', f.source ?? null) ?? null,
    park: park ?? null,
    parks: park && !parks.includes(park) ? [park, ...parks] : parks,
    // A trail ending on the headline itself (`专栏/连载/<headline>`) names no section.
    category: pick('category', f.category !== undefined && f.category !== title ? f.category : null) ?? null,
    series: pick('series', f.series ?? null) ?? null,
    authors: pick('authors', f.authors ?? []) ?? [],
    editors: pick('editors', f.editors ?? []) ?? [],
    views: pick('views', f.views ?? null) ?? null,
    originalScript: pick('original_script', normalized.originalScript) ?? normalized.originalScript,
    encoding: source.encoding,
    pinyinAnnotated: normalized.annotationsRemoved > 0,
    subheadings: state.lines.filter((l) => l.role === 'heading').map((l) => l.text),
    captions: state.lines.filter((l) => l.role === 'caption').map((l) => l.text),
    summary: pick('summary', bodySummary(prose, body)) ?? '',
    body,
    provenance,
    diagnostics: [
      // normalize already reports lines of the file (it is told where the body starts).
      ...normalized.diagnostics,
      ...editorDiagnostics,
      ...markupInFrontMatter(source.frontMatter, source.relPath),
      ...state.diagnostics,
      ...longTitle(title, source.relPath, titleLine),
    ],
  };
}
