import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discoverSources, loadSource } from '../../../src/stages/load/index.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { projectRoot } from '../../helpers/paths.js';

test('discovers the five samples in content/, sorted', async () => {
  const files = await discoverSources(path.join(projectRoot, 'content'));
  assert.equal(files.length, 5);
  assert.ok(files.every((f) => path.isAbsolute(f)));
  assert.deepEqual(
    files.map((f) => path.basename(f)),
    [...files.map((f) => path.basename(f))].sort(),
  );
});

test('walks sub-folders, keeps .txt/.md only, skips dot-folders, sorts by code unit, survives symlink loops and lists broken links', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-discover-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const rel of ['b.txt', 'a/z.md', 'a/B.TXT', 'Z.txt', '新闻/一.txt', '.git/x.txt', 'a/.hidden.txt', 'a/notes.docx', 'img.png']) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), '正文');
  }
  symlinkSync(dir, path.join(dir, 'a', 'loop'));
  symlinkSync('self.txt', path.join(dir, 'self.txt'));
  symlinkSync('gone.txt', path.join(dir, 'dangling.md'));
  const rel = (await discoverSources(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/'));
  // The broken links are listed so that loading reports them; the folder loop is walked once.
  assert.deepEqual(rel, ['Z.txt', 'a/B.TXT', 'a/z.md', 'b.txt', 'dangling.md', 'self.txt', '新闻/一.txt']);
  const { diagnostics } = await loadSource(path.join(dir, 'self.txt'), dir, defaultConfig('/').limits);
  assert.equal(diagnostics[0]!.rule, 'load/unreadable');
  assert.match(diagnostics[0]!.message, /ELOOP/);
});
