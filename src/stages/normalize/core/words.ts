import { jieba } from '../../../text/segmenter.js';

/** How many characters of each side are looked at: longer than nearly every dictionary word. */
const WINDOW = 4;

/**
 * True when a dictionary word runs across the point between `left` and `right`, i.e. joining them
 * would mend a word cut in two (项目建 | 设中的 -> 建设).
 */
export function wordSpans(left: string, right: string): boolean {
  const tail = [...left].slice(-WINDOW).join('');
  const head = [...right].slice(0, WINDOW).join('');
  const cut = tail.length;
  let offset = 0;
  for (const word of jieba().cut(tail + head, false)) {
    const end = offset + word.length;
    if (offset < cut && end > cut) return true;
    offset = end;
  }
  return false;
}
