import * as OpenCC from 'opencc-js';
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import HKPhrases from 'opencc-js/dict/HKPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariants from 'opencc-js/dict/HKVariants';
import type { TraditionalVariant } from '../../model/index.js';
import { compareCodeUnits } from '../../text/compare.js';
import { fold, tokenize } from './tokens.js';

// A reader types in their own script and their own region's words; each edition's index holds one
// script. The search page cannot load OpenCC (megabytes), so the build ships each index a small
// table (`script.json`) made from OpenCC's dictionaries but cut down to what this index can match:
// characters of the other script whose counterpart occurs in the index, and regional word pairs
// (芯片/晶片) of which at least one form occurs in it.

/**
 * `script.json`: `from[i]` is typed as `to[i]` (code points, same length); `words` are
 * interchangeable forms: variant characters both in the index (台/臺), then regional words.
 */
export interface ScriptTable {
  from: string;
  to: string;
  words: [string, string][];
}

/** Traditional (any standard) -> simplified, the way normalize reads sources (OpenCC tw2s). */
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Parses an OpenCC dictionary string (`key value1 value2|key ...`). */
function parseDict(dict: string): [string, string[]][] {
  return dict.split('|').map((entry) => {
    const [key, ...values] = entry.split(' ');
    return [key!, values];
  });
}

const isChar = (s: string): boolean => Array.from(s).length === 1;

/** Every single character either character table knows, with its candidates in the other script. */
const CHARACTER_CANDIDATES: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [key, values] of [...parseDict(STCharacters), ...parseDict(TSCharacters)]) {
    if (!isChar(key)) continue;
    map.set(key, [...(map.get(key) ?? []), ...values.filter(isChar)]);
    for (const v of values) if (isChar(v) && !map.has(v)) map.set(v, []);
  }
  return map;
})();

/** A region's words for mainland ones, both forms in simplified script. */
const regionalPairs = (dict: string): readonly [string, string][] =>
  parseDict(dict).flatMap(([key, values]) => values.slice(0, 1).map((v): [string, string] => [toSimplified(key), toSimplified(v)]));
/** Taiwan's (软件 -> 软体, 芯片 -> 晶片: 817 pairs) and Hong Kong's (隐私权 -> 私隐权, 服务器 -> 伺服器: 82). */
const TAIWAN_WORDS = regionalPairs(TWPhrases);
const HONG_KONG_WORDS = regionalPairs(HKPhrases);

/**
 * Regional word pairs for a site whose traditional edition is `variant`: its readers' region first
 * (the first pairs a query holds are the ones tried), then the other's, since a site's sources may
 * be from either (tw-news mixes Taiwan and Hong Kong outlets).
 */
export function regionalWordsFor(variant: TraditionalVariant = 'tw'): readonly [string, string][] {
  return variant === 'hk' ? [...HONG_KONG_WORDS, ...TAIWAN_WORDS] : [...TAIWAN_WORDS, ...HONG_KONG_WORDS];
}

/**
 * The table of one edition's index. `convert` turns simplified text into the edition's script;
 * `tokens` are the index's tokens. A character is mapped only when the index never holds it (so
 * 乾 in 乾隆 or 后 in 皇后 stay as typed where the index has them) and its counterpart is in the
 * index: first the edition's own conversion of its simplified form (臺 -> 台 on the tw edition,
 * 臺 -> 台 and 灣 -> 湾 on the simplified one), then OpenCC's other candidates.
 */
export function scriptTable(
  tokens: readonly string[],
  convert: (text: string) => string,
  regional: readonly [string, string][] = regionalWordsFor(),
): ScriptTable {
  const chars = new Set<string>();
  for (const t of tokens) for (const ch of t) chars.add(ch);
  const pairs: [string, string][] = [];
  for (const [ch, candidates] of CHARACTER_CANDIDATES) {
    if (chars.has(ch) || fold(ch) !== ch) continue;
    const to = [convert(toSimplified(ch)), toSimplified(ch), convert(ch), ...candidates].find((c) => c !== ch && chars.has(c));
    if (to && isChar(to)) pairs.push([ch, to]);
  }
  pairs.sort((a, b) => compareCodeUnits(a[0], b[0]));
  const words = [...variantPairs(chars), ...regionalWords(new Set(tokens), convert, regional)];
  return { from: pairs.map((p) => p[0]).join(''), to: pairs.map((p) => p[1]).join(''), words };
}

/** Variant forms of one character (臺/台, 裡/裏, 著/着, 峯/峰), from OpenCC's Taiwan and Hong Kong variant tables. */
const VARIANT_CHARACTERS: readonly [string, string][] = [...parseDict(TWVariants), ...parseDict(HKVariants)].flatMap(([key, values]) =>
  values.filter((v) => isChar(key) && isChar(v) && v !== key).map((v): [string, string] => [key, v]),
);

/**
 * Variant forms of one character that both occur in the index: a traditional original keeps its
 * own 臺 where the edition writes 台 (Article.originalLines), so 台灣 must also look up 臺灣. Only
 * true variants pair: characters that simplify alike but differ in meaning (麵/面, 髮/發) do not.
 */
function variantPairs(chars: ReadonlySet<string>): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [a, b] of VARIANT_CHARACTERS) {
    const key = [a, b].sort(compareCodeUnits).join('');
    if (seen.has(key) || !chars.has(a) || !chars.has(b)) continue;
    seen.add(key);
    out.push([a, b]);
  }
  return out;
}

/** Regional word pairs in the edition's script of which at least one form the index can match. */
function regionalWords(
  tokens: ReadonlySet<string>,
  convert: (text: string) => string,
  regional: readonly [string, string][],
): [string, string][] {
  const matchable = (word: string): boolean => tokenize(word).every((t) => tokens.has(t));
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [a, b] of regional) {
    const pair: [string, string] = [convert(a), convert(b)];
    const key = pair.join(' ');
    if (pair[0] === pair[1] || seen.has(key) || !(matchable(pair[0]) || matchable(pair[1]))) continue;
    seen.add(key);
    out.push(pair);
  }
  return out;
}
