import { isFence } from '../core/protect.js';
import type { NormalizeRule } from '../core/state.js';

export const blankLines: NormalizeRule = {
  name: 'blank-lines',
  description: 'collapse runs of blank lines into one (not inside code fences) and drop blank lines at the start and end',
  run(state) {
    const lines: string[] = [];
    const lineMap: number[] = [];
    let inFence = false;
    state.lines.forEach((line, i) => {
      if (isFence(line)) inFence = !inFence;
      const blank = !inFence && line.trim() === '';
      if (blank && (lines.length === 0 || lines[lines.length - 1] === '')) return;
      lines.push(blank ? '' : line);
      lineMap.push(state.lineMap[i]!);
    });
    // A blank last line goes, unless it is the only one: the empty text still has one (empty) line.
    if (lines.length > 1 && lines[lines.length - 1] === '') {
      lines.pop();
      lineMap.pop();
    }
    if (lines.length === 0) {
      lines.push('');
      lineMap.push(1);
    }
    state.lines = lines;
    state.lineMap = lineMap;
  },
};
