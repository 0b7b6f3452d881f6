import iconv from 'iconv-lite';
import type { Encoding } from '../../model/index.js';
import { HANZI_WEIGHT } from './frequent-hanzi.js';

/** A successful decoding: the text (BOM removed) and what it was decoded from. */
export interface Decoded {
  encoding: Encoding;
  text: string;
  /** Invalid byte sequences replaced by U+FFFD (UTF-8 with a few broken bytes); absent when none. */
  replaced?: number;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a BOM-marked buffer; null when there is no BOM. BOMs are certain, so they come first. */
function decodeByBom(bytes: Uint8Array): Decoded | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    return text === null ? null : { encoding: 'utf-8-bom', text };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: 'utf-16le', text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: 'utf-16be', text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be') };
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Scores a candidate decoding: frequent Chinese characters (the more frequent, the more) and
 * printable ASCII count for it; replacement and control characters, private-use code points and
 * rare blocks count against it.
 * GB18030 and Big5 share byte ranges, so both decode most inputs "successfully"; only what the
 * characters *are* tells them apart (a Big5 file read as GBK is full of rare characters, and vice versa).
 */
function plausibility(text: string): number {
  let score = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd) score -= 20;
    else if (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d)
      score -= 5; // NUL, controls: a misread
    else if (cp < 0x80) score += 1;
    else if (HANZI_WEIGHT.has(ch)) score += HANZI_WEIGHT.get(ch)!;
    else if (cp >= 0x4e00 && cp <= 0x9fff)
      continue; // other ideographs: neither for nor against
    else if (cp >= 0x3000 && cp <= 0x303f)
      score += 1; // CJK punctuation
    else if (cp >= 0xff00 && cp <= 0xffef)
      score += 1; // full-width forms
    else if (cp >= 0xe000 && cp <= 0xf8ff)
      score -= 10; // private use: never in real text
    else score -= 2;
  }
  return score;
}

/** Share of U+FFFD and C0 controls above which a decoding produced nothing sensible. */
const MAX_GARBAGE = 0.1;
/** Real Chinese text is at least 87% frequent characters (samples, whole corpus); random bytes read as GB18030 about 2%. */
const MIN_FREQUENT_SHARE = 0.5;
/** Below this many Han characters the share says too little to judge (a Latin text, a park name). */
const MIN_HAN_TO_JUDGE = 8;

/**
 * True when decoded text reads as text: few replacement or control characters, and when it has
 * enough Han characters, mostly frequent ones (random bytes decode "successfully" as GB18030 into
 * rare characters).
 */
export function looksLikeText(text: string): boolean {
  const frequentBmp = frequentTable();
  let chars = 0;
  let garbage = 0;
  let han = 0;
  let frequent = 0;
  // By UTF-16 unit, pairing surrogates by hand: this runs over every character of every input.
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    chars++;
    if (cp === 0xfffd || (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d && cp !== 0x0c)) garbage++;
    else if (isHanCodePoint(cp)) {
      han++;
      if (cp < 0x10000 ? frequentBmp[cp] === 1 : HANZI_WEIGHT.has(String.fromCodePoint(cp))) frequent++;
    }
  }
  if (chars > 0 && garbage / chars > MAX_GARBAGE) return false;
  return han < MIN_HAN_TO_JUDGE || frequent / han >= MIN_FREQUENT_SHARE;
}

let frequentBmpTable: Uint8Array | undefined;

/** HANZI_WEIGHT's characters by code point (1 = frequent) for the Basic Multilingual Plane. */
function frequentTable(): Uint8Array {
  if (!frequentBmpTable) {
    frequentBmpTable = new Uint8Array(0x10000);
    for (const ch of HANZI_WEIGHT.keys()) if (ch.length === 1) frequentBmpTable[ch.charCodeAt(0)] = 1;
  }
  return frequentBmpTable;
}

const HAN = /\p{Script=Han}/u;

/** Script=Han, with the common block decided without a regex (this runs once per character of every input). */
function isHanCodePoint(cp: number): boolean {
  if (cp >= 0x4e00 && cp <= 0x9fff) return true; // CJK Unified Ideographs: all Han
  return cp >= 0x2e80 && HAN.test(String.fromCodePoint(cp)); // no Han character lies below the CJK radicals
}

/**
 * The most plausible reading of bytes that have no BOM and are not valid UTF-8: damaged UTF-8,
 * GB18030 (also GBK and GB2312), Big5 and, for an even byte count, UTF-16 without a BOM. Ties go
 * to the earlier candidate (GB18030 before Big5: the superset encoding mainland sites use).
 */
function bestReading(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes);
  // UTF-8 with a few broken bytes (a cut-off character, a flipped byte) still reads best as UTF-8;
  // each broken sequence becomes U+FFFD, which normalize reports as damage.
  const candidates: Encoding[] = ['utf-8', 'gb18030', 'big5'];
  if (buf.length % 2 === 0) candidates.push('utf-16le', 'utf-16be');
  let best: Decoded | undefined;
  let bestScore = -Infinity;
  for (const encoding of candidates) {
    const text = iconv.decode(buf, encoding);
    const score = plausibility(text);
    if (score > bestScore) {
      best = { encoding, text };
      bestScore = score;
    }
  }
  if (best!.encoding === 'utf-8') best!.replaced = countOf(best!.text, '\ufffd') - countOf(buf.toString('latin1'), '\xef\xbf\xbd');
  return best!;
}

function countOf(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Decodes raw bytes: a BOM is trusted first, then strict UTF-8 (almost never valid by accident for
 * CJK legacy bytes; skipped when there are NUL bytes, which mean UTF-16), then the most plausible
 * of GB18030, Big5 and BOM-less UTF-16 by the characters they produce. A plain statistical detector
 * is avoided on purpose: it misreads short GBK files as Greek or Cyrillic.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const byBom = decodeByBom(bytes);
  if (byBom) return byBom;
  if (!bytes.includes(0)) {
    const utf8 = strictUtf8(bytes);
    if (utf8 !== null) return { encoding: 'utf-8', text: utf8 };
  }
  return bestReading(bytes);
}
