import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBuilder } from '../../src/run/builder.js';
import { withPreview, type DevBuilder } from '../../src/dev/preview.js';
import { twinBuilders } from '../../src/dev/twins.js';
import { articleUrl, outputPath } from '../../src/model/urls.js';
import { assertSameTree, oneOffBuild, sampleSite, serveDev, tree, testTiming } from './helpers.js';

/** Twin builders in this thread that record, at each build, what the watched file held. */
function recordingTwins(config: Parameters<typeof createBuilder>[0], file: string): DevBuilder & { builtWith: string[] } {
  const twin = () => withPreview(createBuilder(config, { quiet: true, inPlace: true }), config);
  const twins = twinBuilders(twin(), twin());
  const builtWith: string[] = [];
  return {
    ...twins,
    builtWith,
    build(changed, touched) {
      if (changed?.includes(file)) builtWith.push(readFileSync(file, 'utf8'));
      return twins.build(changed, touched);
    },
  };
}

test('dev: a save is previewed as soon as it looks complete; a writer still at it ends on its complete page, never built half-written', async () => {
  const site = await sampleSite();
  const slug = 'early-save';
  const date = '2024-05-01';
  const file = path.join(site.config.contentDir, `${slug}.md`);
  const page = outputPath(articleUrl(slug, date));
  const head = `---\ntitle: "高新区发布新规划"\ndate: "${date}"\nslug: "${slug}"\n---\n\n园区今天发布了新的产业规划，重点支持集成电路企业。\n`;
  const tail = '\n第二段：规划提出三年内建成两个创新中心，并引进一批研发机构。\n';
  const builder = recordingTwins(site.config, file);
  // A long stability wait: the full build follows only once the file has been quiet that long.
  const { server, events, stop } = await serveDev({
    builder,
    outDir: site.config.outDir,
    watch: [site.config.contentDir, site.config.templatesDir],
    timing: { ...testTiming, stabilityMs: 4000 },
    dispose: site.dispose,
  });
  const naming = async (): Promise<string[]> => {
    for (;;) {
      const data = (await events.next('reload', 60_000)).data as { paths?: string[] };
      if (data.paths?.includes(page)) return data.paths;
    }
  };
  try {
    await events.next('state');
    await server.idle(); // the second twin's first build

    await writeFile(file, head);
    const first = await naming();
    assert.ok(first.includes('index.html'), 'the preview names the article page and home');
    assert.deepEqual(builder.builtWith, [], 'on screen before the full build was asked for');
    const shown = await readFile(path.join(site.config.outDir, page), 'utf8');
    assert.match(shown, /集成电路/);
    assert.match(shown, /<\/html>\s*$/, 'the page is complete');

    // The writer was not done: its next write is previewed again, then built once quiet.
    await appendFile(file, tail);
    await naming();
    assert.match(await readFile(path.join(site.config.outDir, page), 'utf8'), /创新中心/, 'the re-preview shows the rest');
    while (builder.builtWith.length === 0) await new Promise((r) => setTimeout(r, 50));
    await server.idle();
    assert.deepEqual(builder.builtWith, [head + tail], 'the full build read the file once, complete');
    const final = await tree(site.config.outDir);
    assert.match(final.get(page)!.toString('utf8'), /集成电路[\s\S]*创新中心/);
    assertSameTree(final, await oneOffBuild(site.config, site.root));
  } finally {
    await stop();
  }
});
