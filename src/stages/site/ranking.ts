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
export function windowAnchor(dates: Float64Array, until: number): number | undefined {
  const plausible = dates.filter((d) => !Number.isNaN(d) && d < until).sort();
  if (plausible.length === 0) return undefined;
  return plausible[plausible.length - Math.min(ANCHOR_QUORUM, plausible.length)];
}

/**
 * What 排行 reads of each article, in 最新's order (newest first): columns rather than an object per
 * article, so that dev's preview ranks a big site again from the last build's table with a few rows
 * changed, without reading its thousands of articles (site/change.ts).
 */
export interface RankTable {
  /** dateValue of each date (NaN: undated). */
  dates: Float64Array;
  /** Known views; -1 when unknown. */
  views: Float64Array;
  /** 1 for a page with a headline, 0 for one whose title was computed. */
  headline: Uint8Array;
  /** Row i's topics (keywords and parks as topic numbers) are topics[topicStarts[i], topicStarts[i + 1]). */
  topicStarts: Uint32Array;
  topics: Int32Array;
  /** Row i's 相关阅读 as rows, chosen[choiceStarts[i], choiceStarts[i + 1]); -1 for an article not in the table. */
  choiceStarts: Uint32Array;
  chosen: Int32Array;
}

/** A row for an article the table does not hold yet: its views, and its 相关阅读 as rows of the new table. */
export interface NewRankRow {
  article: Article;
  views: number;
  chosen: readonly number[];
}

/** The ranking table of `latestFirst`. */
export function rankTable(latestFirst: readonly Article[], inputs: Pick<RankingInputs, 'views' | 'related'>): RankTable {
  const row = new Map(latestFirst.map((a, i) => [a.slug, i]));
  const rows = latestFirst.map((article) => ({
    article,
    views: inputs.views(article) ?? -1,
    chosen: (inputs.related.get(article.slug) ?? []).map((s) => row.get(s) ?? -1),
  }));
  return rearrangeRankTable(
    EMPTY_TABLE,
    Int32Array.from(rows, (_, k) => -(k + 1)),
    new Int32Array(0),
    rows,
  );
}

const EMPTY_TABLE: RankTable = {
  dates: new Float64Array(0),
  views: new Float64Array(0),
  headline: new Uint8Array(0),
  topicStarts: new Uint32Array(1),
  topics: new Int32Array(0),
  choiceStarts: new Uint32Array(1),
  chosen: new Int32Array(0),
};

/**
 * `base` with its rows rearranged: row j of the result is base's row from[j] when that is 0 or more,
 * else the new row added[-from[j] - 1]. `moved` gives each base row's row in the result (-1: gone),
 * for the rows base's rows choose in 相关阅读.
 */
export function rearrangeRankTable(base: RankTable, from: Int32Array, moved: Int32Array, added: readonly NewRankRow[]): RankTable {
  const n = from.length;
  const facts = added.map((r) => rankFacts(r.article));
  let topicCount = 0;
  let choiceCount = 0;
  for (const f of from) {
    topicCount += f >= 0 ? base.topicStarts[f + 1]! - base.topicStarts[f]! : facts[-f - 1]!.topics.length;
    choiceCount += f >= 0 ? base.choiceStarts[f + 1]! - base.choiceStarts[f]! : added[-f - 1]!.chosen.length;
  }
  const t: RankTable = {
    dates: new Float64Array(n),
    views: new Float64Array(n),
    headline: new Uint8Array(n),
    topicStarts: new Uint32Array(n + 1),
    topics: new Int32Array(topicCount),
    choiceStarts: new Uint32Array(n + 1),
    chosen: new Int32Array(choiceCount),
  };
  let topicAt = 0;
  let choiceAt = 0;
  for (let j = 0; j < n; j++) {
    const f = from[j]!;
    if (f >= 0) {
      t.dates[j] = base.dates[f]!;
      t.views[j] = base.views[f]!;
      t.headline[j] = base.headline[f]!;
      for (let k = base.topicStarts[f]!; k < base.topicStarts[f + 1]!; k++) t.topics[topicAt++] = base.topics[k]!;
      for (let k = base.choiceStarts[f]!; k < base.choiceStarts[f + 1]!; k++) {
        const c = base.chosen[k]!;
        t.chosen[choiceAt++] = c < 0 ? -1 : moved[c]!;
      }
    } else {
      const row = added[-f - 1]!;
      const rf = facts[-f - 1]!;
      t.dates[j] = rf.date;
      t.views[j] = row.views;
      t.headline[j] = rf.headline;
      for (const topic of rf.topics) t.topics[topicAt++] = topic;
      for (const c of row.chosen) t.chosen[choiceAt++] = c;
    }
    t.topicStarts[j + 1] = topicAt;
    t.choiceStarts[j + 1] = choiceAt;
  }
  return t;
}

/** Where each row stands in 排行, for compareRanks. */
interface RankColumns {
  recent: Uint8Array;
  views: Float64Array;
  headline: Uint8Array;
  picks: Int32Array;
  shared: Int32Array;
}

/**
 * Recent before older; known views (most first) before unknown ones; then a page with a headline
 * before one without (a filing or notice whose first words stand in for a title: such pages
 * resemble each other and would otherwise choose each other as related); then how many recent
 * articles list it in 相关阅读, then how many recent articles share its keywords and parks; the
 * place in 最新 (newest first) only breaks what is still tied.
 */
function compareRanks(c: RankColumns, a: number, b: number): number {
  if (c.recent[a] !== c.recent[b]) return c.recent[b]! - c.recent[a]!;
  if (c.views[a] !== c.views[b]) return c.views[b]! - c.views[a]!;
  if (c.headline[a] !== c.headline[b]) return c.headline[b]! - c.headline[a]!;
  return c.picks[b]! - c.picks[a]! || c.shared[b]! - c.shared[a]! || a - b;
}

/** How often each row is chosen in the 相关阅读 of the recent rows. */
function relatedPicks(t: RankTable, recent: Uint8Array): Int32Array {
  const picks = new Int32Array(recent.length);
  for (let i = 0; i < recent.length; i++) {
    if (!recent[i]) continue;
    for (let k = t.choiceStarts[i]!; k < t.choiceStarts[i + 1]!; k++) {
      const c = t.chosen[k]!;
      if (c >= 0) picks[c]!++;
    }
  }
  return picks;
}

/**
 * Each topic (a keyword or park, prefixed by taxonomy) as a small number, the same for the life of
 * the thread, so topics are counted in an array instead of a map of strings.
 */
const topicNumbers = new Map<string, number>();

function topicNumber(topic: string): number {
  let n = topicNumbers.get(topic);
  if (n === undefined) topicNumbers.set(topic, (n = topicNumbers.size));
  return n;
}

/** What ranking reads of an article that takes work to find: its date's value, its topics, whether it has a headline. */
interface RankFacts {
  date: number;
  headline: number;
  /** The keywords and parks, each once, as topic numbers (a park and a keyword of the same name differ). */
  topics: Int32Array;
}

/** Kept as long as the article object lives: a site's articles are ranked again on each dev preview. */
const known = new WeakMap<Article, RankFacts>();

function rankFacts(a: Article): RankFacts {
  let facts = known.get(a);
  if (!facts) {
    const topics = new Set([...articleKeywords(a).map((k) => `k:${k}`), ...a.parks.map((p) => `p:${p}`)]);
    known.set(
      a,
      (facts = {
        date: dateValue(a.date),
        headline: a.provenance.title === 'computed' ? 0 : 1,
        topics: Int32Array.from(topics, topicNumber),
      }),
    );
  }
  return facts;
}

/** For each row, how many of the recent rows (other than itself) share a keyword or park with it, summed over its topics. */
function sharedTopics(t: RankTable, recent: Uint8Array): Int32Array {
  const carriers = new Int32Array(topicNumbers.size);
  for (let i = 0; i < recent.length; i++) {
    if (recent[i]) for (let k = t.topicStarts[i]!; k < t.topicStarts[i + 1]!; k++) carriers[t.topics[k]!]!++;
  }
  const shared = new Int32Array(recent.length);
  for (let i = 0; i < recent.length; i++) {
    let n = 0;
    for (let k = t.topicStarts[i]!; k < t.topicStarts[i + 1]!; k++) n += carriers[t.topics[k]!]!;
    shared[i] = recent[i] ? n - (t.topicStarts[i + 1]! - t.topicStarts[i]!) : n;
  }
  return shared;
}

/**
 * 排行 as rows of `t`: recent articles first, those with known views by views, the rest (headlined
 * pages first) by how often the site's recent articles choose them as related (then by how many
 * share their keywords and parks), older articles after in the same order so a small site still
 * fills the sidebar. Recent: dated within `ranking.windowDays` before the window's anchor (see
 * windowAnchor) and not after the build's next year (`year`), or undated.
 */
export function rankOrder(t: RankTable, year: number | undefined, config: Config): number[] {
  const until = plausibleUntil(year);
  const anchor = windowAnchor(t.dates, until);
  const from = anchor === undefined ? -Infinity : anchor - config.ranking.windowDays * DAY_MS;
  const recent = new Uint8Array(t.dates.length);
  t.dates.forEach((d, i) => {
    recent[i] = Number.isNaN(d) || (d >= from && d < until) ? 1 : 0;
  });
  const columns: RankColumns = {
    recent,
    views: t.views,
    headline: t.headline,
    picks: relatedPicks(t, recent),
    shared: sharedTopics(t, recent),
  };
  return Array.from(recent, (_, i) => i).sort((a, b) => compareRanks(columns, a, b));
}

/** 排行 of `latestFirst` (see rankOrder). */
export function rankArticles(latestFirst: readonly Article[], inputs: RankingInputs, config: Config): Article[] {
  return rankOrder(rankTable(latestFirst, inputs), inputs.year, config).map((i) => latestFirst[i]!);
}
