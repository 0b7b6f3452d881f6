import type { OutputPage, Page } from '../../model/index.js';

/** Pages as render produces them: streamed (async) or, in tests and tools, a plain list. */
export type PageSource = AsyncIterable<OutputPage> | Iterable<OutputPage>;

/** A page's bytes as written to disk (strings are UTF-8). */
export function bytesOf(page: Page): Buffer {
  return contentBytes(page.content);
}

export function contentBytes(c: Page['content']): Buffer {
  return typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}
