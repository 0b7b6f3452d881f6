import { createHash } from 'node:crypto';
import type { Page } from '../../model/index.js';
import { TokenCounter, type DocTokens, type SearchDoc } from './documents.js';
import { ByteWriter } from './byte-writer.js';
import { shardOf } from './hash.js';
import { TokenIds } from './token-ids.js';
import { compareCodeUnits } from '../../text/compare.js';
import { webJson } from '../../text/json.js';

/** Bump when the file format changes; the browser refuses an index of another version. */
export const INDEX_VERSION = 3;
/**
 * Wanted shard size. A query fetches one shard per distinct token of each form it looks up (four to
 * eight for a word and its regional partner), so this sets most of what a query downloads; smaller
 * means more files (measured in docs/search.md).
 */
const TARGET_SHARD_BYTES = 8 * 1024;
/** Rough bytes of one posting (a varint delta and weight) and of one token (a CJK bigram and its separator), to size the shards. */
const BYTES_PER_POSTING = 3;
const BYTES_PER_TOKEN = 7;
/** A token of two UTF-16 code units (nearly every one: CJK bigrams) goes into the shard's packed key string. */
const PACKED_LENGTH = 2;
/** Between the posting lists of two tokens in a shard. */
const COMMA = 0x2c;

/** The manifest (`index.json`): everything the browser needs to find the other files. */
export interface SearchManifest {
  /** Number of documents, `docs/0.json` to `docs/<docs - 1>.json`. */
  docs: number;
  /** How a token picks its shard: `shards/<fnv1a32(token) & (shards - 1)>.json`. */
  hash: 'fnv1a32-utf16';
  /** Digest of the index files; the browser adds it to their URLs so a new build is never mixed with a cached one. */
  id: string;
  /** The edition's query table (`script.json`: other script and regional words), when it has one. */
  script?: string;
  /** Number of shard files, a power of two. */
  shards: number;
  tokenizer: 'nfkc-lower-cjk-bigram';
  version: number;
}

/**
 * Postings of some tokens, grouped by token (CSR layout: typed arrays, not one JS array per token):
 * those of the i-th token asked for are at [offsets[i], offsets[i + 1]).
 */
interface Postings {
  offsets: Uint32Array;
  docs: Uint32Array;
  weights: Uint8Array;
}

/**
 * Postings turned token-major at once, at most: a larger index is turned a range of shards at a
 * time, so its document-major table and the token-major copy are never both whole (on 100,000
 * articles each is about 250 MB, and the shards are made at the build's memory peak).
 */
const POSTINGS_PER_BATCH = 8 * 1024 * 1024;

/**
 * Tokenizes documents (TokenCounter) and merges their tokens into the static index files (paths relative to the index folder):
 * `docs/<n>.json` (one document's result entry and text, as each document comes), `shards/<n>.json`
 * (tokens and their postings, see shardFiles), `script.json` and, last, `index.json`, whose id is
 * the digest of the others. Documents
 * are numbered in the order given; keys are sorted, so the same input gives byte-identical files.
 * Files are made one at a time as the caller takes them: on a large site the shards add up to
 * hundreds of MB, which should be written and let go, not held together. `postingsPerBatch`: see
 * POSTINGS_PER_BATCH (tests make it small; the files are the same whatever it is).
 */
export function* assembleIndex(
  docs: Iterable<SearchDoc>,
  scriptFile?: (tokens: readonly string[]) => Page,
  postingsPerBatch = POSTINGS_PER_BATCH,
): Generator<Page, void, undefined> {
  const table = new TokenTable();
  const counter = new TokenCounter(table.vocabulary);
  const hash = createHash('sha256');
  const digested = (f: Page): Page => {
    hash.update(`${f.path}\0`).update(f.content).update('\0');
    return f;
  };
  // Each document's file as it comes, so its text is let go at once, not held for every article
  // until the shards are made.
  let count = 0;
  for (const doc of docs) {
    table.add(count, counter.count(doc));
    yield digested(docFile(count++, doc));
  }
  const shards = shardCount(table);
  for (const f of shardFiles(table, shards, postingsPerBatch)) yield digested(f);
  const script = scriptFile?.(table.names);
  if (script) yield digested(script);
  const manifest: SearchManifest = {
    docs: count,
    hash: 'fnv1a32-utf16',
    id: hash.digest('hex').slice(0, 16),
    ...(script ? { script: script.path } : {}),
    shards,
    tokenizer: 'nfkc-lower-cjk-bigram',
    version: INDEX_VERSION,
  };
  yield { path: 'index.json', content: `${webJson(manifest)}\n` };
}

/**
 * Token ids and each document's (id, weight) pairs in typed arrays: a large site has
 * millions of postings, which as JS arrays of numbers would cost several times the memory.
 */
class TokenTable {
  /** The tokens' ids (TokenCounter numbers each document's tokens with it). */
  readonly vocabulary = new TokenIds();
  private counts = new Uint32Array(1024);
  private readonly docIds: Uint32Array[] = [];
  private readonly docWeights: Uint8Array[] = [];

  add(doc: number, { ids, weights }: DocTokens): void {
    if (this.vocabulary.size > this.counts.length) this.growCounts();
    for (const id of ids) this.counts[id]!++;
    this.docIds[doc] = ids;
    this.docWeights[doc] = weights;
  }

  get names(): readonly string[] {
    return this.vocabulary.names;
  }

  /** Postings of every token. */
  get size(): number {
    let size = 0;
    for (const ids of this.docIds) size += ids.length;
    return size;
  }

  /** Postings of the token `id`. */
  count(id: number): number {
    return this.counts[id]!;
  }

  /**
   * The postings of the tokens `ids`, by a counting sort: documents are visited in order, so each
   * token's postings come out ascending.
   */
  postings(ids: readonly number[]): Postings {
    const offsets = new Uint32Array(ids.length + 1);
    const local = new Int32Array(this.vocabulary.size).fill(-1);
    ids.forEach((id, i) => {
      local[id] = i;
      offsets[i + 1] = offsets[i]! + this.counts[id]!;
    });
    const fill = offsets.slice(0, ids.length);
    const docs = new Uint32Array(offsets[ids.length]!);
    const weights = new Uint8Array(offsets[ids.length]!);
    for (let d = 0; d < this.docIds.length; d++) {
      const docIds = this.docIds[d]!;
      const ws = this.docWeights[d]!;
      for (let i = 0; i < docIds.length; i++) {
        const l = local[docIds[i]!]!;
        if (l < 0) continue;
        const at = fill[l]!++;
        docs[at] = d;
        weights[at] = ws[i]!;
      }
    }
    return { offsets, docs, weights };
  }

  private growCounts(): void {
    let size = this.counts.length;
    while (size < this.vocabulary.size) size *= 2;
    const grown = new Uint32Array(size);
    grown.set(this.counts);
    this.counts = grown;
  }
}

/** The power of two that keeps each shard near TARGET_SHARD_BYTES (1 for a small site). */
function shardCount(table: TokenTable): number {
  const bytes = table.size * BYTES_PER_POSTING + table.names.length * BYTES_PER_TOKEN;
  let shards = 1;
  while (bytes / shards > TARGET_SHARD_BYTES) shards *= 2;
  return shards;
}

/**
 * One shard: `{"b":"<two-unit tokens, concatenated>","w":[<other tokens>],"p":"<postings>"}`, each
 * list sorted by code unit. `p` holds one posting list per token (those of `b` in order, then those of
 * `w`), separated by commas; a list is varints (ByteWriter.varint): doc delta, weight, doc delta,
 * weight, … with documents ascending. Packing the bigrams into one string without quotes and
 * writing numbers in base 64 halves a shard beside `{"token":[delta,weight,…],…}`: most tokens occur
 * in one document, so their key was most of their bytes.
 */
function* shardFiles(table: TokenTable, shards: number, perBatch: number): Generator<Page, void, undefined> {
  const names = table.names;
  const groups: number[][] = Array.from({ length: shards }, () => []);
  for (let id = 0; id < names.length; id++) groups[shardOf(names[id]!, shards)]!.push(id);
  const out = new ByteWriter();
  for (const [from, to] of shardBatches(groups, table, perBatch)) {
    const ordered = groups.slice(from, to).map((ids) => shardOrder(ids, names));
    const p = table.postings(ordered.flatMap(({ packed, others }) => [...packed, ...others]));
    let k = 0;
    for (const [i, { packed, others }] of ordered.entries()) {
      out.text(`{"b":${webJson(packed.map((id) => names[id]).join(''))},"w":${webJson(others.map((id) => names[id]))},"p":"`);
      for (let t = 0; t < packed.length + others.length; t++, k++) {
        if (t > 0) out.ascii(COMMA);
        let previous = 0;
        for (let at = p.offsets[k]!; at < p.offsets[k + 1]!; at++) {
          out.varint(p.docs[at]! - previous);
          out.varint(p.weights[at]!);
          previous = p.docs[at]!;
        }
      }
      out.text('"}\n');
      yield { path: `shards/${from + i}.json`, content: out.take() };
    }
  }
}

/** A shard's tokens in file order: sorted, the two-unit ones (packed into `b`) first. */
function shardOrder(ids: number[], names: readonly string[]): { packed: number[]; others: number[] } {
  ids.sort((a, b) => compareCodeUnits(names[a]!, names[b]!));
  return {
    packed: ids.filter((id) => names[id]!.length === PACKED_LENGTH),
    others: ids.filter((id) => names[id]!.length !== PACKED_LENGTH),
  };
}

/** Ranges [from, to) of shards whose postings together stay within `perBatch`, or one shard that alone is more. */
function* shardBatches(groups: readonly number[][], table: TokenTable, perBatch: number): Generator<[number, number], void, undefined> {
  const sizes = groups.map((ids) => ids.reduce((n, id) => n + table.count(id), 0));
  for (let from = 0, to = 0; from < groups.length; from = to) {
    let size = sizes[to++]!;
    while (to < groups.length && size + sizes[to]! <= perBatch) size += sizes[to++]!;
    yield [from, to];
  }
}

/** One file per document, `docs/<n>.json`: a query fetches exactly the documents it shows. Keys in sorted order. */
function docFile(n: number, d: SearchDoc): Page {
  const doc = { date: d.date, terms: d.terms, text: d.text, title: d.title, url: d.url };
  return { path: `docs/${n}.json`, content: `${webJson(doc)}\n` };
}
