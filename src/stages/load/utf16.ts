import iconv from 'iconv-lite';
import { looksLikeText } from './encoding.js';

export type Utf16 = 'utf-16le' | 'utf-16be';

/** Bytes looked at: enough to judge, cheap on any file. */
const SAMPLE_BYTES = 8192;
/**
 * Share of code units in text blocks a UTF-16 reading needs. Real text is ~100%; random bytes
 * land in those blocks about 55% of the time (the CJK and Hangul blocks alone are half the BMP).
 */
const MIN_TEXT_SHARE = 0.9;

/**
 * Which UTF-16 a BOM-less file is written in, or null when it reads as neither. NUL bytes do not
 * tell: Chinese text has them only for ASCII characters and for the few ideographs ending in 00
 * (一 U+4E00), so a line of CJK may hold as many on one side as on the other. The reading itself
 * does: almost every code unit in a text block, no unpaired surrogate, and the Han characters
 * mostly frequent ones (ASCII read as UTF-16 also gives ideographs, but rare ones).
 */
export function bomlessUtf16(bytes: Uint8Array): Utf16 | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES));
  const le = textShare(sample, true);
  const be = textShare(sample, false);
  const encoding: Utf16 = le >= be ? 'utf-16le' : 'utf-16be';
  if (Math.max(le, be) < MIN_TEXT_SHARE) return null;
  return looksLikeText(iconv.decode(Buffer.from(sample), encoding)) ? encoding : null;
}

/** Share of the sample's code units that are text in the given byte order (0 on an unpaired surrogate). */
function textShare(sample: Uint8Array, littleEndian: boolean): number {
  const units = sample.length >> 1;
  const unit = (i: number) => (littleEndian ? sample[2 * i]! | (sample[2 * i + 1]! << 8) : (sample[2 * i]! << 8) | sample[2 * i + 1]!);
  let text = 0;
  for (let i = 0; i < units; i++) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 1 === units) break; // a pair cut by the end of the sample
      if (!isLowSurrogate(unit(i + 1))) return 0;
      text += 2;
      i++;
    } else if (isLowSurrogate(u)) return 0;
    else if (isTextUnit(u)) text++;
  }
  return units === 0 ? 0 : text / units;
}

const isLowSurrogate = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** Blocks that running text (Chinese above all) is written in; everything else counts against a reading. */
const TEXT_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // ASCII
  [0x00a0, 0x024f], // Latin-1 and Latin extended
  [0x0370, 0x04ff], // Greek, Cyrillic
  [0x2000, 0x2bff], // punctuation, symbols, arrows, shapes
  [0x3000, 0x31ff], // CJK punctuation, kana, bopomofo
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xac00, 0xd7a3], // Hangul
  [0xff00, 0xffef], // full-width forms
];

function isTextUnit(u: number): boolean {
  if (u === 0x09 || u === 0x0a || u === 0x0c || u === 0x0d) return true;
  return TEXT_BLOCKS.some(([from, to]) => u >= from && u <= to);
}
