import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSource } from '../../../src/stages/load/index.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { fixturesDir, projectRoot } from '../../helpers/paths.js';

const limits = defaultConfig('/').limits;
const refused = path.join(fixturesDir, 'load', 'refused');

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-load-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a sample loads with POSIX relPath, sha256 of the raw bytes and no front-matter', async () => {
  const contentDir = path.join(projectRoot, 'content');
  const file = path.join(contentDir, '001_1464f3ad2492a083.txt');
  const { source, diagnostics } = await loadSource(file, contentDir, limits);
  assert.deepEqual(diagnostics, []);
  assert.ok(source);
  const raw = readFileSync(file);
  assert.equal(source.relPath, '001_1464f3ad2492a083.txt');
  assert.equal(source.path, file);
  assert.equal(source.bytes, raw.length);
  assert.equal(source.hash, createHash('sha256').update(raw).digest('hex'));
  assert.deepEqual(source.frontMatter, {});
  assert.equal(source.bodyStartLine, 1);
  assert.equal(source.body, raw.toString('utf8'));
});

test('an image saved as .txt is refused with load/binary naming the file', async () => {
  const { source, diagnostics } = await loadSource(path.join(refused, 'image-saved-as.txt'), fixturesDir, limits);
  assert.equal(source, undefined);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.rule, 'load/binary');
  assert.equal(diagnostics[0]!.severity, 'error');
  assert.equal(diagnostics[0]!.file, 'load/refused/image-saved-as.txt');
  assert.match(diagnostics[0]!.message, /PNG image/);
});

test('NUL bytes scattered as in binary data (not in UTF-16 positions) are refused as binary', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'data.txt');
  writeFileSync(file, Buffer.from(Array.from({ length: 512 }, (_, i) => (i % 7 === 0 ? 0 : 0x41 + (i % 26)))));
  const { source, diagnostics } = await loadSource(file, dir, limits);
  assert.equal(source, undefined);
  assert.equal(diagnostics[0]!.rule, 'load/binary');
  assert.match(diagnostics[0]!.message, /NUL bytes/);
});

test('UTF-8 with one broken byte stays UTF-8; the broken character becomes U+FFFD', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'broken.txt');
  const bytes = readFileSync(path.join(projectRoot, 'content', '003_a94316a78cdbf75f.txt'));
  const at = bytes.indexOf(Buffer.from('春回日渐暖'));
  const broken = Buffer.concat([bytes.subarray(0, at + 1), bytes.subarray(at + 2)]); // 春 loses a byte
  writeFileSync(file, broken);
  const { source, diagnostics } = await loadSource(file, dir, limits);
  assert.equal(source?.encoding, 'utf-8');
  assert.ok(source.body.includes('\ufffd回日渐暖'));
  const lineOfDamage = bytes.subarray(0, at).toString('utf8').split('\n').length;
  assert.deepEqual(
    diagnostics.map((d) => [d.rule, d.severity, d.line]),
    [['load/invalid-utf8', 'warning', lineOfDamage]],
  );
  assert.match(diagnostics[0]!.message, /^1 invalid UTF-8 byte sequence/);
});

test('bytes that decode as nothing sensible are refused with load/undecodable', async () => {
  const { source, diagnostics } = await loadSource(path.join(refused, 'random-high-bytes.txt'), refused, limits);
  assert.equal(source, undefined);
  assert.equal(diagnostics[0]!.rule, 'load/undecodable');
  assert.equal(diagnostics[0]!.file, 'random-high-bytes.txt');
  assert.match(diagnostics[0]!.message, /does not decode as UTF-8, UTF-16, GB18030 or Big5/);
});

test('CRLF and CR newlines become \\n; front-matter is split and its end line counted', async (t) => {
  const dir = tempDir(t);
  mkdirSync(path.join(dir, 'sub'));
  const file = path.join(dir, 'sub', 'a.md');
  writeFileSync(file, '---\r\ntitle: 标题\r\nviews: 12\r\n---\r\n第一行\r第二行\r\n');
  const { source } = await loadSource(file, dir, limits);
  assert.ok(source);
  assert.equal(source.relPath, 'sub/a.md');
  assert.deepEqual(source.frontMatter, { title: '标题', views: 12 });
  assert.equal(source.body.trim(), '第一行\n第二行');
  assert.equal(source.bodyStartLine, 5);
});

test('malformed front-matter skips the file with load/front-matter naming it', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'bad.txt');
  writeFileSync(file, '---\ntitle: [unclosed\n---\n正文\n');
  const { source, diagnostics } = await loadSource(file, dir, limits);
  assert.equal(source, undefined);
  assert.equal(diagnostics[0]!.rule, 'load/front-matter');
  assert.equal(diagnostics[0]!.file, 'bad.txt');
  assert.match(diagnostics[0]!.message, /front-matter cannot be read/);
  assert.equal(diagnostics[0]!.line, 2);
});

test('front-matter asking for a code engine is refused, never run', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'js.txt');
  writeFileSync(file, '---js\n{ title: (() => { throw new Error("ran") })() }\n---\n正文\n');
  const { source, diagnostics } = await loadSource(file, dir, limits);
  assert.equal(source, undefined);
  assert.equal(diagnostics[0]!.rule, 'load/front-matter');
  assert.doesNotMatch(diagnostics[0]!.message, /ran/);
});

test('a file above limits.maxFileBytes is refused with load/oversize', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'big.txt');
  writeFileSync(file, '新区'.repeat(100));
  const { source, diagnostics } = await loadSource(file, dir, { ...limits, maxFileBytes: 100 });
  assert.equal(source, undefined);
  assert.equal(diagnostics[0]!.rule, 'load/oversize');
  assert.match(diagnostics[0]!.message, /600 bytes.*100/);
});

test('a missing or unreadable file gives load/unreadable instead of throwing', async (t) => {
  const dir = tempDir(t);
  const missing = await loadSource(path.join(dir, 'gone.txt'), dir, limits);
  assert.equal(missing.diagnostics[0]!.rule, 'load/unreadable');
  assert.equal(missing.diagnostics[0]!.file, 'gone.txt');
  assert.match(missing.diagnostics[0]!.message, /ENOENT/);
  if (process.getuid?.() !== 0) {
    const file = path.join(dir, 'locked.txt');
    writeFileSync(file, '正文');
    chmodSync(file, 0o000);
    const locked = await loadSource(file, dir, limits);
    assert.equal(locked.diagnostics[0]!.rule, 'load/unreadable');
  }
});

test('the empty file loads as an empty body', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'empty.txt'), '');
  const { source, diagnostics } = await loadSource(path.join(dir, 'empty.txt'), dir, limits);
  assert.deepEqual(diagnostics, []);
  assert.equal(source?.body, '');
  assert.equal(source?.encoding, 'utf-8');
});
