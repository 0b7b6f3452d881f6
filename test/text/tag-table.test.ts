// The typed-array tag table against the Map of jieba's dictionary it replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jiebaFile } from '../../src/text/dictionaries.js';
import { TagTable } from '../../src/text/tag-table.js';

/** The Map the table replaced: word before the first space -> what follows the last space, trimmed. */
function tagMap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    const last = line.lastIndexOf(' ');
    if (space > 0 && last > space) map.set(line.slice(0, space), line.slice(last + 1).trim());
  }
  return map;
}

test("the table gives every word of jieba's dictionary the Map's tag, and nothing for words it does not list", () => {
  const text = new TextDecoder().decode(jiebaFile('dict.txt'));
  const map = tagMap(text);
  const table = TagTable.parse(text);
  assert.ok(map.size > 300_000, `the real dictionary (${map.size} words)`);
  assert.equal(table.size, map.size);
  let absent = 0;
  for (const [word, tag] of map) {
    assert.equal(table.get(word), tag, word);
    // Near misses: a word's prefix and extensions are looked up as the Map answers them.
    for (const other of [word.slice(0, -1), `${word}的`, `${word}x`]) {
      assert.equal(table.get(other), map.get(other), other);
      if (!map.has(other)) absent++;
    }
  }
  assert.ok(absent > 100_000, `words not listed were looked up too (${absent})`);
  assert.deepEqual([...table.entries()], [...map]);
});

test('a word listed twice keeps its last tag; lines without word, frequency and tag are skipped; CRLF is trimmed', () => {
  const table = TagTable.parse('高新区 10 n\r\n园区 3 n\n高新区 5 ns\nbroken\n 2 v\n只有 词\n\n末行 1 vn');
  assert.equal(table.get('高新区'), 'ns');
  assert.equal(table.get('园区'), 'n');
  assert.equal(table.get('末行'), 'vn');
  assert.equal(table.get('broken'), undefined);
  assert.equal(table.get('只有'), undefined);
  assert.equal(table.get(''), undefined);
  assert.equal(table.size, 3);
});
