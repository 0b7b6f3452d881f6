import iconv from 'iconv-lite';
import { isHan } from '../core/hanzi.js';
import { isCommonHan } from '../core/rarity.js';
import { toSimplified } from '../core/opencc.js';
import type { NormalizeRule, NormalizeState } from '../core/state.js';
import { diagnostic } from '../../../model/index.js';

const isLatinLetter = (c: string): boolean => {
  const cp = c.codePointAt(0)!;
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7);
};
/** What split bytes leave: `?`, U+FFFD or a Latin letter. Every damaged stretch holds one. */
const isMarker = (c: string): boolean => c === '?' || c === '\ufffd' || isLatinLetter(c);
/**
 * Characters a GBK byte misalignment leaves behind: rare Han characters, Latin letters, `?`, ASCII
 * punctuation and U+FFFD (確?;菝衽e措 is 確保惠民舉措 with its bytes read one byte off).
 */
const isSuspicious = (c: string): boolean => isMarker(c) || ';:,!()'.includes(c) || (isHan(c) && !isCommonHan(c));

/** Maximal runs of suspicious characters around each marker, with their column (0-based, in code points). */
function candidateRuns(line: string): { start: number; run: string }[] {
  const chars = [...line];
  const runs: { start: number; run: string }[] = [];
  let i = 0;
  while (i < chars.length) {
    if (!isMarker(chars[i]!)) {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && isSuspicious(chars[start - 1]!)) start--;
    let end = i + 1;
    while (end < chars.length && isSuspicious(chars[end]!)) end++;
    runs.push({ start, run: chars.slice(start, end).join('') });
    i = end;
  }
  return runs;
}

/** Every damage pattern needs one of these; lines without them are skipped quickly. */
const MARKER = /[A-Za-z\u00c0-\u024f?\ufffd]/;

/** At most this many damage warnings per file; a summary counts the rest. */
const MAX_REPORTS = 20;

/** Full-width forms a page's punctuation clean-up may have turned into ASCII inside damaged bytes. */
const ASCII_TO_FULLWIDTH: Record<string, string> = { ';': '；', ':': '：', ',': '，', '!': '！' };

/**
 * U+FFFD is always damage. Otherwise a run needs rare Han characters and a trace of split bytes:
 * a `?` inside it (not closing a question: 分道揚鑣?), or a lone Latin letter beside two or more
 * rare characters. Latin words (Google暨, 暨CEO) and one rare character beside a letter (甦A辦) are
 * ordinary text.
 */
function looksDamaged(run: string): boolean {
  if (run.includes('\ufffd')) return true;
  const chars = [...run];
  const rare = chars.filter((c) => isHan(c)).length; // every Han character in a run is a rare one
  if (rare === 0) return false;
  const loneLetter = chars.some((c, i) => isLatinLetter(c) && !isLatinLetter(chars[i - 1] ?? ' ') && !isLatinLetter(chars[i + 1] ?? ' '));
  return run.slice(0, -1).includes('?') || (loneLetter && rare >= 2);
}

/**
 * Tries to undo a one-byte GBK misalignment: re-encode the damaged run, drop one or two leading bytes
 * (the half of a character that was lost) and decode again. Accepted only when every recovered
 * character is a common Han character; a `?` stands for the character that cannot be recovered.
 */
function recoverMisalignment(run: string): string | null {
  const body = run.startsWith('?') || run.startsWith('\ufffd') ? run.slice(1) : run;
  const bytes = iconv.encode([...body].map((c) => ASCII_TO_FULLWIDTH[c] ?? c).join(''), 'gbk');
  for (const skip of [1, 2]) {
    const decoded = iconv.decode(bytes.subarray(skip), 'gbk');
    const chars = [...decoded];
    // The first character lost a byte, so it can never be recovered: `?` marks it.
    if (chars.length >= 2 && chars.every((c) => isHan(c) && isCommonHan(c))) return `?${decoded}`;
  }
  return null;
}

function report(state: NormalizeState, lineIndex: number, column: number, run: string): void {
  const line = state.lineMap[lineIndex]! + state.firstLine - 1;
  const recovered = recoverMisalignment(run);
  const hint = recovered ? `; undoing a GBK byte misalignment gives "${recovered}" (simplified: "${toSimplified(recovered)}")` : '';
  state.diagnostics.push(
    diagnostic(state.file, 'normalize/mojibake', 'warning', `Text looks damaged (mojibake) at "${run}"${hint}; check the source page.`, {
      line,
      column,
    }),
  );
}

export const mojibake: NormalizeRule = {
  name: 'mojibake',
  description: 'report U+FFFD and GBK-misalignment damage (rare characters with stray ?/Latin) with line, column and recovered text',
  run(state) {
    let found = 0;
    state.lines.forEach((line, i) => {
      if (!MARKER.test(line)) return;
      for (const { start, run } of candidateRuns(line)) {
        if (!looksDamaged(run)) continue;
        if (++found <= MAX_REPORTS) report(state, i, start + 1, run);
      }
    });
    if (found > MAX_REPORTS) {
      const message = `${found - MAX_REPORTS} more damaged stretches not listed (${found} in all); the file may be in the wrong encoding.`;
      state.diagnostics.push(diagnostic(state.file, 'normalize/mojibake', 'warning', message));
    }
  },
};
