import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../helpers/paths.js';
import { tempDir } from './temp-dir.js';

const bin = path.join(projectRoot, 'bin', 'parkpress.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('build --help documents the options and the exit codes', () => {
  const r = run(['build', '--help'], projectRoot);
  assert.equal(r.code, 0);
  for (const flag of ['--base-url', '--path-prefix', '--out', '--quiet', '--verbose', '--config', '--strict'])
    assert.match(r.stdout, new RegExp(flag));
  const top = run(['--help'], projectRoot);
  assert.match(
    top.stdout,
    /Exit codes:[\s\S]*0 +success[\s\S]*1 +an input[\s\S]*2 +bad command line[\s\S]*70 +internal[\s\S]*75 +another build/,
  );
});

test('an unknown option or a bad config exits 2 with a message naming the problem', async () => {
  const root = await tempDir('pp-cli-');
  assert.equal(run(['build', '--no-such-flag'], root).code, 2);
  await writeFile(path.join(root, 'parkpress.config.json'), '{"pagesize": 3}');
  const r = run(['build'], root);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /parkpress\.config\.json: unknown key "pagesize"/);
  await writeFile(path.join(root, 'parkpress.config.json'), '{"pageSize": 3}');
  const bad = run(['build', '--config', 'parkpress.config.json', '--base-url', 'ftp://x'], root);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /"baseUrl"/);
});
