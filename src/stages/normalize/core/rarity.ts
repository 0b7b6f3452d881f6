import iconv from 'iconv-lite';
import { toSimplified } from './opencc.js';
import { charLength } from '../../../text/chars.js';

/**
 * GB2312 level 1 (bytes B0A1-D7F9) holds the 3,755 most used characters. A character counts as
 * common when it or its simplified form is there; mis-decoded bytes mostly land outside it.
 */
export function isCommonHan(ch: string): boolean {
  let common = cache.get(ch);
  if (common === undefined) {
    common = inGb2312Level1(ch) || inGb2312Level1(toSimplified(ch));
    cache.set(ch, common);
  }
  return common;
}

const cache = new Map<string, boolean>();

function inGb2312Level1(ch: string): boolean {
  if (charLength(ch) !== 1) return false;
  const b = iconv.encode(ch, 'gbk');
  return b.length === 2 && b[0]! >= 0xb0 && b[0]! <= 0xd7 && b[1]! >= 0xa1 && b[1]! <= 0xfe;
}
