import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMarkdown } from '../../../src/stages/render/markdown.js';

test('emphasis next to Chinese punctuation works (CJK-friendly), which plain CommonMark misses', () => {
  const md = createMarkdown();
  assert.equal(md.render('镇江高新区**“保姆式”**服务'), '<p>镇江高新区<strong>“保姆式”</strong>服务</p>\n');
  assert.equal(md.render('这是*强调*。'), '<p>这是<em>强调</em>。</p>\n');
});

test('raw HTML and unsafe link targets in an article stay text', () => {
  const md = createMarkdown();
  assert.equal(md.render('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  assert.doesNotMatch(md.render('[点我](javascript:alert(1))'), /href="javascript:/);
});
