import { bodyLines, mark, type ExtractRule } from '../core/state.js';
import { charLength } from '../../../text/chars.js';
import { endsSentence } from '../core/text.js';

/** `…效果图`, `…示意图`, `张三 摄`, `图为…`, `（图为…）`, `…现场（资料图）`. */
const CAPTION =
  /(?:效果图|示意图|鸟瞰图|规划图|资料图|航拍图|实景图|现场图|全景图|设计图|图片|照片|摄|供图|[（(]?资料图片?[）)]?)$|^[（(]?图为|^[（(]?(?:上|下|左|右)图/u;

export function isCaption(text: string): boolean {
  return charLength(text) <= 50 && !endsSentence(text) && CAPTION.test(text);
}

/** Picture captions: kept in the body as captions, never promoted to subheadings. */
export const captions: ExtractRule = {
  name: 'captions',
  description: 'short lines that caption a picture (…摄, 图为…, 效果图) become *captions*',
  run(state) {
    for (const line of bodyLines(state)) if (isCaption(line.text)) mark(line, 'caption', this.name);
  },
};
