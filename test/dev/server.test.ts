import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDevServer, type DevLog } from '../../src/dev/server.js';
import { EVENTS_PATH } from '../../src/dev/client.js';
import { fakeBuilder, get, openEvents, tempSite } from './helpers.js';

const PAGE = '<!doctype html><html><head><title>{{title}}</title></head><body><h1>{{title}}</h1>{{body}}</body></html>';
/** Short waits keep the suite quick; the defaults are measured by scripts/bench-dev. */
const timing = { stabilityMs: 60, pollMs: 10, batchMs: 20 };

function recorder(): DevLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (l) => lines.push(l), error: (l) => lines.push(l) };
}

async function start(root: string, builder = fakeBuilder(root), waits = timing) {
  const log = recorder();
  const server = await createDevServer({
    builder,
    outDir: path.join(root, 'dist'),
    watch: ['content', 'templates', 'public'].map((d) => path.join(root, d)),
    port: 0,
    timing: waits,
    log,
  });
  return { server, builder, log };
}

test('a dropped article is served with the live-reload client and a reload event is sent; renaming or deleting it removes it', async () => {
  const site = await tempSite();
  await writeFile(path.join(site.root, 'templates', 'page.html'), PAGE);
  await writeFile(path.join(site.root, 'content', 'first.md'), '第一篇\n正文');
  const { server } = await start(site.root);
  const events = await openEvents(new URL(EVENTS_PATH, server.url).href);
  try {
    assert.equal(server.host, '127.0.0.1');
    const state = await events.next('state');
    assert.deepEqual(state.data, { build: 1, problems: [] });

    await writeFile(path.join(site.root, 'content', 'second.md'), '第二篇\n新的正文');
    const reload = await events.next('reload');
    assert.equal((reload.data as { build: number }).build, 2);
    assert.ok((reload.data as { paths: string[] }).paths.includes('second/index.html'));

    const page = await get(new URL('second/', server.url).href);
    assert.equal(page.status, 200);
    assert.match(page.type, /^text\/html/);
    assert.match(page.text, /<h1>第二篇<\/h1>新的正文/);
    assert.match(page.text, new RegExp(`data-parkpress="[^"]*${EVENTS_PATH}`), 'live-reload client injected');
    const onDisk = await readFile(path.join(site.root, 'dist', 'second', 'index.html'), 'utf8');
    assert.ok(!onDisk.includes('data-parkpress'), 'dist/ stays deployable: no client in the files');
    assert.match((await get(server.url)).text, /second\.md/);

    await rename(path.join(site.root, 'content', 'second.md'), path.join(site.root, 'content', 'third.md'));
    await events.next('reload');
    assert.equal((await get(new URL('second/', server.url).href)).status, 404, 'a renamed article leaves its old page');
    assert.equal((await get(new URL('third/', server.url).href)).status, 200);
    assert.doesNotMatch((await get(server.url)).text, /second\.md/);

    await rm(path.join(site.root, 'content', 'third.md'));
    await events.next('reload');
    assert.equal((await get(new URL('third/', server.url).href)).status, 404);
    assert.doesNotMatch((await get(server.url)).text, /third\.md/);
  } finally {
    events.close();
    await server.close();
    await site.dispose();
  }
});

test('a broken template shows an overlay in the terminal and browser, keeps serving, and fixing it clears it', async () => {
  const site = await tempSite();
  const template = path.join(site.root, 'templates', 'page.html');
  await writeFile(template, PAGE);
  await writeFile(path.join(site.root, 'content', 'a.md'), '标题\n正文');
  const { server, log } = await start(site.root);
  const events = await openEvents(new URL(EVENTS_PATH, server.url).href);
  try {
    await events.next('state');
    await writeFile(template, PAGE.replace('<body>', '<body>{% if'));
    const broken = await events.next('problems');
    const [problem] = (broken.data as { problems: { file: string; message: string }[] }).problems;
    assert.equal(problem?.file, 'templates/page.html');
    assert.match(problem?.message ?? '', /unexpected end of block tag/);
    assert.ok(
      log.lines.some((l) => l.includes('templates/page.html') && l.includes('unexpected end of block tag')),
      'terminal shows it',
    );

    const page = await get(new URL('a/', server.url).href);
    assert.equal(page.status, 200, 'the last good build is still served');
    assert.match(page.text, /<h1>标题<\/h1>/);
    assert.match(page.text, /unexpected end of block tag/, 'a page opened now gets the overlay too');
    assert.deepEqual(server.problems().length, 1);

    await writeFile(template, PAGE.replace('<h1>', '<h1 class="fixed">'));
    const fixed = await events.next('problems');
    assert.deepEqual(fixed.data, { problems: [] });
    await events.next('reload');
    assert.match((await get(new URL('a/', server.url).href)).text, /<h1 class="fixed">标题/);
    assert.ok(log.lines.some((l) => l.includes('problems fixed')));
    assert.equal(server.problems().length, 0);
  } finally {
    events.close();
    await server.close();
    await site.dispose();
  }
});

test('a file saved in chunks is built only once complete', async () => {
  const site = await tempSite();
  await writeFile(path.join(site.root, 'templates', 'page.html'), PAGE);
  // A pause longer than the stability wait looks like a finished save; keep it far above the
  // gaps between chunks so a busy machine's late timers cannot pass for one.
  const waits = { ...timing, stabilityMs: 1500 };
  const { server, builder } = await start(site.root, fakeBuilder(site.root), waits);
  const events = await openEvents(new URL(EVENTS_PATH, server.url).href);
  try {
    const file = path.join(site.root, 'content', 'big.md');
    const chunks = ['大文件\n', '第一段。'.repeat(2000), '第二段。'.repeat(2000), '完。'];
    await writeFile(file, chunks[0]!);
    for (const chunk of chunks.slice(1)) {
      await new Promise((r) => setTimeout(r, 20));
      await appendFile(file, chunk);
    }
    await events.next('reload');
    await server.idle();
    const full = chunks.join('');
    assert.deepEqual(
      builder.seen.get('big.md')?.map((text) => text.length),
      [full.length],
      'read once, complete, never half-written',
    );
    assert.equal(builder.seen.get('big.md')?.[0], full);
  } finally {
    events.close();
    await server.close();
    await site.dispose();
  }
});

test('copying many files at once is batched into few rebuilds, each handed the changed paths', async () => {
  const site = await tempSite();
  await writeFile(path.join(site.root, 'templates', 'page.html'), PAGE);
  const { server, builder } = await start(site.root);
  try {
    const count = 300;
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        writeFile(path.join(site.root, 'content', `n${String(i).padStart(3, '0')}.md`), `第${i}篇\n正文`),
      ),
    );
    const deadline = Date.now() + 15_000;
    while (builder.seen.size < count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      await server.idle();
    }
    assert.equal(builder.seen.size, count);
    const rebuilds = builder.calls.slice(1);
    assert.equal(builder.calls[0], undefined, 'the first build rescans everything');
    assert.ok(rebuilds.length <= count / 10, `${rebuilds.length} rebuilds for ${count} files`);
    const handed = new Set(rebuilds.flatMap((c) => c ?? []));
    assert.equal(handed.size, count);
    assert.ok([...handed].every((p) => path.isAbsolute(p) && p.endsWith('.md')));
  } finally {
    await server.close();
    await site.dispose();
  }
});

test('editor swap files, dot-folders and backups do not trigger builds', async () => {
  const site = await tempSite();
  await writeFile(path.join(site.root, 'templates', 'page.html'), PAGE);
  const { server, builder } = await start(site.root);
  try {
    await writeFile(path.join(site.root, 'content', '.a.md.swp'), 'x');
    await writeFile(path.join(site.root, 'content', 'a.md~'), 'x');
    await writeFile(path.join(site.root, 'content', 'visible.md'), '可见\n');
    const deadline = Date.now() + 10_000;
    while (!builder.seen.has('visible.md') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 30));
    await server.idle();
    const handed = builder.calls.slice(1).flatMap((c) => c ?? []);
    assert.deepEqual(
      handed.map((p) => path.basename(p)),
      ['visible.md'],
    );
  } finally {
    await server.close();
    await site.dispose();
  }
});

test('a config change re-creates the builder and rebuilds everything; a bad config is shown until fixed', async () => {
  const site = await tempSite();
  await writeFile(path.join(site.root, 'templates', 'page.html'), PAGE);
  const configFile = path.join(site.root, 'parkpress.config.json');
  const builders: ReturnType<typeof fakeBuilder>[] = [];
  const server = await createDevServer({
    builder: fakeBuilder(site.root),
    outDir: path.join(site.root, 'dist'),
    watch: [path.join(site.root, 'content')],
    reconfigure: {
      files: [configFile],
      load: async () => {
        const config = JSON.parse(await readFile(configFile, 'utf8')) as { title?: unknown };
        if (typeof config.title !== 'string') throw new Error('parkpress.config.json: title: expected a string');
        const next = fakeBuilder(site.root);
        builders.push(next);
        return next;
      },
    },
    port: 0,
    timing,
    log: recorder(),
  });
  const events = await openEvents(new URL(EVENTS_PATH, server.url).href);
  try {
    await events.next('state');
    await writeFile(configFile, '{"title": 1}');
    const bad = (await events.next('problems')).data as { problems: { rule: string; message: string }[] };
    assert.deepEqual(
      bad.problems.map((p) => p.rule),
      ['config/invalid'],
    );
    assert.match(bad.problems[0]!.message, /title: expected a string/);

    await writeFile(configFile, '{"title": "园区新闻"}');
    assert.deepEqual((await events.next('problems')).data, { problems: [] });
    await server.idle();
    assert.equal(builders.length, 1);
    assert.deepEqual(builders[0]!.calls, [undefined], 'the new builder rebuilds everything');
  } finally {
    events.close();
    await server.close();
    await site.dispose();
  }
});
