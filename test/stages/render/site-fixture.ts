import { defaultConfig } from '../../../src/config/defaults.js';
import { buildSite } from '../../../src/stages/site/index.js';
import { factsOf } from '../../../src/run/per-file/facts.js';
import type { Article, Config, Site } from '../../../src/model/index.js';
import { makeArticle } from '../../helpers/articles.js';
import { projectRoot } from '../../helpers/paths.js';

/** A small newsroom: two zones, shared keywords, an undated piece, a hidden duplicate and hostile text. */
export function fixtureArticles(): Article[] {
  return [
    makeArticle({
      file: 'a.txt',
      title: '江北新区集成电路产业再提速',
      date: '2024-03-20T18:44:00+08:00',
      source: '新华网',
      keywords: ['集成电路', '产业项目'],
      park: '南京江北新区',
      parks: ['南京江北新区'],
      views: 6911,
      body: '## 重大项目开工\n\n江北新区集成电路产业项目集中开工，芯片设计企业加快落地。\n\n新区研发主体持续增加。',
    }),
    makeArticle({
      file: 'b.txt',
      title: '江北新区芯片设计企业加快集聚',
      date: '2024-02-02',
      source: '新华网',
      keywords: ['集成电路'],
      park: '南京江北新区',
      parks: ['南京江北新区'],
      views: 120,
      body: '芯片设计企业在江北新区集聚，集成电路产业链日趋完整。',
    }),
    makeArticle({
      file: 'c.txt',
      title: '镇江高新区项目建设提供保姆式服务',
      date: '2021-01-27T11:32:00+08:00',
      source: '中国江苏网',
      views: 500,
      keywords: ['项目建设', '保姆式服务'],
      park: '镇江高新区',
      parks: ['镇江高新区'],
      body: '镇江高新区为企业提供一对一保姆式服务，项目建设跑出加速度。',
    }),
    makeArticle({
      file: 'd.txt',
      title: '镇江高新区人才资源集聚',
      park: '镇江高新区',
      parks: ['镇江高新区'],
      computedKeywords: ['人才', '项目建设'],
      body: '镇江高新区创新集聚人才资源，释放发展强劲动能。',
    }),
    makeArticle({
      file: 'e.txt',
      title: '江北新区集成电路产业再提速（转载）',
      date: '2024-03-21',
      source: '转载网',
      keywords: ['集成电路', '产业项目'],
      park: '南京江北新区',
      parks: ['南京江北新区'],
      duplicateOf: 'a.txt',
      body: '江北新区集成电路产业项目集中开工，芯片设计企业加快落地。',
    }),
    makeArticle({
      file: 'hostile.txt',
      title: '<b>标题</b><script>alert(1)</script>',
      date: '2023-12-01',
      source: '<i>来源</i>',
      keywords: ['<img src=x onerror=alert(2)>'],
      park: '镇江高新区',
      parks: ['镇江高新区'],
      body: '正文里有 <span onclick="x()">标记</span>\n\n<div>整块 HTML</div>\n\n[坏链接](javascript:alert(3))',
    }),
  ];
}

export function fixtureConfig(overrides: Partial<Config> = {}): Config {
  return { ...defaultConfig(projectRoot), pageSize: 2, ...overrides };
}

export function fixtureSite(overrides: Partial<Config> = {}): Site {
  const articles = fixtureArticles();
  return buildSite(articles, factsOf(articles), fixtureConfig(overrides));
}
