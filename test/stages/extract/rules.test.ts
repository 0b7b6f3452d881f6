// One fixture page per phenomenon (test/fixtures/extract/<phenomenon>.txt), run through the real
// per-file pipeline; each test names the rule it is about. The last test checks that every rule in
// the chain has a fixture here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { processFile } from '../../../src/run/per-file/process.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { readdirSync, readFileSync } from 'node:fs';
import { rules, type ExtractOptions } from '../../../src/stages/extract/index.js';
import { templateOf, type SiteTemplate } from '../../../src/stages/extract/core/template.js';
import type { Article } from '../../../src/model/index.js';
import { fixturesDir, projectRoot } from '../../helpers/paths.js';

const dir = path.join(fixturesDir, 'extract');

async function page(name: string, options: ExtractOptions = {}): Promise<Article> {
  const file = name.includes('.') ? name : `${name}.txt`;
  const result = await processFile(path.join(dir, file), dir, defaultConfig(projectRoot), options);
  assert.ok(result.article, JSON.stringify(result.diagnostics));
  return result.article;
}

/** The template of the made-up site under fixtures/extract/site/ (four pages sharing menus and a footer). */
function siteTemplate(): SiteTemplate {
  const site = path.join(dir, 'site');
  return templateOf(
    readdirSync(site)
      .sort()
      .map((f) => readFileSync(path.join(site, f), 'utf8')),
  );
}

/** Which fixture shows each rule; kept in step with `rules` by the last test. */
const fixtureOf: Record<string, string> = {};
function about(rule: string, fixture: string, name: string, fn: () => Promise<void>): void {
  fixtureOf[rule] = fixture;
  test(`${rule}: ${name}`, fn);
}

about(
  'header-furniture',
  'header-furniture',
  'menus, greetings, font/print controls, share, image names, 听新闻 and stray numbers leave the body',
  async () => {
    const a = await page('header-furniture');
    assert.equal(a.title, '合肥高新区新型显示产业链再添新项目');
    for (const s of ['登录', '首页', '字体', '打印本页', '分享到', '.png', '听新闻']) assert.ok(!a.body.includes(s), s);
    assert.ok(!/^12$/mu.test(a.body), 'stray number');
    assert.ok(a.body.startsWith('3月8日，合肥高新区'));
    assert.deepEqual(a.subheadings, []);
  },
);

test('header-furniture: a one-word-per-line menu, a lone symbol and an app prompt leave the body (traditional page)', async () => {
  const a = await page('vertical-menu');
  assert.equal(a.title, '台南科学园区扩建计划通过环评');
  assert.equal(a.originalScript, 'zh-Hant');
  for (const s of ['即时', '政治', '╳', 'APP', '立即下载']) assert.ok(!a.body.includes(s), s);
});

test('credits: a bracketed reporter-and-place lead 〔记者…／…报导〕 gives the author and leaves the paragraph', async () => {
  const a = await page('vertical-menu');
  assert.deepEqual(a.authors, ['林大明']);
  assert.ok(a.body.startsWith('台南科学园区扩建计划昨天通过'));
});

about('title', 'header-furniture', 'the headline repeated twice appears once, as the title only', async () => {
  const a = await page('header-furniture');
  assert.ok(!a.body.includes('再添新项目'));
});

about('breadcrumb', 'header-furniture', 'the last crumb before the headline is the category', async () => {
  assert.equal((await page('header-furniture')).category, '园区动态');
  assert.equal((await page('datelines')).category, '园区要闻');
  // 专栏 / 园区故事 / <the headline>: the trail ends on the page itself, and names no section.
  const headlineTrail = await page('headline-trail');
  assert.equal(headlineTrail.title, '园区里的青年创业者');
  assert.equal(headlineTrail.category, null);
});

about('dateline', 'datelines', 'date, source, author and views on separate labelled lines', async () => {
  const a = await page('datelines');
  assert.equal(a.date, '2011-03-29');
  assert.equal(a.provenance.date, 'explicit');
  assert.equal(a.source, '苏州日报');
  assert.deepEqual(a.authors, ['陈明', '周洁']);
  assert.equal(a.views, 1024);
  for (const s of ['发布时间', '文章来源', '浏览次数', '作者']) assert.ok(!a.body.includes(s), s);
});

about('series', 'series', 'a series label gives the series, and 发稿时间 2021/6/9 the date', async () => {
  const a = await page('series');
  assert.equal(a.series, '奋力奔跑·开新局');
  assert.equal(a.title, '无锡经开区：向新而行');
  assert.equal(a.date, '2021-06-09');
  assert.deepEqual(a.authors, ['吴海']);
  assert.ok(!a.body.includes('系列报道'));
});

about('credits', 'bylines', 'agency lead with reporters, picture credit, （完） and 【责任编辑】', async () => {
  const a = await page('bylines');
  assert.deepEqual(a.authors, ['王五', '赵六']);
  assert.deepEqual(a.editors, ['孙丽']);
  assert.equal(a.source, null, 'a picture credit is not the source');
  assert.ok(a.body.startsWith('成都高新区20日发布'));
  for (const s of ['新华社', '图片来源', '（完）', '责任编辑']) assert.ok(!a.body.includes(s), s);
});

test('credits: 本报讯（记者 …） and a last line of names only', async () => {
  const a = await page('byline-last-line');
  assert.deepEqual(a.authors, ['谭军', '刘洋', '何静']);
  assert.deepEqual(a.editors, ['邓丽']);
  assert.ok(a.body.startsWith('今年以来'));
  assert.ok(!a.body.includes('刘洋') && !a.body.includes('本报讯'));
});

about('keywords-line', 'trailer', '关键字: line gives the keywords', async () => {
  assert.deepEqual((await page('trailer')).keywords, ['西安高新区', '外贸', '进出口']);
});

about('link-lists', 'trailer', '相关新闻 list, 上一篇/下一篇 leave the body', async () => {
  const a = await page('trailer');
  for (const s of ['相关新闻', '跨境电商对接会', '上一篇', '下一篇', '广交会']) assert.ok(!a.body.includes(s), s);
  assert.ok(a.body.trimEnd().endsWith('带动全区外贸稳中向好。'));
});

about('disclaimer', 'trailer', '免责声明 leaves the body', async () => {
  assert.ok(!(await page('trailer')).body.includes('免责声明'));
});

about('footer', 'trailer', 'site map, copyright and ICP lines leave the body', async () => {
  const a = await page('trailer');
  for (const s of ['网站地图', 'Copyright', '版权所有', 'ICP']) assert.ok(!a.body.includes(s), s);
});

about('trailing-links', 'link-list-shape', 'a closing run of headlines without a heading is recognised by shape', async () => {
  const a = await page('link-list-shape');
  for (const s of ['舟山', '温州', '台州', '金华']) assert.ok(!a.body.includes(s), s);
  assert.ok(a.body.trimEnd().endsWith('打造完整产业链。'));
});

test('trailing-links: a page of short numbered lines (a filing) is content, and a numbered line is no headline', async () => {
  const a = await page('filing');
  assert.ok(a.body.includes('因应措施'));
  assert.ok(a.body.includes('事实发生日'));
  assert.deepEqual(a.subheadings, [], 'numbered label：value lines are form fields, not headings');
  assert.equal(a.provenance.title, 'computed');
  assert.ok(a.diagnostics.some((d) => d.rule === 'extract/title'));
});

about('editor-note', 'body-structure', '编者按 and its paragraphs become a blockquote', async () => {
  const a = await page('body-structure');
  assert.match(a.body, /^> 编者按：\n>\n> 光谷科创大走廊/u);
  assert.ok(!a.subheadings.includes('编者按：'));
});

about('captions', 'body-structure', '…效果图 and …摄 are captions, not headings', async () => {
  const a = await page('body-structure');
  assert.deepEqual(a.captions, ['光谷南部新型显示模组工厂效果图', '实验室科研人员正在调试设备 李明 摄']);
  assert.ok(a.body.includes('\n*光谷南部新型显示模组工厂效果图*\n'));
});

about('subheadings', 'body-structure', 'short unpunctuated lines heading paragraphs become ##', async () => {
  const a = await page('body-structure');
  assert.deepEqual(a.subheadings, ['重大项目跑出加速度', '创新平台持续集聚']);
  assert.ok(a.body.includes('\n## 重大项目跑出加速度\n'));
});

about('parks', 'parks', 'canonical names (经济技术开发区 -> 经开区), most central first, generic mentions skipped', async () => {
  const a = await page('parks');
  assert.equal(a.park, '广州经开区');
  assert.deepEqual(a.parks, ['广州经开区', '南沙自贸区', '黄埔综保区']);
  assert.equal((await page('inferred-date')).park, '青岛西海岸新区');
});

about(
  'inferred-date',
  'inferred-date',
  'an article file: its latest event in the year it calls its own (今年, 2023年); 到2035年 is a target, not the year',
  async () => {
    const a = await page('inferred-date');
    assert.equal(a.date, '2023-10-25');
    assert.equal(a.provenance.date, 'inferred');
    const none = await page('header-furniture');
    assert.equal(none.date, null, 'a month-day with no year anywhere gives no date');
  },
);

test('title: a 【label】-led first line is the headline even when it ends in 。', async () => {
  const a = await page('labelled-headline');
  assert.equal(a.title, '【园区观察】创新券为何在高新区用不完？问题出在兑现流程。');
  assert.equal(a.provenance.title, 'explicit');
  assert.ok(a.body.startsWith('今年以来'));
});

about('stand-in-title', 'no-title', 'no headline-shaped first line is a warning naming the line; the first words stand in', async () => {
  const a = await page('no-title');
  assert.equal(a.provenance.title, 'computed');
  assert.ok(a.title.startsWith('昨天，昆山高新区'));
  const d = a.diagnostics.find((x) => x.rule === 'extract/title');
  assert.ok(d && d.severity === 'warning' && d.line === 1 && d.file === 'no-title.txt');
});

test('stand-in-title: the first words are read after the lead, so the title starts with the story', async () => {
  const a = await page('lead-no-title');
  assert.equal(a.provenance.title, 'computed');
  assert.ok(a.title.startsWith('新竹科学园区今年第二季营业额'), a.title);
  assert.deepEqual(a.authors, ['林志远']);
});

test('front-matter: editor values win; wrong types are errors naming the key and the extracted value is used', async () => {
  const a = await page('front-matter');
  assert.equal(a.title, '编辑写的标题');
  assert.equal(a.provenance.title, 'editor');
  assert.equal(a.source, '编辑部');
  assert.equal(a.views, 300);
  assert.equal(a.series, '园区观察');
  assert.equal(a.date, '2024-03-20T18:44:00+08:00', 'date: tomorrow is rejected, the dateline is used');
  assert.equal(a.provenance.date, 'explicit');
  assert.deepEqual(a.keywords, []);
  const errors = a.diagnostics.filter((d) => d.rule === 'extract/front-matter-type');
  assert.deepEqual(
    errors.map((d) => d.message.match(/"(\w+)"/u)?.[1]),
    ['date', 'keywords'],
  );
  assert.ok(errors.every((d) => d.severity === 'error' && d.file === 'front-matter.txt'));
  assert.deepEqual(
    errors.map((d) => d.line),
    [3, 4],
    "each error points at its key's line",
  );
});

test('diagnostics point at original lines: the front-matter and blank lines are counted', async () => {
  const a = await page('front-matter-offset');
  const d = a.diagnostics.find((x) => x.rule === 'extract/title');
  assert.equal(d?.line, 6, 'the first text line is line 6 of the file');
});

about('markdown-blocks', 'markdown-body.md', 'a markdown body keeps its ##, > and *caption* lines; it renders back to itself', async () => {
  const a = await page('markdown-body.md');
  assert.equal(a.title, '苏州工业园区发布生物医药新政');
  assert.deepEqual(a.subheadings, ['重点支持创新药研发']);
  assert.deepEqual(a.captions, ['园区生物医药产业园效果图']);
  assert.match(a.body, /^> 编者按：\n>\n> 生物医药是园区的主导产业之一。\n\n苏州工业园区今天发布/u);
  assert.ok(a.body.includes('\n\\- 以上政策'), 'an escaped line stays escaped, not doubled');
  assert.ok(a.summary.startsWith('苏州工业园区今天发布'));
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(path.join(dir, 'markdown-body.md'), 'utf8');
  assert.equal(a.body, source.slice(source.indexOf('> 编者按')));
});

test('front-matter: control characters are removed from editor values with a warning naming the key', async () => {
  const a = await page('control-characters.md');
  assert.equal(a.title, '园区新闻标题');
  assert.deepEqual(a.authors, ['张三']);
  const keys = a.diagnostics.filter((d) => d.rule === 'extract/control-characters').map((d) => d.message.match(/"(\w+)"/u)?.[1]);
  assert.deepEqual(keys, ['title', 'authors']);
});

about('markup', 'markup', 'HTML in the article text is reported with its line and stays text; math is not markup', async () => {
  const a = await page('markup');
  const found = a.diagnostics.filter((d) => d.rule === 'extract/markup').map((d) => [d.line, d.severity]);
  assert.deepEqual(found, [
    [2, 'warning'],
    [4, 'warning'],
  ]);
  assert.ok(a.body.includes('onerror'), 'the text is kept, to be escaped by the renderer');
});

about(
  'title',
  'portal-page',
  'the headline is the line with the dateline and the article right below, not the site name, a menu entry or a subtitle',
  async () => {
    const a = await page('portal-page');
    assert.equal(a.title, '长三角一体化示范区今年新开工项目超百个');
    assert.ok(!a.body.includes('三年行动计划发布'), 'the subtitle under the headline is not article text');
  },
);

about(
  'main-text',
  'portal-page',
  'the article is the run of text under the headline: menus, lists, comments and footer leave',
  async () => {
    const a = await page('portal-page');
    assert.ok(a.body.startsWith('5月11日，长三角生态绿色一体化发展示范区'));
    assert.ok(a.body.trimEnd().endsWith('精准招商。'));
    for (const s of ['江南新闻网', '热门搜索', '人才公寓', '分享到', '相关新闻', '江南小鱼', '家门口就业', 'Copyright'])
      assert.ok(!a.body.includes(s), s);
    assert.deepEqual(a.editors, ['周敏']);
  },
);

test('main-text: a page with no article (a section index of headlines) has no text: it is reported, not published', async () => {
  const result = await processFile(path.join(dir, 'index-page.txt'), dir, defaultConfig(projectRoot));
  assert.equal(result.article, undefined);
  assert.deepEqual(
    result.diagnostics.map((d) => d.rule),
    ['pipeline/no-text'],
  );
});

about('page-date', 'portal-page', 'the dateline under the headline gives date and source', async () => {
  const a = await page('portal-page');
  assert.equal(a.date, '2023-05-12T09:30:00+08:00');
  assert.equal(a.source, '江南日报');
  assert.equal(a.category, '园区', 'the footer row (关于我们 | 联系我们) is no breadcrumb');
});

test("page-date: labels and values on separate lines; a 时间： line inside the text is the text's own", async () => {
  const a = await page('split-dateline');
  assert.equal(a.date, '2023-06-07');
  assert.equal(a.source, '清溪县融媒体中心');
  assert.deepEqual(a.authors, ['李卫东']);
  assert.ok(a.body.includes('时间：2023年7月15日 9:30'), "a meeting's time stays in the notice");
  for (const s of ['发布日期', '来源', '作者']) assert.ok(!a.body.includes(s), s);
});

test('dateline: a Minguo date (112/07/20) after 最新更新：', async () => {
  const a = await page('minguo-dateline');
  assert.equal(a.date, '2023-07-20T14:35:00+08:00');
  assert.ok(a.body.startsWith('新竹科学园区管理局20日公布'));
});

about('header-block', 'header-byline', 'a byline and an outlet between headline and article give authors and source', async () => {
  const a = await page('header-byline');
  assert.equal(a.title, '临港新片区首批跨境数据流动试点启动');
  assert.deepEqual(a.authors, ['王晓明', '陈静']);
  assert.equal(a.source, '临港日报');
  assert.equal(a.views, 368);
  assert.ok(a.body.startsWith('临港新片区2日宣布'));
});

about(
  'comments',
  'comment-thread',
  'a comment thread closes the article: its heading, times, replies and controls leave with the comments',
  async () => {
    const a = await page('comment-thread');
    assert.ok(a.body.trimEnd().endsWith('去年产业规模突破千亿元。'));
    for (const s of ['评论', '钱塘观潮', '小时前', '算力补贴', '点赞']) assert.ok(!a.body.includes(s), s);
  },
);

about('wrapped-lines', 'wrapped-text', 'text hard-wrapped at a fixed width is joined back into its paragraphs', async () => {
  const a = await page('wrapped-text');
  assert.equal(a.title, '园区的春天');
  assert.deepEqual(a.authors, ['林一舟']);
  assert.ok(a.body.includes('研发楼前已经排起了长队'), 'a word cut by the wrap is whole again');
  assert.equal(a.body.trim().split(/\n{2,}/u).length, 4, 'four paragraphs');
  assert.deepEqual(a.subheadings, []);
});

about(
  'site-template',
  'site/c.txt',
  "with the site's template known, menus and footer leave and a table of short lines stays",
  async () => {
    const template = siteTemplate();
    const table = await page('site/c.txt', { template });
    assert.equal(table.title, '第9周工作安排');
    assert.equal(table.date, '2023-04-21');
    assert.equal(table.source, '校办公室');
    for (const s of ['时间', '4月24日', '教研组长会议', '德育处']) assert.ok(table.body.includes(s), s);
    for (const s of ['青禾实验学校', '学校概况', '学生天地', 'Copyright']) assert.ok(!table.body.includes(s), s);
    const news = await page('site/a.txt', { template });
    assert.ok(news.body.startsWith('4月15日'));
    assert.ok(news.body.trimEnd().endsWith('科技创新活动。'));
  },
);

test('every rule in the chain has a fixture and a test here', () => {
  const names = rules.map((r) => r.name);
  assert.equal(new Set(names).size, names.length, 'rule names are unique');
  assert.deepEqual(
    names.filter((n) => !(n in fixtureOf)),
    [],
  );
});
