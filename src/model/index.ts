// The contracts between pipeline stages. Stages import each other's *types* only from here;
// each stage folder exposes one entry function (see DESIGN.md "Data flows one way").
//
//   load      (path)                 -> LoadResult      src/load/index.ts       loadSource()
//   normalize (text)                 -> NormalizeResult src/normalize/index.ts  normalize()
//   extract   (SourceFile, Normalize)-> Article         src/extract/index.ts    extract()
//   site      (Article[], Config)    -> Site            src/site/index.ts       buildSite()
//   render    (Site)                 -> pages (stream)  src/render/index.ts     renderSite()
//   write     (pages, outDir)        -> WriteReport     src/write/index.ts      writeSite()

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

/** Encodings the loader recognises. `utf-8-bom` is UTF-8 that started with a BOM. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** Front-matter as an editor wrote it, before validation (values are untrusted). */
export type RawFrontMatter = Record<string, unknown>;

/** A decoded input file. Produced by load; never written back. */
export interface SourceFile {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the content dir, POSIX separators (`2024/a.txt`). Used in messages and as identity. */
  relPath: string;
  /** Detected encoding of the bytes. */
  encoding: Encoding;
  /** Size of the raw file in bytes. */
  bytes: number;
  /** sha256 hex of the raw bytes: the cache key and a stable identity for the text. */
  hash: string;
  /** Front-matter written by an editor (empty object when the file has none). */
  frontMatter: RawFrontMatter;
  /** Decoded text after the front-matter block: BOM stripped, newlines normalised to \n. */
  body: string;
  /** 1-based line of the original file where `body` starts (1 when there is no front-matter). */
  bodyStartLine: number;
  /** 1-based line of each top-level front-matter key (absent for sources not read from a file). */
  frontMatterLines?: Record<string, number>;
}

export interface LoadResult {
  /** Absent when the file had to be skipped (binary, undecodable, unreadable...). */
  source?: SourceFile;
  diagnostics: Diagnostic[];
}

/** BCP 47 script tags as used in front-matter `original_script`. */
export type Script = 'zh-Hans' | 'zh-Hant';

export interface NormalizeResult {
  /** Simplified, annotation-free, punctuation-normalised text; lines separated by \n. */
  text: string;
  /** Script detected in the input before conversion. */
  originalScript: Script;
  /** How many pinyin annotations like `鎮(zhèn)` were removed. */
  annotationsRemoved: number;
  /**
   * lineMap[i] is the 1-based line in the *input* text of normalized line i (0-based index),
   * so later stages can report diagnostics at original positions.
   */
  lineMap: number[];
  /** Damage (mojibake) and other findings; `file` is filled in by the caller's file name. */
  diagnostics: Diagnostic[];
}

/** Where a front-matter value came from. */
export type Provenance =
  | 'editor'   // written by a person in front-matter; always wins
  | 'explicit' // stated on the page (a 来源: line, a 关键词: line ...)
  | 'inferred' // deduced from the text (a date from 11月21日 + 2021年)
  | 'computed'; // derived by an algorithm (TF-IDF keywords, summary, slug)

/** Names of the front-matter fields, in snake_case as editors write them. */
export type FieldName =
  | 'title' | 'date' | 'source' | 'keywords' | 'computed_keywords' | 'park' | 'parks'
  | 'category' | 'series' | 'authors' | 'editors' | 'views' | 'original_script'
  | 'slug' | 'summary';

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
  /** Every zone named, most central first; parks[0] === park. */
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
  /** Where each field's value came from when an editor did not write it. */
  provenance: Partial<Record<FieldName, Provenance>>;
  /** Everything load, normalize and extract found to report for this file. */
  diagnostics: Diagnostic[];
  /** Set by the corpus step when this article is a near-duplicate: the `file` of the copy the site shows. */
  duplicateOf?: string;
  /**
   * Term counts from the one jieba segmentation of title and body, made in the per-file stage
   * (so in workers, and cacheable with the article) and read by corpus keywords and related.
   * The corpus step subtracts the terms of boilerplate sentences it removes. Absent on articles
   * made outside the pipeline: those stages then segment the article themselves.
   */
  terms?: ArticleTerms;
  /**
   * Near-duplicate fingerprints of `body` (corpus/duplicates.ts bodyFingerprints), made in the
   * per-file stage so the corpus step need not. Valid for this body only: a step that changes the
   * body (boilerplate removal) leaves it out. Absent: computed from the body when needed.
   */
  fingerprints?: Uint32Array;
  /**
   * Reading time of `body` in whole minutes (render/text.ts bodyMinutes), made in the per-file
   * stage so render need not. Valid for this body only, like `fingerprints`.
   */
  readingMinutes?: number;
}

/**
 * Terms and their counts as parallel arrays, in order of first occurrence: compact, plain data. The
 * counts are 16-bit (capped at 65,535): 2 bytes each instead of an array slot's 8, for the millions
 * an article set holds (17.5 million body words at 100,000 articles).
 */
export interface TermCounts {
  terms: string[];
  counts: Uint16Array;
}

/** An article's term counts for the two uses that segment its text. */
export interface ArticleTerms {
  /** Every word of two or more characters (not numbers or stop words) in title and body, for related articles. */
  words: TermCounts;
  /** Keyword candidates (content nouns, two-noun compounds, park names whole), title words counted 3 times, for computed keywords. */
  keywords: TermCounts;
}

/** A link to an article as shown in lists and sidebars (computed once per build). */
export interface ArticleRef {
  slug: string;
  title: string;
  /** Site-relative URL path, e.g. `/articles/2024/03/abc123/` (before the path prefix). */
  url: string;
  date: string | null;
  views: number | null;
}

/** A taxonomy term (one keyword, park, source or month) and the articles filed under it. */
export interface Term {
  name: string;
  /** URL-safe key used in the term page path. */
  key: string;
  url: string;
  /** Slugs of the articles under this term, latest first. */
  slugs: string[];
}

/** The whole site model, computed once per build; render only reads it. */
export interface Site {
  config: Config;
  /** Articles shown on the site, latest first (dated before undated, then stable by slug). */
  articles: Article[];
  bySlug: Map<string, Article>;
  /** URL of each article by slug. */
  urls: Map<string, string>;
  /** 相关阅读: for each slug, the slugs of the most similar articles (never itself). */
  related: Map<string, string[]>;
  /** 排行: slugs by views (see README for the fallback when no views are known). */
  ranking: string[];
  /** 最新: slugs by date, newest first. */
  latest: string[];
  /** Terms with a page, biggest first (months newest first); keywords below the page threshold are in `thinKeywords`. */
  taxonomies: {
    keywords: Term[];
    parks: Term[];
    sources: Term[];
    months: Term[];
  };
  /**
   * Keywords carried by fewer than `config.keywords.minArticles` shown articles (see
   * `keywordMinArticles`): they get no page and are not in `taxonomies.keywords`; kept, sorted the
   * same way, so a dev preview can tell when an edit lifts one to the threshold. Absent: none.
   */
  thinKeywords?: Term[];
  /** Near-duplicate groups: the kept slug and the files of the copies not shown. */
  duplicates: { kept: string; dropped: string[] }[];
  /** Site-level diagnostics (URL collisions, duplicates ...). */
  diagnostics: Diagnostic[];
}

/** One output file, path relative to the output dir with POSIX separators. */
export interface Page {
  path: string;
  content: string | Uint8Array;
}

export interface WriteReport {
  written: number;
  unchanged: number;
  removed: number;
  /** The complete build folder the output link now points to, when the writer assembled a new one. */
  dir?: string;
  /**
   * Output paths written or removed (relative to the output dir, POSIX), when the writer reports
   * them: `dev` then reloads only the open pages among them (all pages when absent).
   */
  paths?: string[];
  /** With `dir`: what the writer left in it, so the up-to-date record needs no walk of the output. */
  listing?: BuildListing;
}

/**
 * Every file and folder of a build folder as the writer left it: POSIX paths relative to the
 * folder ('' is the folder itself) and, per path in that order, 5 numbers of its lstat: mode,
 * size, mtimeMs, ctimeMs, ino. ctimeMs is NaN for a file hard-linked from the previous build:
 * removing that build changes it after the writer is done.
 */
export interface BuildListing {
  paths: string[];
  stats: Float64Array;
}

/** Weighted index for related articles (like Hugo's related content). */
export interface RelatedIndex {
  name: 'keywords' | 'parks' | 'terms';
  weight: number;
}

/** Site configuration (parkpress.config.json|js|ts), after validation and defaults. */
export interface Config {
  /** Site title shown in the header and feeds. */
  title: string;
  description: string;
  /** Absolute base URL for feeds, sitemap and canonical links, e.g. `https://news.example.cn`. */
  baseUrl: string;
  /** Path prefix when the site lives under a sub-path, e.g. `/parks` ('' for the root). */
  pathPrefix: string;
  /** Folders, resolved against the project root. */
  contentDir: string;
  outDir: string;
  templatesDir: string;
  publicDir: string;
  /** Number of items per list page. */
  pageSize: number;
  related: {
    count: number;
    threshold: number;
    indices: RelatedIndex[];
    /** Terms found in more than this share of the articles (高新区 ...) are ignored for related; default 0.5. */
    maxShare?: number;
  };
  ranking: { count: number; windowDays: number };
  latest: { count: number };
  /**
   * Keyword pages: a keyword gets its own page (and its place in the keywords index, home cloud and
   * sitemap) only when at least `minArticles` shown articles carry it; below that, articles show it
   * as a link to the search page for it. 1 gives every keyword a page. Parks and sources always get
   * their pages. Absent: 2.
   */
  keywords?: { minArticles: number };
  /** Which copy of a near-duplicate group the site shows. */
  duplicates: { keep: 'earliest' | 'longest' | 'first-file' };
  /**
   * Optional traditional-script edition of the whole site (OpenCC s2t) under `/<dir>/`,
   * `tw` (Taiwan) or `hk` (Hong Kong) character standard. Absent or disabled: simplified only.
   */
  traditional?: { enabled: boolean; variant: 'tw' | 'hk'; dir: string };
  /** Build the static full-text search index (src/search) and show the search box (default true). */
  search?: boolean;
  /** Folder of optional build data such as `pageviews.json` / `pageviews.csv` (analytics page views). */
  dataDir?: string;
  /**
   * Folder of the build cache (per-file results and the last build's record, for `build`'s
   * "up to date" check); default `.parkpress-cache` beside the config. Safe to delete at any time.
   */
  cacheDir?: string;
  /** Input limits: a file above maxFileBytes is skipped with an error. */
  limits: { maxFileBytes: number; maxLines: number };
  /**
   * Worker threads for the per-file stages (load, normalize, extract, terms) of a large batch;
   * 1 processes every file in the main thread. Default: the cores available, at most 4.
   */
  jobs?: number;
}
