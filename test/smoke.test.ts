import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../src/config/defaults.js';

test('default config points at the project folders', () => {
  const c = defaultConfig('/site');
  assert.equal(c.contentDir, '/site/content');
  assert.equal(c.outDir, '/site/dist');
});
