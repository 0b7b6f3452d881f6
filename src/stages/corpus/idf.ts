import { jiebaFile } from '../../text/dictionaries.js';

let general: Map<string, number> | undefined;
let generalMedian = 0;

/** jieba's IDF table from a large general corpus: the prior for terms this site has seen too rarely to judge. */
function generalIdf(): { table: Map<string, number>; median: number } {
  if (!general) {
    general = new Map();
    const values: number[] = [];
    for (const row of new TextDecoder().decode(jiebaFile('idf.txt')).split('\n')) {
      const space = row.lastIndexOf(' ');
      if (space <= 0) continue;
      const v = Number(row.slice(space + 1));
      general.set(row.slice(0, space), v);
      values.push(v);
    }
    values.sort((a, b) => a - b);
    generalMedian = values[Math.floor(values.length / 2)] ?? 10;
  }
  return { table: general, median: generalMedian };
}

/**
 * Lets go of jieba's general table (hundreds of thousands of strings). A one-off build calls
 * this once its keywords are chosen, so the table is not live through site and render; `dev` keeps
 * it for the next rebuild. A later makeIdf reads it again.
 */
export function releaseGeneralIdf(): void {
  general = undefined;
}

/** How many documents it takes before the site's own IDF counts as much as the general prior. */
const PRIOR_DOCS = 50;

/**
 * IDF that reflects this corpus: the site's own ln((N+1)/(df+1))+1, blended with jieba's general IDF
 * (scaled to the same range) with weight N/(N+PRIOR_DOCS). A five-article site leans on the prior; a
 * 5,000-article site is almost entirely its own.
 */
export function makeIdf(documentFrequency: ReadonlyMap<string, number>, documents: number): (term: string) => number {
  const { table, median } = generalIdf();
  const weight = documents / (documents + PRIOR_DOCS);
  const scale = Math.log(documents + 1) + 1;
  const maxGeneral = 14;
  // Each term's IDF is asked for once per article that has it: computed once, with two table lookups.
  const known = new Map<string, number>();
  return (term) => {
    let idf = known.get(term);
    if (idf === undefined) {
      const own = Math.log((documents + 1) / ((documentFrequency.get(term) ?? 0) + 1)) + 1;
      const prior = ((table.get(term) ?? median) / maxGeneral) * scale;
      idf = weight * own + (1 - weight) * prior;
      known.set(term, idf);
    }
    return idf;
  };
}
