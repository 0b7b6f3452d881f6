import { bodyLines, mark, setField, type ExtractRule } from '../core/state.js';

/** `“奋力奔跑·开新局”系列报道②`, `【砥砺奋进】系列报道之三`, `奋力奔跑·开新局系列报道（二）`. */
const SERIES =
  /^[“"「【《]?(?<name>[^”"」】》]{2,30}?)[”"」】》]?\s*系列(?:报道|访谈|评论|述评|专题|稿件|解读)?\s*(?:之?[一二三四五六七八九十\d]+|[①-⑳]|[（(][一二三四五六七八九十\d]+[）)])?$/u;

export function parseSeries(text: string): string | null {
  return SERIES.exec(text.trim())?.groups?.name?.trim() ?? null;
}

/** Series labels: a line naming the report series the article belongs to. */
export const series: ExtractRule = {
  name: 'series',
  description: 'a series label (“…”系列报道②) becomes the series',
  run(state) {
    for (const line of bodyLines(state)) {
      const name = parseSeries(line.text);
      if (!name) continue;
      mark(line, 'meta', this.name);
      setField(state, 'series', name);
    }
  },
};
