// The CPU floor script runs both libraries over every article of a folder and reports their CPU time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../helpers/paths.js';

test('the library floor of the bundled samples: every article converted and cut, CPU reported per library', () => {
  const content = path.join(projectRoot, 'content');
  const script = path.join(projectRoot, 'lib', 'scripts', 'bench', 'libraries.js');
  const floor = JSON.parse(execFileSync(process.execPath, [script, content], { encoding: 'utf8' })) as Record<string, number>;
  assert.equal(floor.articles, readdirSync(content).length);
  assert.ok(Number.isInteger(floor.openccMs) && floor.openccMs >= 0);
  assert.ok(Number.isInteger(floor.jiebaMs) && floor.jiebaMs >= 0);
});
