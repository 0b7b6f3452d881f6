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
  eachToken(
    text,
    (a, b) => out.push(String.fromCharCode(a, b)),
    (token) => out.push(token),
  );
  return out;
}

/**
 * The tokens of `tokenize(text)`, in its order, without making a string for each CJK bigram of the
 * Basic Multilingual Plane (nearly every token): `pair` gets its two code units, `other` every
 * other token. The index counts millions of bigrams, and would otherwise make a short-lived string of each.
 */
export function eachToken(text: string, pair: (a: number, b: number) => void, other: (token: string) => void): void {
  for (const m of fold(text).matchAll(RUN)) {
    const run = m[1];
    if (!run) other(m[0]);
    else if (run.length === 1) other(run);
    else if (SURROGATE.test(run)) astralBigrams(run, other);
    else for (let i = 0; i + 1 < run.length; i++) pair(run.charCodeAt(i), run.charCodeAt(i + 1));
  }
}

/** Overlapping bigrams of a CJK run holding astral characters (CJK extension B...), by code point; a one-character run is its own token. */
function astralBigrams(run: string, out: (token: string) => void): void {
  const chars = Array.from(run);
  if (chars.length === 1) out(run);
  for (let i = 0; i + 1 < chars.length; i++) out(chars[i]! + chars[i + 1]!);
}
