// The dev preview and 栏目: a save that opens a section shows its page at once; one that empties
// a section (every page's header may link to it) is left to the full build (issue 19).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBuilder } from '../../src/run/builder.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { withPreview } from '../../src/dev/preview.js';
import { projectRoot } from '../helpers/paths.js';
import { tempSite } from './helpers.js';

/** An article of our own whose page states its section in a breadcrumb line (or none). */
const article = (breadcrumb: string): string => `${breadcrumb}
园区企业服务专员制度全面推行
2024-06-18 09:00 来源：园区日报
园区管委会近日宣布，企业服务专员制度在全区全面推行，每家重点企业配备一名服务专员。
服务专员负责协调用地、用工、融资等事项，问题办结情况每月公开。
`;

test('dev preview: a breadcrumb that opens a section writes its page and index; emptying it waits for the full build', async () => {
  const site = await tempSite();
  try {
    for (const name of (await readdir(path.join(projectRoot, 'content'))).filter((n) => n.endsWith('.txt')))
      await copyFile(path.join(projectRoot, 'content', name), path.join(site.root, 'content', name));
    const config = defaultConfig(site.root);
    const out = config.outDir;
    const builder = withPreview(createBuilder(config, { quiet: true, inPlace: true }), config);
    const read = (p: string) => readFile(path.join(out, p), 'utf8');
    await builder.build();
    const section = 'sections/园区服务/index.html';
    assert.ok(!existsSync(path.join(out, section)));

    const extra = path.join(site.root, 'content', 'extra.txt');
    await writeFile(extra, article('当前位置：首页 > 园区服务 > 正文'));
    const up = await builder.preview!([extra]);
    assert.ok(up, 'the change is previewed');
    assert.ok(up.paths!.includes(section) && up.paths!.includes('sections/index.html'), up.paths!.join(' '));
    const page = await read(up.paths!.find((p) => p.startsWith('articles/') && !p.startsWith('zh-hant'))!);
    assert.match(page, new RegExp(`<nav class="breadcrumb"[\\s\\S]*href="${encodeURI('/sections/园区服务/')}">园区服务</a>`));
    await builder.build([extra]);

    await writeFile(extra, article(''));
    assert.equal(await builder.preview!([extra]), undefined, 'no preview when a section loses its page');
    await builder.build([extra]);
    assert.ok(!existsSync(path.join(out, section)));
    const href = encodeURI('/sections/园区服务/');
    for (const p of (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html')))
      assert.ok(!(await read(p)).includes(href), `${p} does not link to the emptied section`);
  } finally {
    await site.dispose();
  }
});
