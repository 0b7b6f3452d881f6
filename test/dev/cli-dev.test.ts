import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../helpers/paths.js';
import { tempSite } from './helpers.js';

const bin = path.join(projectRoot, 'bin', 'parkpress.js');

test('parkpress dev serves on 127.0.0.1, says where, and stops cleanly on SIGTERM', async () => {
  const site = await tempSite();
  try {
    await copyFile(path.join(projectRoot, 'content', '001_1464f3ad2492a083.txt'), path.join(site.root, 'content', 'a.txt'));
    await cp(path.join(projectRoot, 'templates'), path.join(site.root, 'templates'), { recursive: true });
    await cp(path.join(projectRoot, 'public'), path.join(site.root, 'public'), { recursive: true });
    const child = spawn(process.execPath, [bin, 'dev', '--port', '0'], {
      cwd: site.root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      void exited.then((code) => reject(new Error(`dev exited (${code}) before serving: ${stderr}`)));
    });
    const home = await fetch(url);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /data-parkpress=/);
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
  } finally {
    await site.dispose();
  }
});

test('parkpress dev refuses a bad port with exit code 2', () => {
  const r = spawnSync(process.execPath, [bin, 'dev', '--port', 'eighty'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /port number/);
});
