import iconv from 'iconv-lite';
import type { Encoding } from '../types.js';
import { FREQUENT_HANZI } from './frequent-hanzi.js';

/** A successful decoding: the text (BOM removed) and what it was decoded from. */
export interface Decoded {
  encoding: Encoding;
  text: string;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a BOM-marked buffer; null when there is no BOM. BOMs are certain, so they come first. */
function decodeByBom(bytes: Uint8Array): Decoded | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    return text === null ? null : { encoding: 'utf-8-bom', text };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be') };
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
 * Scores a candidate decoding of legacy CJK bytes: frequent Chinese characters and ASCII count for it,
 * replacement characters, private-use code points and rare/compatibility blocks count against it.
 * GB18030 and Big5 share byte ranges, so both decode most inputs "successfully"; only what the
 * characters *are* tells them apart (a Big5 file read as GBK is full of rare characters, and vice versa).
 */
export function plausibility(text: string): number {
  let score = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd) score -= 20;
    else if (cp < 0x80) score += 0;
    else if (FREQUENT_HANZI.has(ch)) score += 3;
    else if (cp >= 0x4e00 && cp <= 0x9fff) score += 0;
    else if (cp >= 0x3000 && cp <= 0x303f) score += 1; // CJK punctuation
    else if (cp >= 0xff00 && cp <= 0xffef) score += 1; // full-width forms
    else if (cp >= 0xe000 && cp <= 0xf8ff) score -= 10; // private use: never in real text
    else score -= 2;
  }
  return score;
}


/** Picks the better of the GB18030 and Big5 readings of bytes that are not valid UTF-8. */
function decodeLegacyCjk(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes);
  const gb = iconv.decode(buf, 'gb18030');
  const big5 = iconv.decode(buf, 'big5');
  // Ties go to GB18030: it is the superset encoding mainland sites use.
  return plausibility(big5) > plausibility(gb) ? { encoding: 'big5', text: big5 } : { encoding: 'gb18030', text: gb };
}

/**
 * Decodes raw bytes: a BOM is trusted first, then strict UTF-8 (almost never valid by accident for
 * CJK legacy bytes), then GB18030 vs Big5 by plausibility of the characters they produce. A plain
 * statistical detector is avoided on purpose: it misreads short GBK files as Greek or Cyrillic.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const byBom = decodeByBom(bytes);
  if (byBom) return byBom;
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { encoding: 'utf-8', text: utf8 };
  return decodeLegacyCjk(bytes);
}
