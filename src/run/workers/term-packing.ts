// A file result's term lists as they cross from a worker to the main thread: term ids into a table
// each worker builds as it goes, with only the terms it has not sent before spelled out. The main
// thread then makes (and interns) a string per distinct term per worker, not one per occurrence,
// and the message carries two typed arrays instead of a few hundred strings.
import type { ArticleFacts } from '../../model/index.js';
import type { FileResult } from '../per-file/process.js';
import type { ArticleTerms, TermCounts } from '../../text/terms.js';

/** TermCounts with each term as its id in the sending worker's table. */
export interface PackedCounts {
  ids: Uint32Array;
  counts: Uint16Array;
}

/** ArticleTerms as a worker sends them. */
export interface PackedTerms {
  /** Terms this worker had not sent before: they take the next ids, in this order. */
  fresh: string[];
  words: PackedCounts;
  keywords: PackedCounts;
}

/** A FileResult as a worker sends it: its facts' terms packed. */
export type PackedResult = Omit<FileResult, 'facts'> & { facts?: Omit<ArticleFacts, 'terms'> & { terms: PackedTerms } };

/** The worker's side: one per worker, packing its results in the order they are sent. */
export class TermPacker {
  private readonly ids = new Map<string, number>();

  pack(result: FileResult): PackedResult {
    if (!result.facts) return result as PackedResult;
    const fresh: string[] = [];
    const packed = (list: TermCounts): PackedCounts => {
      const ids = new Uint32Array(list.terms.length);
      for (let i = 0; i < list.terms.length; i++) {
        const term = list.terms[i]!;
        let id = this.ids.get(term);
        if (id === undefined) {
          this.ids.set(term, (id = this.ids.size));
          fresh.push(term);
        }
        ids[i] = id;
      }
      return { ids, counts: list.counts };
    };
    const { words, keywords } = result.facts.terms;
    const terms: PackedTerms = { words: packed(words), keywords: packed(keywords), fresh };
    return { ...result, facts: { ...result.facts, terms } };
  }
}

/**
 * The main thread's side: one per worker, unpacking its results in the order they were sent.
 * `intern` gives the one string the main thread keeps for a term (it sees each term once per worker).
 */
export class TermUnpacker {
  private readonly terms: string[] = [];

  constructor(private readonly intern: (term: string) => string = (t) => t) {}

  unpack(result: PackedResult): FileResult {
    if (!result.facts) return result as FileResult;
    const { fresh, words, keywords } = result.facts.terms;
    for (const term of fresh) this.terms.push(this.intern(term));
    const unpacked = (list: PackedCounts): TermCounts => ({
      terms: Array.from(list.ids, (id) => this.terms[id]!),
      counts: list.counts,
    });
    const terms: ArticleTerms = { words: unpacked(words), keywords: unpacked(keywords) };
    return { ...result, facts: { ...result.facts, terms } };
  }
}
