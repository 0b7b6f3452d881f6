// Search tokens, the Lucene CJKAnalyzer way: Chinese has no spaces, so instead of a word segmenter
// (slow, and the browser would need the same dictionary) every run of CJK characters becomes its
// overlapping character bigrams (a lone CJK character between non-CJK text is a unigram), and every
// run of Latin letters or digits is one lowercased word. Text is NFKC-folded first, so fullwidth
// ＡＢＣ１２３ matches ABC123. public/search-query.js implements the same rules for the browser;
// test/search/tokens.test.ts checks that both agree.

/** One CJK run or one Latin/digit run (after folding). Kept identical to public/search-query.js. */
const RUN = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)|[\p{Script=Latin}\p{Nd}]+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/** NFKC (fullwidth -> ASCII, compatibility forms) then lowercase; locale-independent. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Tokens of a text in reading order, duplicates kept (callers count them). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(RUN)) {
    if (m[1]) pushBigrams(m[1], out);
    else out.push(m[0]);
  }
  return out;
}

/** Overlapping bigrams of a CJK run; a one-character run is its own token. */
function pushBigrams(run: string, out: string[]): void {
  // Most text is in the BMP: slice by code unit; astral characters (CJK extension B...) by code point.
  const chars = SURROGATE.test(run) ? Array.from(run) : null;
  const n = chars ? chars.length : run.length;
  if (n === 1) {
    out.push(run);
    return;
  }
  for (let i = 0; i + 1 < n; i++) out.push(chars ? chars[i]! + chars[i + 1]! : run.slice(i, i + 2));
}
