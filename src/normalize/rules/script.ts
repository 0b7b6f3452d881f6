import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY, toSimplified } from '../opencc.js';
import type { Script } from '../../types.js';
import type { NormalizeRule } from '../state.js';

/** zh-Hant when traditional-only characters outnumber simplified-only ones (page furniture may mix both). */
export function detectScript(text: string): Script {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (TRADITIONAL_ONLY.has(ch)) traditional++;
    else if (SIMPLIFIED_ONLY.has(ch)) simplified++;
  }
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
}

const hasTraditionalOnly = (text: string): boolean => [...text].some((ch) => TRADITIONAL_ONLY.has(ch));

export const script: NormalizeRule = {
  name: 'script',
  description: 'detect the original script and convert traditional to simplified at phrase level (OpenCC tw2s)',
  run(state) {
    const text = state.lines.join('\n');
    state.originalScript = detectScript(text);
    // Text without a traditional-only character is left exactly as it is: simplified input passes through.
    if (!hasTraditionalOnly(text)) return;
    const converted = toSimplified(text).split('\n');
    if (converted.length !== state.lines.length) throw new Error('script conversion changed the number of lines');
    state.lines = converted;
  },
};
