// Dates too far ahead to be true: an editor's typo (2099 for 2019) or a misread dateline.
import { diagnostic, type Article, type Diagnostic } from '../model/index.js';

/**
 * The year the build is made in: that of SOURCE_DATE_EPOCH (seconds, UTC) when set, the
 * reproducible-builds convention for pinning a build's time, else of the clock. It decides which
 * dates get a warning and which dates are too late to anchor 排行's window (so a site with such a
 * date is byte-identical only under the same SOURCE_DATE_EPOCH), and is applied after the
 * per-file cache, so no cached result carries it.
 */
export function buildYear(env: NodeJS.ProcessEnv = process.env, now: number = Date.now()): number {
  const epoch = env.SOURCE_DATE_EPOCH;
  const seconds = epoch !== undefined && /^\d+$/.test(epoch.trim()) ? Number(epoch) : undefined;
  return new Date(seconds !== undefined ? seconds * 1000 : now).getUTCFullYear();
}

/** A warning for each article dated after the year following `year` (its date is published as it is). */
export function futureDates(articles: readonly Article[], year: number): Diagnostic[] {
  return articles.flatMap((a) => {
    const dated = a.date === null ? undefined : /^(\d{4})-/.exec(a.date);
    if (!dated || Number(dated[1]) <= year + 1) return [];
    const from = a.provenance.date === 'editor' ? 'the front-matter date' : 'the date found in the text';
    const message = `${from} ${a.date} is after ${year + 1}, the year after this build's (${year}): check it for a typo`;
    return [diagnostic(a.file, 'pipeline/future-date', 'warning', message)];
  });
}
