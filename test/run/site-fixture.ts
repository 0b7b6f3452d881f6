// A throwaway site for end-to-end build tests: a temp folder with a copy of the project's
// sample content/, built by running the real `parkpress` bin in it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../helpers/paths.js';
import { tempDir } from './temp-dir.js';

export const bin = path.join(projectRoot, 'bin', 'parkpress.js');

/** A temp site root whose content/ is a copy of the project's sample articles. */
export async function sampleSite(): Promise<string> {
  const root = await tempDir('pp-site-');
  await cp(path.join(projectRoot, 'content'), path.join(root, 'content'), { recursive: true });
  return root;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `parkpress ...args` in `cwd` with extra environment variables (NO_COLOR set, CI cleared).
 * `asUser`: run as that unprivileged uid/gid through setpriv (the caller must be root).
 */
export function runParkpress(args: string[], cwd: string, env: Record<string, string> = {}, asUser?: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete base.CI;
    const command = [process.execPath, bin, ...args];
    if (asUser !== undefined) command.unshift('setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups');
    const p = spawn(command[0]!, command.slice(1), { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file below `dir` (through a link at `dir`): POSIX relative path -> sha256 of its bytes. */
export async function treeHashes(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const out = new Map<string, string>();
  for (const f of files)
    out.set(
      f,
      createHash('sha256')
        .update(await readFile(path.join(dir, f)))
        .digest('hex'),
    );
  return out;
}
