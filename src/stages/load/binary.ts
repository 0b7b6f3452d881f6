/** Known signatures of binary formats people save under a text name by mistake. */
const MAGIC: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'ZIP archive (or .docx/.xlsx)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'GZIP archive', bytes: [0x1f, 0x8b] },
  { name: 'WebP/RIFF file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'OLE2 document (.doc/.xls)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

const hasUtf16Bom = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * UTF-16 without a BOM: ASCII characters put their NUL bytes on one side (odd offsets in LE, even
 * in BE; only CJK characters like 一 U+4E00 put a few on the other); binary data scatters them.
 */
function nulsLikeUtf16(head: Uint8Array): boolean {
  if (head.length % 2 !== 0) return false;
  let even = 0;
  let odd = 0;
  head.forEach((b, i) => {
    if (b !== 0) return;
    if (i % 2 === 0) even++;
    else odd++;
  });
  return Math.min(even, odd) * 3 < Math.max(even, odd);
}

/**
 * Names the binary format of `bytes`, or returns null when they may be text. A known magic
 * number decides; otherwise NUL bytes (never in UTF-8/GBK/Big5 text; UTF-16 is recognised by its
 * BOM or by where its NULs fall) or many C0 control characters in the first 8 KiB mark the file
 * as binary.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  const magic = MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b));
  if (magic) return magic.name;
  if (hasUtf16Bom(bytes)) return null;
  const head = bytes.subarray(0, 8192);
  if (nulsLikeUtf16(head)) return null;
  let controls = 0;
  for (const b of head) {
    if (b === 0) return 'binary data (NUL bytes)';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return head.length > 0 && controls / head.length > 0.05 ? 'binary data (control bytes)' : null;
}
