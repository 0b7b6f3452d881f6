/**
 * 32-bit FNV-1a over the UTF-16 code units of a token: tiny, stable across runs and platforms, and
 * the same few lines in the browser (public/search-query.js), which picks a token's shard with it.
 */
export function fnv1a(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Shard of a token among `shards` (a power of two). */
export function shardOf(token: string, shards: number): number {
  return fnv1a(token) & (shards - 1);
}
