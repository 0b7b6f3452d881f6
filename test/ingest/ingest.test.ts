import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultConfig } from '../../src/config/defaults.js';
import { splitFrontMatter } from '../../src/stages/load/frontmatter.js';
import { ingest, RAW_DIR } from '../../src/ingest/index.js';
import { INGEST_FIELDS } from '../../src/ingest/fields.js';
import type { Config } from '../../src/model/index.js';
import { fakeProcessFile, snapshot, tempContent } from './helpers.js';

const RAW = '首页 > 新闻\n高新区新闻标题\n来源：中国江苏网\n第一段正文。\n第二段正文。\n';

function options(dir: string, dryRun = false) {
  return { config: { ...defaultConfig(path.dirname(dir)), contentDir: dir }, dryRun, processFile: fakeProcessFile };
}

test('a raw .txt becomes an .md with every field, its provenance and the clean body; the original moves to .raw/', async () => {
  const { dir, dispose } = await tempContent();
  try {
    await mkdir(path.join(dir, '2024'));
    await writeFile(path.join(dir, '2024', 'a.txt'), RAW);
    const result = await ingest([path.join(dir, '2024', 'a.txt')], options(dir));
    assert.deepEqual(
      result.actions.map((a) => [a.kind, a.file]),
      [['convert', '2024/a.txt']],
    );
    assert.deepEqual(result.diagnostics, []);

    assert.deepEqual(Object.keys(await snapshot(dir)).sort(), [`${RAW_DIR}/2024/a.txt`, '2024/a.md']);
    assert.equal(await readFile(path.join(dir, RAW_DIR, '2024', 'a.txt'), 'utf8'), RAW, 'original kept byte for byte');

    const md = await readFile(path.join(dir, '2024', 'a.md'), 'utf8');
    const { data, body } = splitFrontMatter(md);
    assert.deepEqual(Object.keys(data), [...INGEST_FIELDS, 'provenance']);
    assert.equal(data.title, '首页 > 新闻');
    assert.equal(data.source, '中国江苏网');
    assert.equal(data.date, null, 'unknown values are written as null for the editor to fill in');
    assert.deepEqual(data.keywords, []);
    assert.deepEqual(data.provenance, {
      title: 'explicit',
      source: 'explicit',
      original_script: 'computed',
      slug: 'computed',
      summary: 'computed',
    });
    assert.equal(body, '\n高新区新闻标题\n\n第一段正文。\n\n第二段正文。\n');
  } finally {
    await dispose();
  }
});

test('running ingest twice changes nothing the second time, byte for byte', async () => {
  const { dir, dispose } = await tempContent();
  try {
    await writeFile(path.join(dir, 'a.txt'), RAW);
    await writeFile(path.join(dir, 'b.txt'), RAW.replace('中国江苏网', '新华网'));
    await writeFile(path.join(dir, 'c.md'), '---\ntitle: 编辑写的\n---\n\n正文\n');
    const all = (names: string[]) => names.map((n) => path.join(dir, n));
    await ingest(all(['a.txt', 'b.txt', 'c.md']), options(dir));
    const first = await snapshot(dir);
    const again = await ingest(all(['a.md', 'b.md', 'c.md']), options(dir));
    assert.deepEqual(
      again.actions.map((a) => a.kind),
      ['unchanged', 'unchanged', 'unchanged'],
    );
    assert.deepEqual(await snapshot(dir), first);
  } finally {
    await dispose();
  }
});

test('fields an editor set are never overwritten; comments and keys ingest does not know survive', async () => {
  const { dir, dispose } = await tempContent();
  try {
    const editorYaml =
      '# 已核对\ntitle: 编辑改过的标题  # 原标题有误\ndate: 2021-01-27T11:32:00+08:00\nkeywords: [镇江, 新区]\ndraft: true\n';
    await writeFile(path.join(dir, 'a.md'), `---\n${editorYaml}---\n\n高新区新闻标题\n来源：中国江苏网\n正文。\n`);
    await writeFile(path.join(dir, 'b.txt'), `---\nsource: 镇江日报\n---\n${RAW}`);
    const result = await ingest([path.join(dir, 'a.md'), path.join(dir, 'b.txt')], options(dir));
    assert.deepEqual(
      result.actions.map((a) => a.kind),
      ['fill', 'convert'],
    );

    const a = await readFile(path.join(dir, 'a.md'), 'utf8');
    assert.ok(a.startsWith(`---\n${editorYaml}`), "the editor's lines stay exactly as written");
    assert.ok(a.endsWith('---\n\n高新区新闻标题\n来源：中国江苏网\n正文。\n'), 'an .md keeps its body as written');
    const { data } = splitFrontMatter(a);
    assert.equal(data.title, '编辑改过的标题');
    assert.equal(data.draft, true);
    assert.equal(data.source, '中国江苏网');
    const provenance = data.provenance as Record<string, string>;
    assert.equal(provenance.source, 'explicit');
    for (const key of ['title', 'date', 'keywords']) assert.ok(!(key in provenance), `${key} is the editor's`);

    const b = splitFrontMatter(await readFile(path.join(dir, 'b.md'), 'utf8')).data;
    assert.equal(b.source, '镇江日报');
    assert.ok(!('source' in (b.provenance as object)));

    // A file ingested before whose editor deleted a field: the field comes back, provenance updated in place.
    await writeFile(path.join(dir, 'c.md'), a.replace(/^source: .*\n/m, ''));
    await ingest([path.join(dir, 'c.md')], options(dir));
    const c = splitFrontMatter(await readFile(path.join(dir, 'c.md'), 'utf8')).data;
    assert.equal(c.source, '中国江苏网');
    assert.equal(c.title, '编辑改过的标题');
    assert.deepEqual(c.provenance, provenance);
  } finally {
    await dispose();
  }
});

test('values that YAML would misread come back exactly as extracted', async () => {
  const { dir, dispose } = await tempContent();
  try {
    const tricky = ['no', '2021-01-27T11:32:00+08:00', '18:44', '"引号" \\ 反斜杠', '1e3', '- 列表', 'null', '#号', ': 冒号'];
    await writeFile(path.join(dir, 'a.txt'), `---\nkeywords: ${JSON.stringify(tricky)}\n---\n${RAW}`);
    for (const [i, title] of tricky.entries()) await writeFile(path.join(dir, `t${i}.txt`), `${title}\n正文\n`);
    const files = [path.join(dir, 'a.txt'), ...tricky.map((_, i) => path.join(dir, `t${i}.txt`))];
    await ingest(files, options(dir));
    assert.deepEqual(splitFrontMatter(await readFile(path.join(dir, 'a.md'), 'utf8')).data.keywords, tricky);
    for (const [i, title] of tricky.entries()) {
      const data = splitFrontMatter(await readFile(path.join(dir, `t${i}.md`), 'utf8')).data;
      assert.equal(data.title, title);
      assert.equal(data.summary, '正文');
    }
  } finally {
    await dispose();
  }
});

test('--dry-run reports the plan and writes nothing', async () => {
  const { dir, dispose } = await tempContent();
  try {
    await writeFile(path.join(dir, 'a.txt'), RAW);
    await writeFile(path.join(dir, 'b.md'), '---\ntitle: 标题\n---\n正文\n');
    const before = await snapshot(dir);
    const result = await ingest([path.join(dir, 'a.txt'), path.join(dir, 'b.md')], options(dir, true));
    assert.deepEqual(
      result.actions.map((a) => a.kind),
      ['convert', 'fill'],
    );
    const [convert] = result.actions;
    assert.ok(convert?.kind === 'convert' && convert.target === 'a.md' && convert.rawCopy === `${RAW_DIR}/a.txt`);
    assert.deepEqual(await snapshot(dir), before);
  } finally {
    await dispose();
  }
});

test('refuses, naming the file, rather than overwrite an .md, a different kept original, or a file it cannot read', async () => {
  const { dir, dispose } = await tempContent();
  try {
    await writeFile(path.join(dir, 'a.txt'), RAW);
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: 早已整理\n---\n');
    await writeFile(path.join(dir, 'b.txt'), RAW);
    await mkdir(path.join(dir, RAW_DIR));
    await writeFile(path.join(dir, RAW_DIR, 'b.txt'), 'an older, different original');
    await writeFile(path.join(dir, 'c.txt'), Buffer.from([0, 1, 2]));
    await writeFile(path.join(dir, 'd.md'), '---\ntitle: [unclosed\n---\n正文\n');
    await writeFile(path.join(dir, 'e.txt'), 'the stages throw on this one');
    await writeFile(path.join(dir, 'ok.txt'), RAW);
    const before = await snapshot(dir);
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.md', `${RAW_DIR}/b.txt`, 'e.txt', 'ok.txt'];
    const throwing = async (abs: string, contentDir: string, config: Config) => {
      if (abs.endsWith('e.txt')) throw new Error('a bug in a stage');
      return fakeProcessFile(abs, contentDir, config);
    };
    const result = await ingest(
      names.map((n) => path.join(dir, n)),
      { ...options(dir), processFile: throwing },
    );
    assert.deepEqual(
      result.actions.map((a) => a.kind),
      ['skipped', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped', 'convert'],
    );
    assert.deepEqual(
      result.diagnostics.map((d) => [d.file, d.severity, d.rule]),
      [
        ['a.txt', 'error', 'ingest/target-exists'],
        ['b.txt', 'error', 'ingest/raw-exists'],
        ['c.txt', 'error', 'load/binary'],
        ['d.md', 'error', 'load/front-matter'],
        [`${RAW_DIR}/b.txt`, 'error', 'ingest/hidden'],
        ['e.txt', 'error', 'ingest/internal'],
      ],
    );
    const after = await snapshot(dir);
    for (const n of names.slice(0, 6)) assert.equal(after[n], before[n], `${n} untouched`);
  } finally {
    await dispose();
  }
});

test('refuses links leading out of the content folder, naming them, and leaves their targets alone', async () => {
  const { dir, dispose } = await tempContent();
  const outside = await tempContent();
  try {
    await writeFile(path.join(outside.dir, 'secret.txt'), RAW);
    await mkdir(path.join(outside.dir, 'folder'));
    await writeFile(path.join(outside.dir, 'folder', 'x.txt'), RAW);
    await symlink(path.join(outside.dir, 'secret.txt'), path.join(dir, 'passwd.txt'));
    await symlink(path.join(outside.dir, 'folder'), path.join(dir, 'elsewhere'), 'dir');
    const outsideBefore = await snapshot(outside.dir);
    const result = await ingest(
      ['passwd.txt', 'elsewhere'].map((n) => path.join(dir, n)),
      options(dir),
    );
    assert.deepEqual(
      result.actions.map((a) => a.kind),
      ['skipped', 'skipped'],
    );
    assert.deepEqual(
      result.diagnostics.map((d) => [d.file, d.severity, d.rule]),
      [
        ['passwd.txt', 'error', 'ingest/outside-content'],
        ['elsewhere', 'error', 'ingest/outside-content'],
      ],
    );
    assert.deepEqual(await snapshot(outside.dir), outsideBefore);
    assert.deepEqual((await readdir(dir)).sort(), ['elsewhere', 'passwd.txt']);
  } finally {
    await dispose();
    await outside.dispose();
  }
});
