// The article: the editor's contract (front-matter fields) and the clean body.

import type { Diagnostic } from './diagnostic.js';
import type { Encoding, Script } from './source.js';

/** Where a front-matter value came from. */
export type Provenance =
  | 'editor' // written by a person in front-matter; always wins
  | 'explicit' // stated on the page (a 来源: line, a 关键词: line ...)
  | 'inferred' // deduced from the text (a date from 11月21日 + 2021年)
  | 'computed'; // derived by an algorithm (TF-IDF keywords, summary, slug)

/** Names of the front-matter fields, in snake_case as editors write them. */
export type FieldName =
  | 'title'
  | 'date'
  | 'source'
  | 'keywords'
  | 'computed_keywords'
  | 'park'
  | 'parks'
  | 'category'
  | 'series'
  | 'authors'
  | 'editors'
  | 'views'
  | 'original_script'
  | 'slug'
  | 'summary';

/** One article after extraction: the editor's contract (front-matter) plus the clean body. */
export interface Article {
  /** SourceFile.relPath: identity of the article within the site. */
  file: string;
  /** sha256 of the raw input bytes. */
  hash: string;
  /** URL-safe stable id chosen by extract (editor `slug` wins); site makes it unique. */
  slug: string;
  title: string;
  /** ISO 8601 with +08:00 (`2024-03-20T18:44:00+08:00`), or a date `2021-11-21` when no time is known; null when none. */
  date: string | null;
  /** Keywords the page or the editor states (`关键词:` / `标签:` lines). Never computed. */
  keywords: string[];
  /** Keywords computed by segmentation + TF-IDF (filled when the page states none, may be empty). */
  computedKeywords: string[];
  source: string | null;
  /** Primary (most central) development zone named by the article. */
  park: string | null;
  /** Every zone named, most central first; `park`, when set, is one of them. */
  parks: string[];
  /** Last breadcrumb before the headline (`首页 > 新闻 > 财经` -> 财经). */
  category: string | null;
  /** Series label (`“奋力奔跑·开新局”系列报道②` -> 奋力奔跑·开新局). */
  series: string | null;
  authors: string[];
  editors: string[];
  /** Page views stated on the page or in front-matter. */
  views: number | null;
  originalScript: Script;
  encoding: Encoding;
  /** True when pinyin annotations were removed from the input. */
  pinyinAnnotated: boolean;
  /** Body subheadings in order (rendered as `##`). */
  subheadings: string[];
  /** Picture captions kept in the body as captions. */
  captions: string[];
  /** Plain-text summary (first sentences of the body), CJK-aware length. */
  summary: string;
  /** The clean body as markdown (no page furniture). */
  body: string;
  /**
   * For a traditional original (`originalScript` zh-Hant): each line of `body` as the source wrote
   * it, cleaned the same way but not converted, or null where it could not be matched; the
   * traditional edition shows these lines instead of converting `body` back.
   */
  originalLines?: (string | null)[];
  /** Where each field's value came from when an editor did not write it. */
  provenance: Partial<Record<FieldName, Provenance>>;
  /** Everything load, normalize and extract found to report for this file. */
  diagnostics: Diagnostic[];
  /** Set by the corpus step when this article is a near-duplicate: the `file` of the copy the site shows. */
  duplicateOf?: string;
}

/** Keywords an article is filed under: the stated ones, or the computed ones when the page states none. */
export function articleKeywords(a: Pick<Article, 'keywords' | 'computedKeywords'>): string[] {
  return a.keywords.length ? a.keywords : a.computedKeywords;
}
