import STCharacters from 'opencc-js/dict/STCharacters';
import { FREQUENT_SIMPLIFIED } from './frequent-hanzi-data.js';

/**
 * Traditional forms of each simplified character, read straight from OpenCC's character table
 * (`简 繁1 繁2|...`): building a full opencc-js converter would cost about a second at start-up.
 */
function traditionalForms(): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const entry of STCharacters.split('|')) {
    const [simplified, ...traditional] = entry.split(' ');
    if (simplified) forms.set(simplified, traditional);
  }
  return forms;
}

/** Weight by frequency rank: the top 500 characters weigh 4, then 3, 2 and 1 down to rank 2,500. */
const weightOfRank = (rank: number): number => (rank < 500 ? 4 : rank < 1000 ? 3 : rank < 1800 ? 2 : 1);

/**
 * The most frequent characters in both scripts (simplified, and every traditional form OpenCC
 * knows for them, so Big5 text scores as well as GBK text), weighted by rank. Correctly decoded
 * Chinese is mostly made of them; bytes decoded with the wrong legacy encoding are a near-random
 * draw from thousands of characters, and the ones that are frequent are rarely the most frequent.
 */
export const HANZI_WEIGHT: ReadonlyMap<string, number> = (() => {
  const forms = traditionalForms();
  const weights = new Map<string, number>();
  [...FREQUENT_SIMPLIFIED].forEach((ch, rank) => {
    const weight = weightOfRank(rank);
    for (const form of [ch, ...(forms.get(ch) ?? [])]) if (!weights.has(form)) weights.set(form, weight);
  });
  return weights;
})();
