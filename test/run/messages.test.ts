import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { colorEnabled, createReporter, progressEnabled, progressLine, summaryLine } from '../../src/commands/reporter.js';
import type { Diagnostic } from '../../src/model/index.js';

function capture(isTTY: boolean) {
  const err = Object.assign(new PassThrough(), { isTTY, columns: 60 });
  const out = new PassThrough();
  const text = (s: PassThrough) => String(s.read() ?? '');
  return { err, out, errText: () => text(err), outText: () => text(out) };
}

const diags: Diagnostic[] = [
  { file: 'a.txt', line: 3, column: 5, severity: 'error', rule: 'load/binary', message: 'binary data' },
  { file: 'b.txt', line: 0, column: 0, severity: 'warning', rule: 'normalize/mojibake', message: 'damaged text' },
  { file: 'c.txt', line: 1, column: 0, severity: 'info', rule: 'extract/date', message: 'no date' },
];

test('colour only on a terminal, never with NO_COLOR set', () => {
  assert.equal(colorEnabled({ isTTY: true }, {}), true);
  assert.equal(colorEnabled({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(colorEnabled({ isTTY: true }, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
  assert.equal(colorEnabled({ isTTY: false }, {}), false);
});

test('a progress bar only on a terminal, not in CI, not with --quiet', () => {
  assert.equal(progressEnabled({ isTTY: true }, {}), true);
  assert.equal(progressEnabled({ isTTY: true }, { CI: 'true' }), false);
  assert.equal(progressEnabled({ isTTY: false }, {}), false);
  assert.equal(progressEnabled({ isTTY: true }, {}, true), false);
  assert.equal(progressLine(5, 10, 60), `[${'#'.repeat(20)}${'.'.repeat(20)}]  5/10 files`);
});

test('diagnostics print like a compiler: path under the content dir, line, column, severity, rule', () => {
  const c = capture(false);
  createReporter({ err: c.err, out: c.out, env: {} }).diagnostics(diags, '/site/content', '/site');
  assert.equal(
    c.errText(),
    'content/a.txt:3:5: error: binary data (load/binary)\ncontent/b.txt: warning: damaged text (normalize/mojibake)\n',
  );
});

test('--quiet shows errors only and no summary; --verbose adds info', () => {
  const q = capture(false);
  const quiet = createReporter({ err: q.err, out: q.out, env: {}, quiet: true });
  quiet.diagnostics(diags, '/s/content', '/s');
  quiet.summary({ articles: 1, pages: 2, errors: 1, warnings: 1, ms: 10 });
  assert.equal(q.errText().split('\n').filter(Boolean).length, 1);
  assert.equal(q.outText(), '');
  const v = capture(false);
  createReporter({ err: v.err, out: v.out, env: {}, verbose: true }).diagnostics(diags, '/s/content', '/s');
  assert.match(v.errText(), /c\.txt:1: info: no date/);
});

test('colour codes appear on a terminal and not with NO_COLOR', () => {
  const tty = capture(true);
  createReporter({ err: tty.err, out: tty.out, env: {} }).diagnostics(diags.slice(0, 1), '/s/content', '/s');
  assert.match(tty.errText(), /\x1b\[31merror\x1b\[0m/);
  const plain = capture(true);
  createReporter({ err: plain.err, out: plain.out, env: { NO_COLOR: '1' } }).diagnostics(diags.slice(0, 1), '/s/content', '/s');
  assert.doesNotMatch(plain.errText(), /\x1b/);
});

test('the summary is one line with articles, pages, warnings, errors and seconds', () => {
  assert.equal(
    summaryLine({ articles: 5, pages: 31, errors: 0, warnings: 1, ms: 1234, detail: '31 written' }),
    'built 5 articles, 31 pages, 1 warning, 0 errors in 1.23 s (31 written)',
  );
});
