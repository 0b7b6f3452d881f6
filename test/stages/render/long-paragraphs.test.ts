import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createMarkdown } from '../../../src/stages/render/markdown.js';
import { splitParagraph } from '../../../src/text/paragraphs.js';
import { charLength } from '../../../src/text/chars.js';
import { defaultConfig } from '../../../src/config/defaults.js';
import { processed } from '../../helpers/pipeline.js';
import { corpusDir, projectRoot, sharedMissing } from '../../helpers/paths.js';
import { sampleSite } from './sample-site.js';

/** The text of each `<p>` of rendered HTML, tags removed. */
const paragraphs = (html: string): string[] => [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]*>/g, ''));
const squash = (s: string): string => s.replace(/\s+/g, '');

/** The longest paragraph of the real samples (644 characters, in 002_….txt). */
async function longestSampleParagraph(): Promise<string> {
  const site = await sampleSite();
  const all = site.articles.flatMap((a) => a.body.split(/\n\s*\n/));
  return all.reduce((a, b) => (charLength(b) > charLength(a) ? b : a));
}

test('a sample paragraph of 644 characters is shown as even pieces cut at sentence ends, nothing lost', async () => {
  const long = await longestSampleParagraph();
  assert.ok(charLength(long) > 600, `${charLength(long)} characters`);
  const shown = paragraphs(createMarkdown(300).render(long));
  assert.equal(shown.length, 3, shown.map((p) => charLength(p)).join(' + '));
  for (const p of shown.slice(0, -1)) assert.match(p, /[。！？][”’」』）)】]*$/, 'a piece ends a sentence');
  for (const p of shown) {
    assert.doesNotMatch(p, /^[、，。！？；：\s]/, 'no piece starts with punctuation or space');
    assert.ok(charLength(p) < 300, `${charLength(p)} characters`);
  }
  assert.equal(squash(shown.join('')), squash(paragraphs(createMarkdown(0).render(long)).join('')));
});

test('a paragraph is split only outside emphasis and links; short paragraphs and 0 leave it whole', () => {
  const sentence = '园区今年新增企业一百家，产值同比增长两成。';
  const text = `${sentence.repeat(8)}**${sentence.repeat(6)}**${sentence.repeat(8)}`;
  const html = createMarkdown(200).render(text);
  assert.equal((html.match(/<strong>/g) ?? []).length, 1, html);
  assert.ok(paragraphs(html).length >= 2, html);
  assert.equal(paragraphs(createMarkdown(0).render(text)).length, 1);
  assert.equal(paragraphs(createMarkdown(300).render(sentence)).length, 1);
});

test('splitParagraph: the summary and body share the rule; a text without sentence ends stays whole', () => {
  const sentence = '高新区举行项目签约仪式，共签约项目十二个。';
  assert.deepEqual(splitParagraph(sentence.repeat(3), 300), [sentence.repeat(3)]);
  const pieces = splitParagraph(sentence.repeat(20), 300);
  assert.equal(pieces.length, 2);
  assert.equal(pieces.join(''), sentence.repeat(20));
  assert.deepEqual(splitParagraph('没有句号的长文本'.repeat(60), 300).length, 1);
  // 「…。」 keeps its closing bracket: the next piece starts with a word.
  const quoted = `他说：「${'我们会继续推动产业升级。'.repeat(15)}」${'记者了解到，项目已经开工。'.repeat(15)}`;
  for (const p of splitParagraph(quoted, 200)) assert.doesNotMatch(p, /^[」、，。]/, p.slice(0, 10));
});

/** The longest sentence of a text, in characters. */
const longestSentence = (p: string): number => Math.max(...p.split(/(?<=[。！？])/).map(charLength));

test(
  'tw-news: a paragraph over 500 characters is shown split, unless one sentence alone is that long',
  { skip: sharedMissing() },
  async () => {
    const config = { ...defaultConfig(projectRoot), contentDir: corpusDir };
    const files = readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .filter((_, i) => i % 15 === 0);
    const { articles } = await processed(corpusDir, files, config);
    const md = createMarkdown(300);
    const walls = (render: (body: string) => string): number =>
      articles.filter((a) => paragraphs(render(a.body)).some((p) => charLength(p) > 500 && longestSentence(p) <= 300)).length;
    assert.ok(walls((b) => createMarkdown(0).render(b)) > 50, 'the corpus has walls of text');
    assert.equal(
      walls((b) => md.render(b)),
      0,
    );
  },
);
