import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY, simplify } from '../core/opencc.js';
import type { NormalizeRule } from '../core/state.js';

/** 1 for TRADITIONAL_ONLY, 2 for SIMPLIFIED_ONLY, by BMP code point: countScripts reads every input character. */
const BMP_SCRIPT = (() => {
  const table = new Uint8Array(0x10000);
  for (const ch of TRADITIONAL_ONLY) if (ch.length === 1) table[ch.charCodeAt(0)] = 1;
  for (const ch of SIMPLIFIED_ONLY) if (ch.length === 1) table[ch.charCodeAt(0)] = 2;
  return table;
})();

/** How many characters of `text` only occur in traditional, and only in simplified, text. */
function countScripts(text: string): { traditional: number; simplified: number } {
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x3400) continue; // ASCII, Latin, punctuation: neither script
    let kind = BMP_SCRIPT[unit]!;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      // a supplementary-plane character (rare): the sets decide
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      i += ch.length - 1;
      kind = TRADITIONAL_ONLY.has(ch) ? 1 : SIMPLIFIED_ONLY.has(ch) ? 2 : 0;
    }
    if (kind === 1) traditional++;
    else if (kind === 2) simplified++;
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
    const converted = simplify(text).split('\n');
    if (converted.length !== state.lines.length) throw new Error('script conversion changed the number of lines');
    state.lines = converted;
  },
};
