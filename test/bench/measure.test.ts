import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { GNU_TIME, isOk, measure, median, parseTimeOutput } from '../../scripts/bench/measure.js';

test('GNU time output gives the exit status, peak RSS and CPU time, after any status notice', () => {
  assert.deepEqual(parseTimeOutput('0 51234 1.25 0.50\n'), { code: 0, maxRssKiB: 51234, cpuMs: 1750 });
  assert.deepEqual(parseTimeOutput('Command exited with non-zero status 3\n3 2048 0.00 0.01\n'), { code: 3, maxRssKiB: 2048, cpuMs: 10 });
  assert.throws(() => parseTimeOutput('garbage'), /unexpected GNU time output/);
});

test('median of odd and even counts; NaN for none', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test(
  'a measured child reports its exit code and its own peak memory in MiB',
  { skip: existsSync(GNU_TIME) ? false : `${GNU_TIME} missing` },
  async () => {
    // The child touches 150 MiB, far above a bare node's footprint: the wrapper must see it.
    const script = 'const b = Buffer.alloc(150 * 2 ** 20, 1); console.log(b[0]); process.exit(3)';
    const cmd = { cmd: process.execPath, args: ['-e', script], cwd: os.tmpdir(), okCodes: [0, 3] };
    const s = await measure(cmd);
    assert.equal(s.code, 3);
    assert.ok(isOk(cmd, s));
    assert.ok(s.maxRssMiB > 150 && s.maxRssMiB < 1024, `peak ${s.maxRssMiB} MiB`);
    assert.equal(s.output.trim(), '1');
    assert.ok(s.cpuMs >= 0);
  },
);
