import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../../src/stages/load/encoding.js';
import { corpusDir, sharedMissing } from '../../helpers/paths.js';

const skip = sharedMissing();
/** Corpus articles whose text survived upstream (no U+FFFD), newlines normalised. */
const articles = skip
  ? []
  : readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(path.join(corpusDir, f), 'utf8').replace(/\r\n?/g, '\n') }))
      .filter((a) => !a.text.includes('\ufffd'));

/** Re-encodes `text` (when the encoding can hold it) and checks the loader reads it back exactly. */
function roundTrip(name: string, text: string, encoding: 'big5' | 'gb18030'): string | null {
  const bytes = iconv.encode(text, encoding);
  if (iconv.decode(bytes, encoding) !== text) return null; // not representable (ü, ®, emoji ...)
  const got = decodeBytes(bytes);
  const ascii = /^[\x00-\x7f]*$/.test(text); // pure ASCII is valid UTF-8 and reads the same either way
  return got.text === text && (got.encoding === encoding || ascii) ? null : `${name} as ${encoding}: read as ${got.encoding}`;
}

test('every corpus headline (short text) re-encoded as Big5 and GB18030 is read back exactly', { skip }, () => {
  const wrong = articles.flatMap((a) => {
    const headline = a.text.split('\n')[0]!;
    return [roundTrip(a.name, headline, 'big5'), roundTrip(a.name, headline, 'gb18030')].filter((w) => w !== null);
  });
  assert.deepEqual(wrong, []);
});

test('every tenth corpus article re-encoded as Big5 and GB18030 is read back exactly', { skip }, () => {
  const wrong = articles
    .filter((_, i) => i % 10 === 0)
    .flatMap((a) => [roundTrip(a.name, a.text, 'big5'), roundTrip(a.name, a.text, 'gb18030')].filter((w) => w !== null));
  assert.deepEqual(wrong, []);
});
