import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY, simplifyHongKongVariants, toSimplified } from '../opencc.js';
import type { NormalizeRule } from '../state.js';

/** How many characters of `text` only occur in traditional, and only in simplified, text. */
function countScripts(text: string): { traditional: number; simplified: number } {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x3400) continue; // ASCII, Latin, punctuation: neither script
    if (TRADITIONAL_ONLY.has(ch)) traditional++;
    else if (SIMPLIFIED_ONLY.has(ch)) simplified++;
  }
  return { traditional, simplified };
}


export const script: NormalizeRule = {
  name: 'script',
  description: 'detect the original script and convert traditional to simplified at phrase level (OpenCC tw2s, then Hong Kong variants)',
  run(state) {
    const text = state.lines.join('\n');
    const { traditional, simplified } = countScripts(text);
    // zh-Hant when traditional-only characters outnumber simplified-only ones (page furniture may mix both).
    state.originalScript = traditional > simplified ? 'zh-Hant' : 'zh-Hans';
    // Text without a traditional-only character is left exactly as it is: simplified input passes through.
    if (traditional === 0) return;
    const converted = simplifyHongKongVariants(toSimplified(text)).split('\n');
    if (converted.length !== state.lines.length) throw new Error('script conversion changed the number of lines');
    state.lines = converted;
  },
};
