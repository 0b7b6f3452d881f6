import { addToList, bodyLines, mark, type ExtractRule } from '../core/state.js';

const KEYWORDS = /^[【[]?\s*(?:关键词|关键字|标签|Tags?|TAG)\s*[:：]\s*(?<list>.*?)\s*[】\]]?$/iu;

/** Splits `镇江高新区 项目建设` / `新区；镇江；生态` / `a,b` into terms. */
export function parseKeywords(text: string): string[] | null {
  const m = KEYWORDS.exec(text);
  if (!m) return null;
  return m
    .groups!.list!.split(/[\s,，;；、|｜/]+/u)
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

/** 关键词: / 标签: lines: the page's own keywords, kept as keywords and taken out of the body. */
export const keywordsLine: ExtractRule = {
  name: 'keywords-line',
  description: 'a 关键词 / 标签 / Tags line becomes the stated keywords',
  run(state) {
    for (const line of bodyLines(state)) {
      const keywords = parseKeywords(line.text);
      if (!keywords) continue;
      mark(line, 'meta', this.name);
      addToList(state, 'keywords', keywords);
    }
  },
};
