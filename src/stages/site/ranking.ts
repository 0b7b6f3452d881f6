// 排行: what the site's readers read most, or, without view data, what the site's own stories point to most.
import { type Article, articleKeywords, type Config } from '../../model/index.js';
import { dateValue } from './order.js';

/** What 排行 is ranked from besides the articles and the config. */
export interface RankingInputs {
  /** Page views of an article (front-matter, page or analytics file); null when unknown. */
  views: (a: Article) => number | null;
  /** 相关阅读 of each slug: the fallback counts how often an article is chosen there. */
  related: ReadonlyMap<string, readonly string[]>;
  /**
   * The build's year (SOURCE_DATE_EPOCH's when set, else the clock's), passed in so the stage never
   * reads the clock: a date after the following year is taken for a typo and cannot anchor the
   * window. Undefined: no date is ruled out.
   */
  year?: number;
}

/**
 * How many dated articles must reach a date for it to anchor the window: one misdated or
 * future-dated story alone cannot push the window past every other article.
 */
export const ANCHOR_QUORUM = 3;

const DAY_MS = 86_400_000;
/** Offset of +08:00, the zone date-only values are read in (see dateValue). */
const CST_MS = 8 * 3_600_000;

/** First instant after the year following `year` (in +08:00); later dates are implausible. */
function plausibleUntil(year: number | undefined): number {
  return year === undefined ? Infinity : Date.UTC(year + 2, 0, 1) - CST_MS;
}

/**
 * The window's anchor: the newest date at least ANCHOR_QUORUM plausible articles reach (the
 * oldest plausible date when fewer are dated); undefined when none is. Not the build date, so the
 * same content gives the same ranking.
 */
export function windowAnchor(dates: readonly number[], until: number): number | undefined {
  const plausible = dates.filter((d) => !Number.isNaN(d) && d < until).sort((a, b) => b - a);
  if (plausible.length === 0) return undefined;
  return plausible[Math.min(ANCHOR_QUORUM, plausible.length) - 1];
}

/** Where one article stands in 排行 (see compareRankKeys). */
interface RankKey {
  recent: boolean;
  views: number;
  headline: boolean;
  picks: number;
  shared: number;
  position: number;
}

/**
 * Recent before older; known views (most first) before unknown ones; then a page with a headline
 * before one without (a filing or notice whose first words stand in for a title: such pages
 * resemble each other and would otherwise choose each other as related); then how many recent
 * articles list it in 相关阅读, then how many recent articles share its keywords and parks; the
 * place in 最新 (newest first) only breaks what is still tied.
 */
function compareRankKeys(a: RankKey, b: RankKey): number {
  if (a.recent !== b.recent) return a.recent ? -1 : 1;
  if (a.views !== b.views) return b.views - a.views;
  if (a.headline !== b.headline) return a.headline ? -1 : 1;
  return b.picks - a.picks || b.shared - a.shared || a.position - b.position;
}

/** How often each slug is chosen in the 相关阅读 of the `from` articles. */
function relatedPicks(from: readonly Article[], related: RankingInputs['related']): Map<string, number> {
  const picks = new Map<string, number>();
  for (const a of from) for (const s of related.get(a.slug) ?? []) picks.set(s, (picks.get(s) ?? 0) + 1);
  return picks;
}

/** What ranking reads of an article that takes work to find: its date's value and its topics. */
interface RankFacts {
  date: number;
  /** The keywords and parks, each once, prefixed by taxonomy so a park and a keyword of the same name differ. */
  topics: readonly string[];
}

/**
 * Kept as long as the article object lives: dev's quick preview ranks the last build's articles
 * again with one added (site/change.ts), and must not work them all out again on every save.
 */
const known = new WeakMap<Article, RankFacts>();

function rankFacts(a: Article): RankFacts {
  let facts = known.get(a);
  if (!facts) {
    const topics = new Set([...articleKeywords(a).map((k) => `k:${k}`), ...a.parks.map((p) => `p:${p}`)]);
    known.set(a, (facts = { date: dateValue(a.date), topics: [...topics] }));
  }
  return facts;
}

/** For each article, how many of the recent articles (other than itself) share a keyword or park with it, summed over its topics. */
function sharedTopics(topics: readonly (readonly string[])[], recent: readonly boolean[]): number[] {
  const carriers = new Map<string, number>();
  topics.forEach((ts, i) => {
    if (recent[i]) for (const t of ts) carriers.set(t, (carriers.get(t) ?? 0) + 1);
  });
  return topics.map((ts, i) => {
    let n = 0;
    for (const t of ts) n += carriers.get(t) ?? 0;
    return recent[i] ? n - ts.length : n;
  });
}

/**
 * 排行: recent articles first, those with known views by views, the rest (headlined pages first)
 * by how often the site's recent articles choose them as related (then by how many share their keywords and parks), older
 * articles after in the same order so a small site still fills the sidebar. Recent: dated within
 * `ranking.windowDays` before the window's anchor (see windowAnchor) and not after the build's
 * next year, or undated. Each key is computed once (a big site sorts with millions of comparisons).
 */
export function rankArticles(latestFirst: readonly Article[], inputs: RankingInputs, config: Config): Article[] {
  const facts = latestFirst.map(rankFacts);
  const dates = facts.map((f) => f.date);
  const until = plausibleUntil(inputs.year);
  const anchor = windowAnchor(dates, until);
  const from = anchor === undefined ? -Infinity : anchor - config.ranking.windowDays * DAY_MS;
  const recent = dates.map((d) => Number.isNaN(d) || (d >= from && d < until));
  const recentArticles = latestFirst.filter((_, i) => recent[i]);
  const picks = relatedPicks(recentArticles, inputs.related);
  const shared = sharedTopics(
    facts.map((f) => f.topics),
    recent,
  );
  const keyed = latestFirst.map((article, position) => ({
    article,
    key: {
      recent: recent[position]!,
      views: inputs.views(article) ?? -1,
      headline: article.provenance.title !== 'computed',
      picks: picks.get(article.slug) ?? 0,
      shared: shared[position]!,
      position,
    },
  }));
  keyed.sort((a, b) => compareRankKeys(a.key, b.key));
  return keyed.map((k) => k.article);
}
