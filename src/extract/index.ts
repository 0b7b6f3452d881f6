import type { Article, Diagnostic, FieldName, NormalizeResult, Provenance, SourceFile } from '../types.js';
import { renderBody, summarize } from './body.js';
import { readEditorFields, type EditorFields } from './editor.js';
import type { ExtractRule, ExtractState, Line } from './state.js';
import { lineKey, type SiteTemplate } from './template.js';
import { isNumbered } from './text.js';
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

export type { ExtractRule } from './state.js';

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
  markup, markdownBlocks, wrappedLines, siteTemplate, comments, headerFurniture, breadcrumb, dateline, series, keywordsLine, disclaimer, footer, linkLists,
  editorNote, title, mainText, pageDate, headerBlock, credits, trailingLinks, standInTitle, captions, subheadings, parks, inferredDate,
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
}

/**
 * A field of a form (`3.因应措施：`, `（2）日期：无`): filings and notices of one kind repeat their
 * labels, page after page, as their content; such a line is never taken for template.
 */
const FORM_LINE = /[:：]/u;

/**
 * For each raw line of the body (0-based), whether it is template. The template counts raw lines:
 * the same bytes on every page, before normalize rewrites them.
 */
function templateFlags(body: string, template: SiteTemplate): boolean[] {
  const raw = body.split('\n').map(lineKey);
  const filled = raw.flatMap((k, i) => (k === '' ? [] : [i]));
  const flags = raw.map(() => false);
  filled.forEach((at, j) => {
    const previous = j > 0 ? raw[filled[j - 1]!] : undefined;
    const next = j + 1 < filled.length ? raw[filled[j + 1]!] : undefined;
    flags[at] = !FORM_LINE.test(raw[at]!) && !isNumbered(raw[at]!) && template.has(previous, raw[at]!, next);
  });
  return flags;
}

function initialState(source: SourceFile, normalized: NormalizeResult, editorTitle: string | undefined, options: ExtractOptions): ExtractState {
  const offset = source.bodyStartLine - 1;
  const flags = options.template && options.template.size > 0 ? templateFlags(source.body, options.template) : undefined;
  const lines: Line[] = [];
  normalized.text.split('\n').forEach((text, i) => {
    const trimmed = text.trim();
    if (!trimmed) return;
    const at = normalized.lineMap[i] ?? i + 1;
    const line: Line = { text: trimmed, line: at + offset, role: 'body' };
    if (flags?.[at - 1]) line.template = true;
    lines.push(line);
  });
  const markdown = source.path.toLowerCase().endsWith('.md');
  return { file: source.relPath, markdown, editorTitle, lines, fields: {}, provenance: {}, diagnostics: [], datelines: [] };
}

/** Normalize reports lines of the body; shift them to lines of the file. */
function shiftDiagnostics(diagnostics: Diagnostic[], source: SourceFile): Diagnostic[] {
  const offset = source.bodyStartLine - 1;
  return diagnostics.map((d) => ({ ...d, file: source.relPath, line: d.line > 0 ? d.line + offset : 0 }));
}

/** Runs the rule chain and returns its final state: every line with the role a rule gave it (for tracing tools). */
export function extractLines(source: SourceFile, normalized: NormalizeResult, editorTitle?: string, options: ExtractOptions = {}): ExtractState {
  const state = initialState(source, normalized, editorTitle, options);
  for (const rule of rules) rule.run(state);
  return state;
}

/** extract: normalized text -> Article (front-matter fields, clean markdown body, diagnostics). */
export function extract(source: SourceFile, normalized: NormalizeResult, options: ExtractOptions = {}): Article {
  const { fields: editor, diagnostics: editorDiagnostics } = readEditorFields(source.frontMatter, source.relPath, source.frontMatterLines ?? {});
  const state = extractLines(source, normalized, editor.title, options);
  const f = state.fields;
  const bodyLines = state.lines.filter((l) => l.role === 'body' || l.role === 'heading' || l.role === 'note' || l.role === 'caption');
  const provenance: Partial<Record<FieldName, Provenance>> = { ...state.provenance, slug: 'computed', summary: 'computed' };
  for (const key of Object.keys(editor)) provenance[key as FieldName] = 'editor';
  const pick = <K extends keyof EditorFields, T>(key: K, extracted: T): EditorFields[K] | T =>
    key in editor ? editor[key] : extracted;
  const parks = pick('parks', f.parks ?? []) ?? [];
  const park = pick('park', parks[0] ?? null);
  return {
    file: source.relPath,
    hash: source.hash,
    slug: pick('slug', defaultSlug(source.hash)) ?? defaultSlug(source.hash),
    title: pick('title', f.title ?? '') ?? '',
    date: pick('date', f.date ?? null) ?? null,
    keywords: pick('keywords', f.keywords ?? []) ?? [],
    computedKeywords: [],
    source: pick('source', f.source ?? null) ?? null,
    park: park ?? null,
    parks: park && !parks.includes(park) ? [park, ...parks] : parks,
    category: pick('category', f.category ?? null) ?? null,
    series: pick('series', f.series ?? null) ?? null,
    authors: pick('authors', f.authors ?? []) ?? [],
    editors: pick('editors', f.editors ?? []) ?? [],
    views: pick('views', f.views ?? null) ?? null,
    originalScript: pick('original_script', normalized.originalScript) ?? normalized.originalScript,
    encoding: source.encoding,
    pinyinAnnotated: normalized.annotationsRemoved > 0,
    subheadings: state.lines.filter((l) => l.role === 'heading').map((l) => l.text),
    captions: state.lines.filter((l) => l.role === 'caption').map((l) => l.text),
    summary: pick('summary', summarize(bodyLines)) ?? '',
    body: renderBody(bodyLines),
    provenance,
    diagnostics: [
      ...shiftDiagnostics(normalized.diagnostics, source), ...editorDiagnostics,
      ...markupInFrontMatter(source.frontMatter, source.relPath), ...state.diagnostics,
    ],
  };
}
