import { bodyLines, mark, type ExtractRule } from '../core/state.js';

const DISCLAIMER = /^[【[]?\s*(?:郑重声明|免责声明|特别声明|版权声明|版权说明|反侵权公告|侵权公告|维权声明|转载须知|声明)\s*[:：】\]]/u;
const REPRINT = /^(?:本文|本网|本站|此文)(?:系|为)?转载.{0,60}(?:联系|删除|立场)/u;

/** Disclaimers (郑重声明, 免责声明, 反侵权公告 ...): site boilerplate, not the article; they close it (main-text). */
export const disclaimer: ExtractRule = {
  name: 'disclaimer',
  description: 'disclaimers and reprint notices (郑重声明, 免责声明, 本文转载…) leave the body',
  run(state) {
    for (const line of bodyLines(state)) {
      if (DISCLAIMER.test(line.text) || REPRINT.test(line.text)) mark(line, 'furniture', this.name);
    }
  },
};
