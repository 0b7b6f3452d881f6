// The line parsers behind the rules, on every form the issue lists (after normalize, colons may be
// full-width or ASCII; both are accepted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateline } from '../../../src/stages/extract/rules/dateline.js';
import { parseBreadcrumb, sectionOf } from '../../../src/stages/extract/rules/breadcrumb.js';
import { parseSeries } from '../../../src/stages/extract/rules/series.js';
import { parseKeywords } from '../../../src/stages/extract/rules/keywords-line.js';
import { inferDate } from '../../../src/stages/extract/rules/inferred-date.js';
import { namesOnly } from '../../../src/stages/extract/core/names.js';
import { findDates, formatDate, parseDateString } from '../../../src/stages/extract/core/dates.js';
import { findParks, zoneForms } from '../../../src/text/zones.js';
import { isCandidate, isHeadline, withoutSiteName } from '../../../src/stages/extract/core/headline-shape.js';

test('zone names: place prefix kept, country and generic words dropped, long suffixes shortened', () => {
  const names = (t: string): string[] => findParks(t).map((p) => p.name);
  assert.deepEqual(names('中国西安高新区发布新政'), ['西安高新区']);
  assert.deepEqual(names('在全国169家国家高新区综合评价中'), []);
  assert.deepEqual(names('苏州工业园区和合肥经济技术开发区'), ['苏州工业园区', '合肥经开区']);
  assert.deepEqual(names('完善高新区环状交通路网'), []);
  assert.deepEqual(names('中国汽车产业园和科技工业园区'), [], 'an industry word names a kind of park, not which one');
});

test('a zone is named in its canonical, long and city-less forms', () => {
  assert.deepEqual(zoneForms('南京江北新区'), ['南京江北新区', '江北新区']);
  assert.deepEqual(zoneForms('广州经开区'), ['广州经济技术开发区', '广州经开区']);
  assert.deepEqual(zoneForms('镇江高新区'), ['镇江高新技术产业开发区', '镇江高新区']);
});

test('datelines in every listed form give ISO 8601 in +08:00', () => {
  const cases: [string, object][] = [
    ['2021-01-27 11:32:00  来源：中国江苏网', { date: '2021-01-27T11:32:00+08:00', source: '中国江苏网' }],
    ['时间:2024-03-20 18:44   来源:新华网   阅读量:6911', { date: '2024-03-20T18:44:00+08:00', source: '新华网', views: 6911 }],
    ['发布时间：2011-03-29', { date: '2011-03-29' }],
    ['发稿时间：2021/6/9', { date: '2021-06-09' }],
    ['2024年3月20日 18:44', { date: '2024-03-20T18:44:00+08:00' }],
    ['2024.03.20', { date: '2024-03-20' }],
    ['信息来源：园区管委会 作者：张三 点击数：12', { source: '园区管委会', authors: ['张三'], views: 12 }],
    ['稿源：经济日报 发布人：李四', { source: '经济日报', authors: ['李四'] }],
  ];
  for (const [line, want] of cases) assert.deepEqual(parseDateline(line), want, line);
});

test('datelines as portals glue them: names beside the date, labels without colons, counters, Western and Minguo dates', () => {
  const cases: [string, object][] = [
    ['市第一中学　2016-04-12', { date: '2016-04-12', source: '市第一中学' }],
    ['原创 江城晚报 2020-06-18 16:20:05', { date: '2020-06-18T16:20:05+08:00', source: '江城晚报' }],
    ['2020-05-06 08:15来源：江东日报作者：杨帆', { date: '2020-05-06T08:15:00+08:00', source: '江东日报', authors: ['杨帆'] }],
    ['2021-03-04 21:30江南日报 记者何敏／杭州报导', { date: '2021-03-04T21:30:00+08:00', authors: ['何敏'], source: '江南日报' }],
    ['lanshan 发表于 2006-3-8 10:12:00', { date: '2006-03-08T10:12:00+08:00', authors: ['lanshan'] }],
    ['发表于2019-03-14 20:45|', { date: '2019-03-14T20:45:00+08:00' }],
    ['2005-11-21 阅读862次', { date: '2005-11-21', views: 862 }],
    ['更新日期： 2023年6月7日', { date: '2023-06-07' }],
    ['2011年10月11来源：江北日报', { date: '2011-10-11', source: '江北日报' }],
    ['出版时间：2017/08/03 09:26', { date: '2017-08-03T09:26:00+08:00' }],
    ['发表时间： 07/03/2021 - 15:05', { date: '2021-03-07T15:05:00+08:00' }],
    ['9/21/2003 4:16:08 PM', { date: '2003-09-21T16:16:08+08:00' }],
    ['最新更新：109/04/15 08:32', { date: '2020-04-15T08:32:00+08:00' }],
    ['民国105年3月19日', { date: '2016-03-19' }],
    ['09:452017/06/23', { date: '2017-06-23' }],
    ['2021年06月08日07:15 | 来源：江海日报', { date: '2021-06-08T07:15:00+08:00', source: '江海日报' }],
    ['来源：国际在线　参与互动（0）', { source: '国际在线' }],
    ['时间：2023年7月15日 9:30', { date: '2023-07-15T09:30:00+08:00', eventLike: true }],
  ];
  for (const [line, want] of cases) assert.deepEqual(parseDateline(line), want, line);
});

test('not datelines: list entries with a date, form fields, words ending like a label', () => {
  assert.equal(parseDateline('第六届论坛在江城开幕（2006-12-19）[836]'), null);
  assert.equal(parseDateline('（1）发生变动日期：108/07/29'), null);
  assert.equal(parseDateline('相关评论：'), null);
  assert.equal(parseDateline('[点此收藏本文] 发表于2006年04月12日 10:35 AM')?.authors, undefined);
});

test('a sentence that starts with a date, or an impossible date, is not a dateline', () => {
  assert.equal(parseDateline('2021年1月27日，镇江高新区召开大会。'), null);
  assert.equal(parseDateline('时间：2024-02-30'), null);
  assert.equal(parseDateline('来源：这是一个很长很长的句子而不是一个来源名称，因为它一直在说下去没有停下来的意思啊'), null);
});

test('breadcrumbs with and without a label', () => {
  assert.deepEqual(parseBreadcrumb('当前位置：首页 -> 财经'), ['首页', '财经']);
  assert.deepEqual(parseBreadcrumb('首页 > 新闻中心 > 园区动态'), ['首页', '新闻中心', '园区动态']);
  assert.deepEqual(parseBreadcrumb('您所在的位置：首页 >> 园区新闻 >> 正文'), ['首页', '园区新闻', '正文']);
  assert.equal(parseBreadcrumb('项目 > 预期'), null);
});

test('the section a breadcrumb names: its last crumb, never 首页 or the page itself', () => {
  assert.equal(sectionOf(parseBreadcrumb('当前位置：首页 -> 财经')!), '财经');
  assert.equal(sectionOf(parseBreadcrumb('您所在的位置：首页 >> 园区新闻 >> 正文')!), '园区新闻');
  assert.equal(sectionOf(parseBreadcrumb('当前位置：首页 > 资讯中心 > 科技动态 > 文章详情')!), '科技动态');
  assert.equal(sectionOf(['首页', ' 招商 ', '详情页']), '招商');
  assert.equal(sectionOf(['网站首页', '正文']), undefined);
  // A menu of course names with ASCII commas is no trail (培训/咨询 is not a section).
  assert.equal(parseBreadcrumb('C#/.NET, C++/CLI 培训/咨询'), null);
});

test('series labels', () => {
  assert.equal(parseSeries('“奋力奔跑·开新局”系列报道②'), '奋力奔跑·开新局');
  assert.equal(parseSeries('【砥砺奋进】系列报道之三'), '砥砺奋进');
  assert.equal(parseSeries('镇江高新区推出系列服务举措，企业纷纷点赞。'), null);
});

test('keyword lines split on spaces, semicolons and commas', () => {
  assert.deepEqual(parseKeywords('关键词：镇江高新区 项目建设'), ['镇江高新区', '项目建设']);
  assert.deepEqual(parseKeywords('标签：新区；镇江；生态'), ['新区', '镇江', '生态']);
  assert.equal(parseKeywords('关键是要抓好落实'), null);
});

test('names-only lines need every token to be a plausible personal name', () => {
  assert.deepEqual(namesOnly('黄颢 朱大智 郭晶'), ['黄颢', '朱大智', '郭晶']);
  assert.deepEqual(namesOnly('欧阳娜娜'), ['欧阳娜娜']);
  assert.equal(namesOnly('产业拓新 格局描画'), null);
});

test('inferred dates: the day the text names (edition, dispatch with its date, today named), on any page', () => {
  assert.equal(inferDate('本报记者 张三\n《江南日报》（2021年06月08日 03版）', false), '2021-06-08');
  assert.equal(inferDate('新华社北京2023年3月20日电 会议今天举行。', false), '2023-03-20');
  assert.equal(inferDate('2023年，园区发展迅速。今天（5月9日），园区举行签约仪式。', false), '2023-05-09');
  assert.equal(inferDate('5月9日（今天），园区举行签约仪式。', false), null, 'without a year of its own, no date');
});

test('inferred dates: an article file is dated by its latest event in the year it calls its own; a page dump is not', () => {
  assert.equal(inferDate('今年，2021年度，园区建设了公园。10月29日，签约。11月21日，公园开放。', true), '2021-11-21');
  assert.equal(inferDate('2022年，全区项目增多。今年将再建十个。\n2月26日下午，书记带队调研。', true), '2022-02-26');
  assert.equal(
    inferDate('2022年，全区项目增多。\n2月26日下午，书记带队调研。', true),
    null,
    'the text must speak of its present year (今年)',
  );
  assert.equal(inferDate('今年，2021年度，园区建设了公园。11月21日，公园开放。', false), null);
  assert.equal(
    inferDate('1974年创刊的杂志今年改版，主编1932年出生。9月14日，新刊发行。', true),
    null,
    "founding and birth years are the past, not the text's year",
  );
  assert.equal(
    inferDate('2017年6月6日，高新区成立。4月23日，人才公寓交付。', true),
    null,
    "a year inside a full date is that event's, not the text's",
  );
  assert.equal(inferDate('项目预计2026年完工。12月17日，项目开工。', true), null, "a target year is not the text's");
  assert.equal(inferDate('到2035年建成。3月8日，签约。', true), null);
  assert.equal(inferDate('3月8日，签约。', true), null);
  assert.equal(
    inferDate('今年5G起步，2024年覆盖率可达45%，2030年进入爆发期。10月22日，公司公布计划。', true),
    null,
    "several years: none is clearly the text's",
  );
});

test('findDates: year-first, day-first year-last, Minguo; AM/PM; invalid days skipped', () => {
  const iso = (text: string): string[] => findDates(text).map((d) => formatDate(d.parts));
  assert.deepEqual(iso('2024年2月30日 2024年2月29日'), ['2024-02-29']);
  assert.deepEqual(iso('07/03/2021'), ['2021-03-07'], 'day first when both could be a month');
  assert.deepEqual(iso('12/25/2021 11:57 AM'), ['2021-12-25T11:57:00+08:00']);
  assert.deepEqual(iso('12:05 AM 1/2/2020'), ['2020-02-01']);
  assert.deepEqual(iso('民國108年11月7日'), ['2019-11-07']);
  assert.deepEqual(iso('110/220/330'), [], 'slashes between other numbers are no Minguo date');
});

test('editor dates accept ISO and Chinese forms and reject words', () => {
  assert.equal(parseDateString('2024-03-20'), '2024-03-20');
  assert.equal(parseDateString('2024-03-20T18:44:00+08:00'), '2024-03-20T18:44:00+08:00');
  assert.equal(parseDateString('2024年3月20日 18:44'), '2024-03-20T18:44:00+08:00');
  assert.equal(parseDateString('tomorrow'), null);
});

test('editor dates: an ISO timestamp loses its fractional seconds and must be a real time', () => {
  // toISOString() output used to pass through and stop the build in the RSS feed (issue 18).
  assert.equal(parseDateString('2024-03-01T08:00:00.000Z'), '2024-03-01T08:00:00Z');
  assert.equal(parseDateString(' 2024-03-01T08:00:00.5+08:00 '), '2024-03-01T08:00:00+08:00');
  assert.equal(parseDateString('2024-03-01T08:00+08:00'), '2024-03-01T08:00+08:00', 'unchanged without a fraction');
  for (const bad of ['2024-13-01T08:00:00Z', '2024-02-30T08:00:00Z', '2024-03-01T25:00:00Z', '2024-03-01T08:00:00+99:00'])
    assert.equal(parseDateString(bad), null, bad);
});

test('headline shape: short, unclosed, mostly Chinese; cut before a site name; never a list entry, byline, form field or table row', () => {
  assert.ok(isHeadline('园区迎来新一批重点项目'));
  assert.ok(isHeadline('1985年'), 'a short headline of figures');
  assert.ok(isHeadline('她辞去高薪回到家乡 只提了一个要求……'), 'cut short by the page');
  assert.ok(isHeadline('她辞去高薪回到家乡 只提了一个要求…'), 'cut short with one ellipsis character');
  assert.ok(!isHeadline('园区今天迎来一批新项目。'));
  assert.equal(withoutSiteName('园区迎来新一批重点项目_江南新闻网'), '园区迎来新一批重点项目');
  assert.equal(withoutSiteName('园区迎来新一批重点项目 | 园区 | 江南日报'), '园区迎来新一批重点项目');
  assert.equal(
    withoutSiteName('园区一周看点 | 春耕备耕正当时'),
    '园区一周看点 | 春耕备耕正当时',
    'a column name before a bar is part of the headline',
  );
  const line = (text: string) => ({ text, line: 1, role: 'body' as const });
  assert.ok(isCandidate(line('园区迎来新一批重点项目')));
  for (const text of [
    '- 园区迎来新一批重点项目',
    '本报记者 王晓明 陈静',
    '——热烈祝贺大会开幕',
    '主管或诉讼及非讼代理人）：发言人',
    '4.相互持股比例：不适用',
    '预计换股作业计划：不适用',
    '营业收入         269,558仟元      620,703仟元',
    '首页 | 新闻 | 园区 | 财经',
  ]) {
    assert.ok(!isCandidate(line(text)), text);
  }
});
