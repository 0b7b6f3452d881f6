#!/usr/bin/env node
// Regenerates test/fixtures/load/encodings/ from the sample articles in content/: each sample
// re-encoded into each encoding the loader must read, plus short files (a headline, a park name)
// where statistical detectors fail. Run after changing content/: node scripts/gen-encoding-fixtures.mjs
// Every fixture is checked to decode back to exactly the text it was made from.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import iconv from 'iconv-lite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test/fixtures/load/encodings');
const sample = (prefix) => readFileSync(path.join(root, 'content', `${prefix}`), 'utf8');

const traditional = sample('000_9f6095f70a76f921.txt');
const simplified = sample('003_a94316a78cdbf75f.txt');
const traditional2 = sample('004_8ccd692208c8b727.txt');

/** Big5 has no tone-marked Latin letters: drop pinyin annotations such as (zhèn) for the Big5 copy. */
const withoutPinyin = (s) => s.replace(/\((?:[a-z]*[\u00e0-\u01dc][a-z]*)\)/g, '');
/** Keeps only the lines an encoding can represent exactly (page furniture has ü, ® ...). */
const representable = (s, enc) =>
  s
    .split('\n')
    .filter((line) => iconv.decode(iconv.encode(line, enc), enc) === line)
    .join('\n');
const firstLine = (s) => s.split('\n')[0];

const BOM = { 'utf-8-bom': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

/** name -> [text, iconv encoding, BOM key] */
const fixtures = {
  'trad-utf8-bom.txt': [traditional, 'utf-8', 'utf-8-bom'],
  'trad-utf16le-bom.txt': [traditional, 'utf-16le', 'utf-16le'],
  'trad-utf16be-bom.txt': [traditional, 'utf-16be', 'utf-16be'],
  'trad-gb18030.txt': [traditional, 'gb18030'],
  'trad-utf16le-no-bom.txt': [traditional, 'utf-16le'],
  'simp-utf16be-no-bom.txt': [simplified, 'utf-16be'],
  'simp-gbk.txt': [representable(simplified, 'gbk'), 'gbk'],
  'simp-gb2312.txt': [representable(simplified, 'gb2312'), 'gb2312'],
  'trad-big5.txt': [representable(withoutPinyin(traditional2), 'big5'), 'big5'],
  'short-simp-gbk.txt': [firstLine(simplified), 'gbk'],
  'short-park-gbk.txt': ['镇江高新区', 'gbk'],
  'short-trad-big5.txt': [withoutPinyin(firstLine(traditional2)), 'big5'],
  'short-park-big5.txt': ['鎮江高新區', 'big5'],
  'short-trad-gb18030.txt': [withoutPinyin(firstLine(traditional)), 'gb18030'],
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const manifest = {};
for (const [name, [text, enc, bom]] of Object.entries(fixtures)) {
  const bytes = Buffer.concat([Buffer.from(bom ? BOM[bom] : []), iconv.encode(text, enc)]);
  if (iconv.decode(bytes.subarray(bom ? BOM[bom].length : 0), enc) !== text) throw new Error(`${name}: ${enc} cannot represent the text`);
  writeFileSync(path.join(out, name), bytes);
  writeFileSync(path.join(out, name.replace(/\.txt$/, '.expected')), text);
  manifest[name] = bom ?? (enc === 'gbk' || enc === 'gb2312' ? 'gb18030' : enc);
}
writeFileSync(path.join(out, 'encodings.json'), JSON.stringify(manifest, null, 2) + '\n');
// Files the loader must refuse, in test/fixtures/load/refused/.
const refused = path.join(root, 'test/fixtures/load/refused');
rmSync(refused, { recursive: true, force: true });
mkdirSync(refused, { recursive: true });
writeFileSync(path.join(refused, 'image-saved-as.txt'), png1x1());
writeFileSync(path.join(refused, 'random-high-bytes.txt'), noise(4096));

/** A valid 1x1 grey PNG: what an editor gets saving a picture under a .txt name. */
function png1x1() {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Deterministic bytes 0x80-0xFF (no NUL, so only the decoding can tell it is not text). */
function noise(n) {
  let seed = 20240320;
  return Buffer.from(Array.from({ length: n }, () => 0x80 + (((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) % 128)));
}

console.log(`wrote ${Object.keys(fixtures).length} fixtures to ${path.relative(root, out)}`);
