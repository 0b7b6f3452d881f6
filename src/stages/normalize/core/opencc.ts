import * as OpenCC from 'opencc-js';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import { charLength } from '../../../text/chars.js';

/**
 * Traditional -> simplified at phrase level. OpenCC's tw2s (opencc-js `tw` -> `cn`): it segments with
 * TSPhrases and applies the Taiwan variant table first, so 跟著 -> 跟着 and 瞭解 -> 了解 (the plain `t`
 * preset leaves 跟著). tw2sp is not used: it also swaps vocabulary (軟體 -> 软件), which rewrites what
 * the reporter wrote instead of only the script.
 */
export const toSimplified: (text: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Parses an OpenCC dictionary string (`key value1 value2|key ...`). */
function parseDict(dict: string): [string, string[]][] {
  return dict.split('|').map((entry) => {
    const [key, ...values] = entry.split(' ');
    return [key!, values];
  });
}

function charactersIn(values: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const v of values) for (const ch of v) set.add(ch);
  return set;
}

/** Every character traditional -> simplified conversion can produce (OpenCC's character and phrase tables). */
const SIMPLIFIED_OUTPUTS: ReadonlySet<string> = charactersIn(
  [...parseDict(TSCharacters), ...parseDict(TSPhrases)].flatMap(([, values]) => values),
);

/**
 * Characters that only occur in traditional text: t2s always changes them (the character is not among
 * its own simplified candidates) and no phrase conversion ever produces them (乾 stays in 乾隆, so 乾
 * is not traditional-only). Their presence in output means conversion failed.
 */
export const TRADITIONAL_ONLY: ReadonlySet<string> = (() => {
  const phraseOutputs = charactersIn(parseDict(TSPhrases).flatMap(([, v]) => v));
  const set = new Set<string>();
  for (const [key, values] of parseDict(TSCharacters)) {
    if (charLength(key) === 1 && !values.includes(key) && !phraseOutputs.has(key)) set.add(key);
  }
  return set;
})();

/** Characters that only occur in simplified text: s2t always changes them (mirror of TRADITIONAL_ONLY). */
export const SIMPLIFIED_ONLY: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  for (const [key, values] of parseDict(STCharacters)) {
    if (charLength(key) === 1 && !values.includes(key) && !TRADITIONAL_ONLY.has(key)) set.add(key);
  }
  return set;
})();

/**
 * Hong Kong variant forms tw2s does not know (衞, 粧, 枱, 敍 in Hong Kong articles), mapped through
 * OpenCC's Hong Kong variant table and then to simplified: 衞 -> 衛 -> 卫. Only characters no
 * simplified text ever contains are mapped, so 台 and 兑 (also keys of that table) are left alone.
 */
const HK_VARIANT_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [key, values] of parseDict(HKVariantsRev)) {
    const target = values[0];
    if (charLength(key) !== 1 || !target || SIMPLIFIED_OUTPUTS.has(key)) continue;
    const simplified = toSimplified(target);
    if (simplified !== key) map.set(key, simplified);
  }
  return map;
})();

const HK_VARIANT = new RegExp(`[${[...HK_VARIANT_TO_SIMPLIFIED.keys()].join('')}]`, 'gu');

/** Replaces Hong Kong variant forms that survive tw2s by their simplified characters. */
export function simplifyHongKongVariants(text: string): string {
  return text.replace(HK_VARIANT, (ch) => HK_VARIANT_TO_SIMPLIFIED.get(ch)!);
}

/** The script rule's conversion: tw2s, then the Hong Kong variants it leaves. */
export function simplify(text: string): string {
  return simplifyHongKongVariants(toSimplified(text));
}

/**
 * Characters no opencc-js dictionary holds in a key or a value (test/stages/normalize/opencc-cases):
 * conversion copies them and no match reaches across them, so the runs of text between them
 * convert on their own. Split with this, a text alternates runs and separators.
 */
export const SEPARATORS = /([\s\d,.;:!?()"'[\]{}<>/\\|@#$%^&*+=~`_，。、；：！？「」『』（）《》〈〉【】“”‘’…—]+)/;

/**
 * Ideographic description characters (⿰ ...): opencc-js reads one with the characters it describes
 * as a unit, which may reach past a separator, so a text holding one is converted whole.
 */
const DESCRIPTION_CHARS = /[\u2ff0-\u2fff]/;

/** Each run of `before` (between SEPARATORS) -> its conversion, read from `after` = simplify(before). */
export function runConversions(before: string, after: string): Map<string, string> {
  const known = new Map<string, string>();
  if (DESCRIPTION_CHARS.test(before)) return known;
  const from = before.split(SEPARATORS);
  const to = after.split(SEPARATORS);
  if (from.length !== to.length) return known; // never, as separators are copied: then nothing is known
  for (let i = 0; i < from.length; i += 2) known.set(from[i]!, to[i]!);
  return known;
}

/**
 * simplify(text), with the conversions of runs already `known` (runConversions of a text converted
 * before) reused: the runs not known are converted in one call.
 */
export function simplifyKnown(text: string, known: ReadonlyMap<string, string>): string {
  if (DESCRIPTION_CHARS.test(text)) return simplify(text);
  const parts = text.split(SEPARATORS);
  const unknown: string[] = [];
  for (let i = 0; i < parts.length; i += 2) if (!known.has(parts[i]!)) unknown.push(parts[i]!);
  const fresh = unknown.length === 0 ? [] : simplify(unknown.join('\n')).split('\n');
  let k = 0;
  for (let i = 0; i < parts.length; i += 2) parts[i] = known.get(parts[i]!) ?? fresh[k++]!;
  return parts.join('');
}

/** The traditional-only characters in `text`, in order (the check tests and reports use). */
export function traditionalOnlyIn(text: string): string[] {
  return [...text].filter((ch) => TRADITIONAL_ONLY.has(ch));
}
