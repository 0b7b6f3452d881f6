import { pageUrl, type Config, type Site, type Term } from '../../model/index.js';
import { href } from './urls.js';
import { maxParagraphChars } from './markdown.js';
import { splitParagraph } from '../../text/paragraphs.js';
import { sha256 } from '../../text/hash.js';

/** An article as list items and sidebars show it. */
export interface ArticleLink {
  title: string;
  href: string;
  date: string | null;
  dateText: string;
  views: number | null;
  summary: string;
  /** The summary as shown: split at sentence ends like a long body paragraph (an editor's summary may be long). */
  summaryParts: string[];
}

/** A term as tag clouds and article pages show it. */
export interface TermLink {
  name: string;
  href: string;
  count: number;
}

/** Pagination links of one list page. */
export interface Pager {
  page: number;
  pages: number;
  prev: string | null;
  next: string | null;
  links: { n: number; href: string; current: boolean }[];
}

/**
 * `2024-03-20T18:44:00+08:00` -> `2024年3月20日 18:44`, read from the string itself: the date is
 * already in Beijing time, and going through Date would make the output depend on the machine's TZ.
 */
export function dateText(date: string | null): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(date) : null;
  if (!m) return '';
  const day = `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  return m[4] ? `${day} ${m[4]}:${m[5]}` : day;
}

/**
 * The link view models of a site's articles, each made on first use and then reused by every
 * page (a dev preview renders a few pages of a large site and needs only a few).
 */
export class Links {
  private readonly articles = new Map<string, ArticleLink>();
  private readonly digests = new Map<string, string>();

  constructor(
    private readonly site: Site,
    readonly config: Config,
  ) {}

  article(slug: string): ArticleLink {
    let link = this.articles.get(slug);
    if (!link) {
      const a = this.site.bySlug.get(slug)!;
      link = {
        title: a.title,
        href: href(this.config, this.site.urls.get(slug)!),
        date: a.date,
        dateText: dateText(a.date),
        views: a.views,
        summary: a.summary,
        summaryParts: a.summary === '' ? [] : splitParagraph(a.summary, maxParagraphChars(this.config)),
      };
      this.articles.set(slug, link);
    }
    return link;
  }

  list(slugs: string[]): ArticleLink[] {
    return slugs.filter((s) => this.site.bySlug.has(s)).map((s) => this.article(s));
  }

  /** A digest of each article link `list` gives, for page keys: a list page's key then grows with its length, not its text. */
  listDigest(slugs: string[]): string[] {
    return slugs.filter((s) => this.site.bySlug.has(s)).map((s) => this.digest(s));
  }

  private digest(slug: string): string {
    let d = this.digests.get(slug);
    if (d === undefined) this.digests.set(slug, (d = sha256(JSON.stringify(this.article(slug)))));
    return d;
  }

  term(t: Term): TermLink {
    return { name: t.name, href: href(this.config, t.url), count: t.slugs.length };
  }
}

/** Page numbers a pager shows: first, last and two either side of the current one (0 marks a gap). */
export function pagerNumbers(current: number, pages: number): number[] {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])]
    .filter((k) => k >= 1 && k <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((k, i) => (i > 0 && k - shown[i - 1]! > 1 ? [0, k] : [k]));
}

/** Splits `items` into pages of `size` and gives each its URL and pager. */
export function paginate<T>(config: Config, url: string, items: T[], size: number): { url: string; items: T[]; pager: Pager }[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const link = (n: number): string => href(config, pageUrl(url, n));
  return Array.from({ length: pages }, (_, i) => {
    const n = i + 1;
    return {
      url: pageUrl(url, n),
      items: items.slice(i * size, n * size),
      pager: {
        page: n,
        pages,
        prev: n > 1 ? link(n - 1) : null,
        next: n < pages ? link(n + 1) : null,
        links: pagerNumbers(n, pages).map((k) => ({ n: k, href: link(k), current: k === n })),
      },
    };
  });
}
