import { test } from 'node:test';
import assert from 'node:assert/strict';
import matter from 'gray-matter';
import { toMarkdown } from '../../scripts/bench/markdown.js';

test('the headline becomes a front-matter title that survives quotes, backslashes and colons', () => {
  const title = '第十篇 "引號": 與 \\ 反斜線 #1';
  const parsed = matter(toMarkdown(`${title}\n正文。`));
  assert.equal(parsed.data.title, title);
});

test('each non-empty body line is its own paragraph', () => {
  assert.equal(toMarkdown('\uFEFF標題\r\n第一段。\r\n\r\n  第二段。  \n'), '---\ntitle: "標題"\n---\n\n第一段。\n\n第二段。\n');
});
