import type { Article, FieldName, NormalizeResult, Provenance, SourceFile } from '../../model/index.js';
import { bodySummary } from '../../text/summary.js';
import { renderBody } from './body.js';
import { readEditorFields, type EditorFields } from './editor.js';
import { pageLines, type ExtractRule, type ExtractState } from './core/state.js';
import { breadcrumb } from './rules/breadcrumb.js';
import { captions } from './rules/captions.js';
import { credits } from './rules/credits.js';
import { dateline } from './rules/dateline.js';
import { disclaimer } from './rules/disclaimer.js';
import { editorNote } from './rules/editor-note.js';
import { footer } from './rules/footer.js';
import { headerFurniture } from './rules/header-furniture.js';
import { inferredDate } from './rules/inferred-date.js';
import { keywordsLine } from './rules/keywords-line.js';
import { linkLists, trailingLinks } from './rules/link-lists.js';
import { markdownBlocks } from './rules/markdown-blocks.js';
import { markup, markupInFrontMatter } from './rules/markup.js';
import { parks } from './rules/parks.js';
import { series } from './rules/series.js';
import { subheadings } from './rules/subheadings.js';
import { title } from './rules/title.js';

export type { ExtractRule } from './core/state.js';

/**
 * The chain, in order. A markdown body's own structure is read first. Furniture and field lines go first so that the title is the first line left;
 * link lists go before credits (a byline is the last line *before* the lists), the shape-only
 * trailing-links check after them; subheadings need captions known; parks and the inferred date
 * read the finished body.
 */
export const rules: readonly ExtractRule[] = [
  markup, markdownBlocks, headerFurniture, breadcrumb, dateline, series, keywordsLine, disclaimer, footer, linkLists,
  credits, trailingLinks, editorNote, title, captions, subheadings, parks, inferredDate,
];

/** The slug an article gets unless its editor sets one: short, URL-safe and stable for the same bytes. */
function defaultSlug(hash: string): string {
  return hash.slice(0, 12);
}

function initialState(source: SourceFile, normalized: NormalizeResult, editorTitle: string | undefined): ExtractState {
  const offset = source.bodyStartLine - 1;
  const lines = pageLines(normalized.text, (i) => (normalized.lineMap[i] ?? i + 1) + offset);
  const markdown = source.path.toLowerCase().endsWith('.md');
  return { file: source.relPath, markdown, editorTitle, lines, fields: {}, provenance: {}, diagnostics: [] };
}

export interface ExtractOptions {
  /** Names of rules to skip (see `rules`). */
  disable?: readonly string[];
}

/** extract: normalized text -> Article (front-matter fields, clean markdown body, diagnostics). */
export function extract(source: SourceFile, normalized: NormalizeResult, options: ExtractOptions = {}): Article {
  const unknown = (options.disable ?? []).filter((name) => !rules.some((r) => r.name === name));
  if (unknown.length > 0) throw new Error(`unknown extract rule(s): ${unknown.join(', ')}`);
  const { fields: editor, diagnostics: editorDiagnostics } = readEditorFields(source.frontMatter, source.relPath, source.frontMatterLines ?? {});
  const state = initialState(source, normalized, editor.title);
  for (const rule of rules) if (!options.disable?.includes(rule.name)) rule.run(state);
  const f = state.fields;
  const bodyLines = state.lines.filter((l) => l.role === 'body' || l.role === 'heading' || l.role === 'note' || l.role === 'caption');
  const provenance: Partial<Record<FieldName, Provenance>> = { ...state.provenance, slug: 'computed', summary: 'computed' };
  for (const key of Object.keys(editor)) provenance[key as FieldName] = 'editor';
  const body = renderBody(bodyLines);
  const prose = bodyLines.filter((l) => l.role === 'body').map((l) => l.text);
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
    summary: pick('summary', bodySummary(prose, body)) ?? '',
    body,
    provenance,
    diagnostics: [
      // normalize already reports lines of the file (it is told where the body starts).
      ...normalized.diagnostics, ...editorDiagnostics,
      ...markupInFrontMatter(source.frontMatter, source.relPath), ...state.diagnostics,
    ],
  };
}
