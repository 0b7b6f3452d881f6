// The site template across files (src/extract/template.ts): pairs of consecutive lines recurring
// on several files, on made-up pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounts, templateOf } from '../../../src/stages/extract/core/template.js';

const menu = ['示例网', '首页', '新闻', '园区', '关于我们'];
const footer = ['联系我们', '版权所有 示例网'];
const page = (...body: string[]): string => [...menu, ...body, ...footer].join('\n');

test("lines of a menu and a footer recurring on three pages are template; each page's own lines are not", () => {
  const t = templateOf([page('第一篇标题', '第一篇的正文。'), page('第二篇标题', '第二篇的正文。'), page('第三篇标题', '第三篇的正文。')]);
  assert.ok(t.has(undefined, '示例网', '首页'));
  assert.ok(t.has('新闻', '园区', '关于我们'));
  assert.ok(t.has('关于我们', '联系我们', '版权所有 示例网'), 'the first footer line pairs with the next');
  assert.ok(!t.has('关于我们', '第一篇标题', '第一篇的正文。'));
});

test('a headline listed on other pages is not template on its own page: it has other neighbours there', () => {
  const own = page('园区迎来新项目', '正文第一段。');
  const listed = (n: number): string => page(`第${n}篇`, `正文${n}。`, '最新文章', '园区迎来新项目', '另一篇旧闻');
  const t = templateOf([own, listed(1), listed(2), listed(3)]);
  assert.ok(t.has('最新文章', '园区迎来新项目', '另一篇旧闻'), "in the other pages' list it is");
  assert.ok(!t.has('关于我们', '园区迎来新项目', '正文第一段。'), 'under its own breadcrumb it is not');
});

test('running text needs to recur on a tenth of the files too: a story syndicated three times stays', () => {
  const story = '园区今天发布了新的人才政策，对引进的高层次人才给予住房补贴和子女入学便利。';
  const pages = [1, 2, 3].map((n) => `标题${n}\n本报讯\n${story}\n（完）\n结尾${n}`);
  for (let n = 0; n < 40; n++) pages.push(`其他${n}\n其他正文${n}。`);
  assert.ok(!templateOf(pages).has('本报讯', story, '（完）'));
  assert.ok(templateOf(pages.slice(0, 3)).has('本报讯', story, '（完）'), 'among three files, three is a tenth');
});

test('the template does not depend on the order the files are counted in', () => {
  const texts = [page('甲', '甲文。'), page('乙', '乙文。'), page('丙', '丙文。'), page('丁', '丁文。')];
  const forward = new LineCounts();
  const backward = new LineCounts();
  for (const t of texts) forward.add(t);
  for (const t of [...texts].reverse()) backward.add(t);
  const lines = [undefined, ...menu, '甲', '甲文。', ...footer, undefined];
  for (let i = 1; i + 1 < lines.length; i++) {
    assert.equal(
      forward.template().has(lines[i - 1], lines[i]!, lines[i + 1]),
      backward.template().has(lines[i - 1], lines[i]!, lines[i + 1]),
    );
  }
});
