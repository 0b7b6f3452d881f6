// Sentence ends and character counts of the paragraph splitter, against their plain definitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { charsBefore, sentenceEnds } from '../../src/text/paragraphs.js';
import { charLength } from '../../src/text/chars.js';

/** Text of Han, Latin, an astral character, sentence ends, closing quotes and white space. */
const text = fc
  .array(fc.constantFrom('园区', '建设', 'AI', '𠮷', '。', '！', '？', '!', '?', '”', '）', ' ', '\n', '\u3000', '\t'), { maxLength: 60 })
  .map((parts) => parts.join(''));

test('sentenceEnds: each end after which some text that is not white space follows, as `slice(end).trim()` says', () => {
  fc.assert(
    fc.property(text, (s) => {
      const all = [...s.matchAll(/(?:[。！？]+|[!?]+(?=\s))[”’」』）)】]*/gu)].map((m) => m.index + m[0].length);
      assert.deepEqual(
        sentenceEnds(s),
        all.filter((end) => s.slice(end).trim() !== ''),
      );
    }),
  );
});

test('charsBefore: the code points before each sentence end, as charLength of the text up to it', () => {
  fc.assert(
    fc.property(text, (s) => {
      const before = charsBefore(s);
      for (const end of sentenceEnds(s)) assert.equal(before(end), charLength(s.slice(0, end)));
    }),
  );
});
