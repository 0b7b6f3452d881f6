import { bomlessUtf16 } from './utf16.js';

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
 * Names the binary format of `bytes`, or returns null when they may be text. A known magic
 * number decides; otherwise NUL bytes (never in UTF-8/GBK/Big5 text) or many C0 control
 * characters in the first 8 KiB mark the file as binary, unless the bytes read as UTF-16 (with a
 * BOM, or without one by what they decode to: UTF-16 puts NULs and control bytes in the file).
 */
export function binaryKind(bytes: Uint8Array): string | null {
  const magic = MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b));
  if (magic) return magic.name;
  if (hasUtf16Bom(bytes)) return null;
  const suspect = suspectBytes(bytes.subarray(0, 8192));
  return suspect && !bomlessUtf16(bytes) ? suspect : null;
}

/** What marks `head` as binary if it is not UTF-16: a NUL byte, or more than 5% control bytes. */
function suspectBytes(head: Uint8Array): string | null {
  let controls = 0;
  for (const b of head) {
    if (b === 0) return 'binary data (NUL bytes)';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return head.length > 0 && controls / head.length > 0.05 ? 'binary data (control bytes)' : null;
}
