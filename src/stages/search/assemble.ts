import { createHash } from 'node:crypto';
import type { Page } from '../../model/index.js';
import type { DocTokens, SearchDoc } from './documents.js';
import { ByteWriter } from './byte-writer.js';
import { shardOf } from './hash.js';
import { TokenIds } from './token-ids.js';
import { compareCodeUnits } from '../../text/compare.js';
import { webJson } from '../../text/json.js';

/** Bump when the file format changes; the browser refuses an index of another version. */
export const INDEX_VERSION = 1;
/**
 * Documents per metadata chunk. The ten results of a query lie scattered over the site's order, so
 * a page fetches up to ten chunks: at 64 documents (~21 KB) that was 130-240 KB of a 1,500-article
 * site's query (issue 19); at 16 it is a quarter of that, for four times the (small) files.
 */
export const DOCS_PER_CHUNK = 16;
/** Wanted shard size: a query of a few tokens fetches a few such files. */
const TARGET_SHARD_BYTES = 32 * 1024;
/** Rough JSON bytes of one posting (`12,3,`) and of one token key (`"丹佛":[],`), to size the shards. */
const BYTES_PER_POSTING = 5;
const BYTES_PER_TOKEN = 12;
/** Character codes of the JSON a shard is written with. */
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;

/** One document to index: its result-list entry and its tokens (document numbers follow the order given). */
export interface IndexedDoc {
  doc: SearchDoc;
  tokens: DocTokens;
}

/** The manifest (`index.json`): everything the browser needs to find the other files. */
export interface SearchManifest {
  /** Documents per `docs/<n>.json` chunk. */
  chunk: number;
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
 * `shards/<n>.json` (token -> [doc delta, weight, ...], doc numbers ascending), `docs/<n>.json`
 * (result-list entries) and, last, `index.json`, whose id is the digest of the others. Documents
 * are numbered in the order given; keys are sorted, so the same input gives byte-identical files.
 * Files are made one at a time as the caller takes them: on a large site the shards add up to
 * hundreds of MB, which should be written and let go, not held together.
 */
export function* assembleIndex(
  docs: Iterable<IndexedDoc>,
  scriptFile?: (tokens: readonly string[]) => Page,
): Generator<Page, void, undefined> {
  const table = new TokenTable();
  const entries: SearchDoc[] = [];
  for (const { doc, tokens } of docs) {
    table.add(entries.length, tokens);
    entries.push(doc);
  }
  const postings = table.postings();
  const shards = shardCount(postings);
  const script = scriptFile?.(postings.names);
  const hash = createHash('sha256');
  function* files(): Generator<Page, void, undefined> {
    yield* shardFiles(postings, shards);
    yield* docFiles(entries);
    if (script) yield script;
  }
  for (const f of files()) {
    hash.update(`${f.path}\0`).update(f.content).update('\0');
    yield f;
  }
  const manifest: SearchManifest = {
    chunk: DOCS_PER_CHUNK,
    docs: entries.length,
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

/** One JSON object per shard, tokens in code-unit order, postings as [doc delta, weight, ...]. */
function* shardFiles(p: Postings, shards: number): Generator<Page, void, undefined> {
  const groups: number[][] = Array.from({ length: shards }, () => []);
  for (let id = 0; id < p.names.length; id++) groups[shardOf(p.names[id]!, shards)]!.push(id);
  const out = new ByteWriter();
  for (const [shard, ids] of groups.entries()) {
    ids.sort((a, b) => compareCodeUnits(p.names[a]!, p.names[b]!));
    out.ascii(OPEN_BRACE);
    ids.forEach((id, i) => {
      if (i > 0) out.ascii(COMMA);
      out.text(webJson(p.names[id]));
      out.ascii(COLON);
      out.ascii(OPEN_BRACKET);
      let previous = 0;
      for (let at = p.offsets[id]!; at < p.offsets[id + 1]!; at++) {
        if (at > p.offsets[id]!) out.ascii(COMMA);
        out.uint(p.docs[at]! - previous);
        out.ascii(COMMA);
        out.uint(p.weights[at]!);
        previous = p.docs[at]!;
      }
      out.ascii(CLOSE_BRACKET);
    });
    out.ascii(CLOSE_BRACE);
    out.ascii(NEWLINE);
    yield { path: `shards/${shard}.json`, content: out.take() };
  }
}

/** Result-list entries in chunks of DOCS_PER_CHUNK, keys in sorted order. */
function* docFiles(entries: SearchDoc[]): Generator<Page, void, undefined> {
  for (let start = 0; start < entries.length || start === 0; start += DOCS_PER_CHUNK) {
    const chunk = entries
      .slice(start, start + DOCS_PER_CHUNK)
      .map((d) => ({ date: d.date, summary: d.summary, title: d.title, url: d.url }));
    yield { path: `docs/${start / DOCS_PER_CHUNK}.json`, content: `${webJson(chunk)}\n` };
  }
}
