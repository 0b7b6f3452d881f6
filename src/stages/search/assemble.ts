import { createHash } from 'node:crypto';
import type { Page } from '../../model/index.js';
import type { DocTokens, SearchDoc } from './documents.js';
import { ByteWriter } from './byte-writer.js';
import { shardOf } from './hash.js';
import { TokenIds } from './token-ids.js';
import { compareCodeUnits } from '../../text/compare.js';
import { webJson } from '../../text/json.js';

/** Bump when the file format changes; the browser refuses an index of another version. */
export const INDEX_VERSION = 2;
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

/** One document to index: its result-list entry and its tokens (document numbers follow the order given). */
export interface IndexedDoc {
  doc: SearchDoc;
  tokens: DocTokens;
}

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

/** Postings of all tokens, grouped by token (CSR layout: typed arrays, not one JS array per token). */
interface Postings {
  names: string[];
  /** Postings of token i are at [offsets[i], offsets[i + 1]). */
  offsets: Uint32Array;
  docs: Uint32Array;
  weights: Uint8Array;
}

/**
 * Merges per-document tokens into the static index files (paths relative to the index folder):
 * `docs/<n>.json` (one document's result entry and text, as each document comes), `shards/<n>.json`
 * (tokens and their postings, see shardFiles), `script.json` and, last, `index.json`, whose id is
 * the digest of the others. Documents
 * are numbered in the order given; keys are sorted, so the same input gives byte-identical files.
 * Files are made one at a time as the caller takes them: on a large site the shards add up to
 * hundreds of MB, which should be written and let go, not held together.
 */
export function* assembleIndex(
  docs: Iterable<IndexedDoc>,
  scriptFile?: (tokens: readonly string[]) => Page,
): Generator<Page, void, undefined> {
  const table = new TokenTable();
  const hash = createHash('sha256');
  const digested = (f: Page): Page => {
    hash.update(`${f.path}\0`).update(f.content).update('\0');
    return f;
  };
  // Each document's file as it comes, so its text is let go at once, not held for every article
  // until the shards are made.
  let count = 0;
  for (const { doc, tokens } of docs) {
    table.add(count, tokens);
    yield digested(docFile(count++, doc));
  }
  const postings = table.postings();
  const shards = shardCount(postings);
  for (const f of shardFiles(postings, shards)) yield digested(f);
  const script = scriptFile?.(postings.names);
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
  private readonly ids = new TokenIds();
  private counts = new Uint32Array(1024);
  private readonly docIds: Uint32Array[] = [];
  private readonly docWeights: Uint8Array[] = [];

  add(doc: number, tokens: DocTokens): void {
    const ids = new Uint32Array(tokens.size);
    const weights = new Uint8Array(tokens.size);
    let i = 0;
    // forEach, not for-of: no [key, value] array per entry.
    tokens.forEach((weight, token) => {
      const id = this.ids.id(token);
      if (id >= this.counts.length) this.growCounts();
      this.counts[id]!++;
      ids[i] = id;
      weights[i++] = weight;
    });
    this.docIds[doc] = ids;
    this.docWeights[doc] = weights;
  }

  /** Counting sort by token: documents are visited in order, so each token's postings come out ascending. */
  postings(): Postings {
    const n = this.ids.size;
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + this.counts[i]!;
    const fill = offsets.slice(0, n);
    const docs = new Uint32Array(offsets[n]!);
    const weights = new Uint8Array(offsets[n]!);
    for (let d = 0; d < this.docIds.length; d++) {
      const ids = this.docIds[d]!;
      const ws = this.docWeights[d]!;
      for (let i = 0; i < ids.length; i++) {
        const at = fill[ids[i]!]!++;
        docs[at] = d;
        weights[at] = ws[i]!;
      }
    }
    return { names: this.ids.names, offsets, docs, weights };
  }

  private growCounts(): void {
    const grown = new Uint32Array(this.counts.length * 2);
    grown.set(this.counts);
    this.counts = grown;
  }
}

/** The power of two that keeps each shard near TARGET_SHARD_BYTES (1 for a small site). */
function shardCount(p: Postings): number {
  const bytes = p.docs.length * BYTES_PER_POSTING + p.names.length * BYTES_PER_TOKEN;
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
function* shardFiles(p: Postings, shards: number): Generator<Page, void, undefined> {
  const groups: number[][] = Array.from({ length: shards }, () => []);
  for (let id = 0; id < p.names.length; id++) groups[shardOf(p.names[id]!, shards)]!.push(id);
  const out = new ByteWriter();
  for (const [shard, ids] of groups.entries()) {
    ids.sort((a, b) => compareCodeUnits(p.names[a]!, p.names[b]!));
    const packed = ids.filter((id) => p.names[id]!.length === PACKED_LENGTH);
    const others = ids.filter((id) => p.names[id]!.length !== PACKED_LENGTH);
    out.text(`{"b":${webJson(packed.map((id) => p.names[id]).join(''))},"w":${webJson(others.map((id) => p.names[id]))},"p":"`);
    [...packed, ...others].forEach((id, i) => {
      if (i > 0) out.ascii(COMMA);
      let previous = 0;
      for (let at = p.offsets[id]!; at < p.offsets[id + 1]!; at++) {
        out.varint(p.docs[at]! - previous);
        out.varint(p.weights[at]!);
        previous = p.docs[at]!;
      }
    });
    out.text('"}\n');
    yield { path: `shards/${shard}.json`, content: out.take() };
  }
}

/** One file per document, `docs/<n>.json`: a query fetches exactly the documents it shows. Keys in sorted order. */
function docFile(n: number, d: SearchDoc): Page {
  const doc = { date: d.date, terms: d.terms, text: d.text, title: d.title, url: d.url };
  return { path: `docs/${n}.json`, content: `${webJson(doc)}\n` };
}
