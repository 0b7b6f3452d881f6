import type { Config, Page } from '../../model/index.js';
import { webJson } from '../../text/json.js';
import { absoluteUrl } from './urls.js';

/** One article as the feeds carry it (dated articles only: a feed is a stream in time). */
export interface FeedItem {
  title: string;
  url: string;
  /** ISO 8601 with offset. */
  date: string;
  summary: string;
  html: string;
  authors: string[];
  categories: string[];
}

/** Feed file paths inside an edition, linked from every page's head. */
export const FEED_PATHS = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/** Escapes text for XML element content and attribute values; drops characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `2021-11-21` -> `2021-11-21T00:00:00+08:00`: feeds need a full timestamp; article dates are Beijing time. */
export function fullTimestamp(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00+08:00` : date;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 date for RSS, keeping the article's own offset (computed without the machine's TZ or locale). */
export function rfc822(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/.exec(fullTimestamp(date));
  if (!m) throw new Error(`not an ISO 8601 timestamp: ${date}`);
  const [, y, mo, d, h, mi, s = '00', off] = m;
  const weekday = DAYS[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  const zone = off === 'Z' ? '+0000' : off!.replace(':', '');
  return `${weekday}, ${d} ${MONTHS[Number(mo) - 1]} ${y} ${h}:${mi}:${s} ${zone}`;
}

/** The newest item's timestamp, or the epoch for an empty feed (never the wall clock: builds are reproducible). */
function updated(items: FeedItem[]): string {
  return items[0] ? fullTimestamp(items[0].date) : '1970-01-01T00:00:00+00:00';
}

export function rssFeed(config: Config, items: FeedItem[], lang: string): string {
  const self = absoluteUrl(config, `/${FEED_PATHS.rss}`);
  const entries = items
    .map(
      (i) => `    <item>
      <title>${xmlEscape(i.title)}</title>
      <link>${xmlEscape(i.url)}</link>
      <guid isPermaLink="true">${xmlEscape(i.url)}</guid>
      <pubDate>${rfc822(i.date)}</pubDate>
${i.authors.map((a) => `      <dc:creator>${xmlEscape(a)}</dc:creator>\n`).join('')}${i.categories.map((c) => `      <category>${xmlEscape(c)}</category>\n`).join('')}      <description>${xmlEscape(i.summary)}</description>
      <content:encoded>${xmlEscape(i.html)}</content:encoded>
    </item>
`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xmlEscape(config.title)}</title>
    <link>${xmlEscape(absoluteUrl(config, '/'))}</link>
    <description>${xmlEscape(config.description)}</description>
    <language>${lang}</language>
    <lastBuildDate>${rfc822(updated(items))}</lastBuildDate>
    <atom:link href="${xmlEscape(self)}" rel="self" type="application/rss+xml"/>
${entries}  </channel>
</rss>
`;
}

export function atomFeed(config: Config, items: FeedItem[], lang: string): string {
  const self = absoluteUrl(config, `/${FEED_PATHS.atom}`);
  const entries = items
    .map(
      (i) => `  <entry>
    <title>${xmlEscape(i.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(i.url)}"/>
    <id>${xmlEscape(i.url)}</id>
    <published>${fullTimestamp(i.date)}</published>
    <updated>${fullTimestamp(i.date)}</updated>
${i.authors.map((a) => `    <author><name>${xmlEscape(a)}</name></author>\n`).join('')}${i.categories.map((c) => `    <category term="${xmlEscape(c)}"/>\n`).join('')}    <summary>${xmlEscape(i.summary)}</summary>
    <content type="html">${xmlEscape(i.html)}</content>
  </entry>
`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <title>${xmlEscape(config.title)}</title>
  <subtitle>${xmlEscape(config.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${xmlEscape(absoluteUrl(config, '/'))}"/>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>
  <id>${xmlEscape(absoluteUrl(config, '/'))}</id>
  <updated>${updated(items)}</updated>
  <author><name>${xmlEscape(config.title)}</name></author>
${entries}</feed>
`;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(config: Config, items: FeedItem[], lang: string): string {
  return `${webJson(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: config.title,
      description: config.description,
      home_page_url: absoluteUrl(config, '/'),
      feed_url: absoluteUrl(config, `/${FEED_PATHS.json}`),
      language: lang,
      items: items.map((i) => ({
        id: i.url,
        url: i.url,
        title: i.title,
        summary: i.summary,
        content_html: i.html,
        date_published: fullTimestamp(i.date),
        ...(i.authors.length ? { authors: i.authors.map((name) => ({ name })) } : {}),
        ...(i.categories.length ? { tags: i.categories } : {}),
      })),
    },
    2,
  )}\n`;
}

/** The three feeds of one edition, in its language. */
export function feedPages(config: Config, items: FeedItem[], lang: string): Page[] {
  return [
    { path: FEED_PATHS.rss, content: rssFeed(config, items, lang) },
    { path: FEED_PATHS.atom, content: atomFeed(config, items, lang) },
    { path: FEED_PATHS.json, content: jsonFeed(config, items, lang) },
  ];
}
