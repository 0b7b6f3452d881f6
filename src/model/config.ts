// Site configuration, as the config file sets it after validation and defaults.

/** Weighted index for related articles (like Hugo's related content). */
export interface RelatedIndex {
  name: 'keywords' | 'parks' | 'terms';
  weight: number;
}

/** Site configuration (parkpress.config.json|js|ts), after validation and defaults. */
/** Character standard of the traditional edition (docs/config.md). */
export type TraditionalVariant = 'tw' | 'hk' | 't';

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
  /**
   * Display of long paragraphs: one longer than `maxChars` characters (a source that lost its line
   * breaks) is shown as several, split at sentence ends, in the body and the summary; 0 never
   * splits. Absent: 300.
   */
  paragraphs?: { maxChars: number };
  /** Which copy of a near-duplicate group the site shows. */
  duplicates: { keep: 'earliest' | 'longest' | 'first-file' };
  /**
   * Optional traditional-script edition of the whole site under `/<dir>/`, in the `tw` (Taiwan,
   * 台), `hk` (Hong Kong) or `t` (OpenCC's own) character standard. Absent or disabled: simplified only.
   */
  traditional?: { enabled: boolean; variant: TraditionalVariant; dir: string };
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
