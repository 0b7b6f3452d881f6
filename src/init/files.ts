// What `parkpress init` writes: a config, one sample article and a .gitignore. The article is
// made up for this purpose (no real zone, outlet or person); it shows the front-matter an editor
// may write and builds without a warning.

/** Path (POSIX, relative to the new site's folder) -> text. */
export const SITE_FILES: ReadonlyMap<string, string> = new Map([
  [
    'parkpress.config.json',
    `${JSON.stringify(
      {
        title: '我的园区新闻',
        description: '高新区、经开区与产业园区的新闻',
        baseUrl: 'http://localhost:8080',
      },
      null,
      2,
    )}\n`,
  ],
  [
    '.gitignore',
    [
      '# parkpress: the built site (a link), its build folders and lock, and the build cache',
      '/dist',
      '/dist.builds/',
      '/dist.lock*',
      '/.parkpress-cache/',
      'node_modules/',
      '',
    ].join('\n'),
  ],
  [
    'content/sample-article.md',
    [
      '---',
      'title: 示例高新区创新服务中心投入使用',
      'date: 2025-03-18T10:00:00+08:00',
      'source: 示例日报',
      'keywords:',
      '  - 创新服务',
      '  - 企业孵化',
      'park: 示例高新区',
      '---',
      '',
      '示例高新区的创新服务中心3月18日起投入使用。中心共五层，为入驻企业提供办公空间、检测设备和法律咨询等服务。',
      '',
      '园区管委会介绍，首批二十余家初创企业已经签约入驻，涉及新材料、智能制造和软件开发等领域。中心还将定期举办技术交流会，帮助企业对接高校和金融机构。',
      '',
      '这是 parkpress init 写下的示例文章：把你自己的稿件（.txt 或 .md）放进 content/ 后，删掉它即可。',
      '',
    ].join('\n'),
  ],
]);
