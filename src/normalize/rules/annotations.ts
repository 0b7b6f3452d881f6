import { pinyin } from 'pinyin-pro';
import type { NormalizeRule } from '../state.js';

/**
 * A parenthesised annotation after Han characters: ASCII or full-width parentheses holding pinyin
 * syllables (tone marks, tone digits or none, several separated by spaces or `'`), or one Han
 * character (the character repeating itself, 發(發)光). Whether it really is a reading is checked
 * afterwards, so 系統(江蘇), 北京(Beijing), (2022) and (记者 张三) are left alone.
 */
const ANNOTATION = /(\p{Script=Han}+)[(（]\s*([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ1-5]+(?:['\s][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ1-5]+)*|\p{Script=Han})\s*[)）]/gu;

/** `zhèn`, `zhen4`, `ZHEN`, `lü`/`lv` all compare as `zhen` / `lu`. */
export function plainSyllable(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f\d]/g, '').toLowerCase().replace(/[üv]/g, 'u');
}

const readingsCache = new Map<string, Set<string>>();

/** Every reading pinyin-pro knows for one character (polyphones give several), toneless. */
function readingsOf(ch: string): Set<string> {
  let set = readingsCache.get(ch);
  if (!set) {
    const list = pinyin(ch, { multiple: true, type: 'array', toneType: 'none' }) as string[];
    set = new Set(list.map(plainSyllable));
    readingsCache.set(ch, set);
  }
  return set;
}

/**
 * True when `note` annotates the last characters of `han`: one syllable per character, each a
 * known reading of its character, or the last character repeated.
 */
export function isReadingOf(han: string, note: string): boolean {
  const chars = [...han];
  if (/^\p{Script=Han}$/u.test(note)) return chars[chars.length - 1] === note;
  const syllables = note.trim().split(/['\s]+/);
  if (syllables.length > chars.length) return false;
  const annotated = chars.slice(chars.length - syllables.length);
  return syllables.every((s, i) => readingsOf(annotated[i]!).has(plainSyllable(s)));
}

export const annotations: NormalizeRule = {
  name: 'annotations',
  description: 'remove pinyin annotations (鎮(zhèn), 發光(guang), 發(發), 區（qū）) that are real readings of the character before them',
  run(state) {
    for (let i = 0; i < state.lines.length; i++) {
      state.lines[i] = state.lines[i]!.replace(ANNOTATION, (whole, han: string, note: string) => {
        if (!isReadingOf(han, note)) return whole;
        state.annotationsRemoved++;
        return han;
      });
    }
  },
};
