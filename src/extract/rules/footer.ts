import { bodyLines, mark, type ExtractRule } from '../state.js';

const FOOTER: readonly RegExp[] = [
  /(?:Copyright|©|\(c\)|版权所有|版权归.{1,20}所有)/iu,
  /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]ICP[备证]/u,
  /ICP\s*[备证]?\s*\d/iu,
  /公网安备/u,
  /^(?:网站地图|关于我们|联系我们|广告服务|设为首页|加入收藏|网站声明|意见反馈)(?:[\s|｜丨·]+\S{2,6})*$/u,
  /^(?:主办|承办|主管|技术支持)(?:单位)?\s*[:：]/u,
];

/** Copyright and footer lines (版权所有, ICP numbers, 网站地图 ...). */
export const footer: ExtractRule = {
  name: 'footer',
  description: 'copyright, ICP and 公网安备 numbers, 网站地图/关于我们 rows and 主办单位 lines leave the body',
  run(state) {
    for (const line of bodyLines(state)) {
      if ([...line.text].length <= 120 && FOOTER.some((re) => re.test(line.text))) mark(line, 'furniture', this.name);
    }
  },
};
