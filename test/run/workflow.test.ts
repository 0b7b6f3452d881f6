import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/paths.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

test('the GitHub Pages workflow installs, checks strictly, builds with the site URL and uploads dist/', async () => {
  const text = await readFile(path.join(projectRoot, '.github/workflows/pages.yml'), 'utf8');
  const workflow = parse(text) as { jobs: Record<string, { steps: Step[]; needs?: string }> };
  const steps = workflow.jobs.build!.steps;
  const index = (find: (s: Step) => boolean, what: string) => {
    const i = steps.findIndex(find);
    assert.ok(i >= 0, `missing step: ${what}`);
    return i;
  };
  const install = index((s) => /npm ci/.test(s.run ?? ''), 'install');
  const check = index((s) => /parkpress check --strict/.test(s.run ?? ''), 'check --strict');
  const build = index((s) => /parkpress build/.test(s.run ?? '') && /--base-url/.test(s.run ?? ''), 'build --base-url');
  const upload = index((s) => (s.uses ?? '').startsWith('actions/upload-pages-artifact') && s.with?.path === 'dist', 'upload dist');
  assert.ok(install < check && check < build && build < upload, 'steps in order');
  assert.equal(workflow.jobs.deploy!.needs, 'build');
});
