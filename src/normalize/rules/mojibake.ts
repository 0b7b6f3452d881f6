import iconv from 'iconv-lite';
import { isHan } from '../hanzi.js';
import { isCommonHan } from '../rarity.js';
import { toSimplified } from '../opencc.js';
import type { NormalizeRule, NormalizeState } from '../state.js';

/**
 * Characters a GBK byte misalignment leaves behind: rare Han characters, ASCII letters, `?`, ASCII
 * punctuation and U+FFFD (確?;菝衽e措 is 確保惠民舉措 with its bytes read one byte off).
 */
const isSuspicious = (c: string): boolean => c === '\ufffd' || /[A-Za-z?;:,!]/.test(c) || (isHan(c) && !isCommonHan(c));

/** Maximal runs of suspicious characters with Han (or the line edge) on both sides. */
function candidateRuns(line: string): { start: number; run: string }[] {
  const chars = [...line];
  const runs: { start: number; run: string }[] = [];
  let i = 0;
  while (i < chars.length) {
    if (!isSuspicious(chars[i]!)) { i++; continue; }
    let j = i;
    while (j < chars.length && isSuspicious(chars[j]!)) j++;
    const before = chars[i - 1];
    const after = chars[j];
    if ((before === undefined || isHan(before)) && (after === undefined || isHan(after))) runs.push({ start: i, run: chars.slice(i, j).join('') });
    i = j;
  }
  return runs;
}

/** Full-width forms a page's punctuation clean-up may have turned into ASCII inside damaged bytes. */
const ASCII_TO_FULLWIDTH: Record<string, string> = { ';': '；', ':': '：', ',': '，', '!': '！' };

function looksDamaged(run: string): boolean {
  if (run.includes('\ufffd')) return true;
  const chars = [...run];
  const hasAsciiMarker = chars.some((c) => /[A-Za-z?]/.test(c));
  const hasRareHan = chars.some((c) => isHan(c) && !isCommonHan(c));
  return hasAsciiMarker && hasRareHan;
}

/**
 * Tries to undo a one-byte GBK misalignment: re-encode the damaged run, drop one or two leading bytes
 * (the half of a character that was lost) and decode again. Accepted only when every recovered
 * character is a common Han character; a `?` stands for the character that cannot be recovered.
 */
export function recoverMisalignment(run: string): string | null {
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
  const recovered = recoverMisalignment(run);
  const hint = recovered ? `; undoing a GBK byte misalignment gives "${recovered}" (simplified: "${toSimplified(recovered)}")` : '';
  state.diagnostics.push({
    file: state.file,
    line: state.lineMap[lineIndex]!,
    column,
    severity: 'warning',
    rule: 'normalize/mojibake',
    message: `Text looks damaged (mojibake) at "${run}"${hint}; check the source page.`,
  });
}

export const mojibake: NormalizeRule = {
  name: 'mojibake',
  description: 'report U+FFFD and GBK-misalignment damage (rare characters with stray ?/Latin) with line, column and recovered text',
  run(state) {
    state.lines.forEach((line, i) => {
      for (const { start, run } of candidateRuns(line)) {
        if (looksDamaged(run)) report(state, i, start + 1, run);
      }
    });
  },
};
