import { diagnostic } from '../../../model/index.js';
import { BIDI_CONTROLS } from '../../../text/bidi.js';
import type { NormalizeRule, NormalizeState } from '../core/state.js';

const HAS_BIDI = new RegExp(BIDI_CONTROLS.source);

export const bidi: NormalizeRule = {
  name: 'bidi',
  description: 'bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) out, with a warning naming the first',
  run(state) {
    let removed = 0;
    let first: { index: number; column: number } | undefined;
    state.lines.forEach((line, i) => {
      if (!HAS_BIDI.test(line)) return;
      first ??= { index: i, column: [...line.slice(0, line.search(HAS_BIDI))].length + 1 };
      const clean = line.replace(BIDI_CONTROLS, '');
      removed += line.length - clean.length;
      state.lines[i] = clean;
    });
    if (first) report(state, first, removed);
  },
};

/** One warning per file: where the first was, and how many there were. */
function report(state: NormalizeState, first: { index: number; column: number }, removed: number): void {
  const line = state.lineMap[first.index]! + state.firstLine - 1;
  const message = `${removed} bidirectional control character(s) (U+202A–U+202E, U+2066–U+2069) removed: they can make text display in another order than it reads.`;
  state.diagnostics.push(diagnostic(state.file, 'normalize/bidi', 'warning', message, { line, column: first.column }));
}
