import { pinyin } from 'pinyin-pro';
import { toSimplified } from '../core/opencc.js';
import type { NormalizeRule, NormalizeState } from '../core/state.js';

/** Longest annotation read (syllables); bounding the Han run keeps the match linear on long lines. */
const MAX_SYLLABLES = 8;
const SYLLABLE = '[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]+[1-5]?';
/**
 * Han characters followed by pinyin in ASCII or full-width parentheses: tone marks, tone digits or
 * none, any letter case (鎮(Zhèn)), several syllables separated by spaces or `'`. Whether the syllables really are readings is
 * checked afterwards, so 北京(Beijing), 原子（atom）, (2022) and (记者 张三) are left alone.
 */
const PINYIN_NOTE = new RegExp(`(\\p{Script=Han}{1,${MAX_SYLLABLES}})[(（]\\s*(${SYLLABLE}(?:['\\s]${SYLLABLE})*)\\s*[)）]`, 'giu');
/** A character repeating itself in parentheses: 發(發)光. */
const REPEAT_NOTE = /(\p{Script=Han})[(（](\p{Script=Han})[)）]/gu;

/** `zhèn`, `zhen4`, `ZHEN`, `lü`/`lv` all compare as `zhen` / `lu`. */
function plainSyllable(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f\d]/g, '')
    .toLowerCase()
    .replace(/[üv]/g, 'u');
}

const readingsCache = new Map<string, Set<string>>();

/** pinyin-pro's readings of one character, toneless; it echoes characters it does not know. */
function pinyinProReadings(ch: string): string[] {
  const list = pinyin(ch, { multiple: true, type: 'array', toneType: 'none' }) as string[];
  return list.filter((r) => /^[a-zü]+$/i.test(r)).map(plainSyllable);
}

/**
 * Every reading known for one character (polyphones give several), toneless. Readings of its
 * simplified form count too: pinyin-pro lacks some rare traditional characters.
 */
function readingsOf(ch: string): Set<string> {
  let set = readingsCache.get(ch);
  if (!set) {
    const simplified = toSimplified(ch);
    set = new Set([...pinyinProReadings(ch), ...(simplified !== ch ? pinyinProReadings(simplified) : [])]);
    readingsCache.set(ch, set);
  }
  return set;
}

/** True when the syllables of `note` are readings of the last characters of `han`, one each. */
function isReadingOf(han: string, note: string): boolean {
  const chars = [...han];
  const syllables = note.trim().split(/['\s]+/);
  if (syllables.length > chars.length) return false;
  const annotated = chars.slice(chars.length - syllables.length);
  return syllables.every((s, i) => readingsOf(annotated[i]!).has(plainSyllable(s)));
}

function removeAll(state: NormalizeState, pattern: RegExp, keep: (han: string, note: string) => boolean): number {
  let removed = 0;
  for (let i = 0; i < state.lines.length; i++) {
    if (!/[(（]/.test(state.lines[i]!)) continue;
    state.lines[i] = state.lines[i]!.replace(pattern, (whole, han: string, note: string) => {
      if (keep(han, note)) return whole;
      removed++;
      return han;
    });
  }
  return removed;
}

export const annotations: NormalizeRule = {
  name: 'annotations',
  description: 'remove pinyin annotations (鎮(zhèn), 發光(guang), 區（qū）, 發(發)) that really are readings of the characters before them',
  run(state) {
    const pinyinNotes = removeAll(state, PINYIN_NOTE, (han, note) => !isReadingOf(han, note));
    // 發(發) comes from the same annotating tools; without pinyin notes in the file, 控股(股) is an
    // abbreviation (股份有限公司) and stays.
    const repeats = pinyinNotes > 0 ? removeAll(state, REPEAT_NOTE, (han, note) => han !== note) : 0;
    state.annotationsRemoved += pinyinNotes + repeats;
  },
};
