import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { searchPages, type SearchEdition } from '../../../src/stages/search/index.js';
import type { Page, Site } from '../../../src/model/index.js';
import { projectRoot } from '../../helpers/paths.js';

export interface Segment {
  text: string;
  mark: boolean;
}
export interface ResultDoc {
  n: number;
  url: string;
  title: string;
  date: string | null;
  text: string;
  terms: string;
}
export interface OpenIndex {
  manifest: { docs: number; hash: string; id: string; shards: number; tokenizer: string; version: number };
  find(query: string): Promise<number[]>;
  docs(numbers: number[]): Promise<ResultDoc[]>;
}
/** The browser's query module (public/search-query.js), as the search page imports it. */
export interface QueryModule {
  fold(text: string): string;
  tokenize(text: string): string[];
  fnv1a(token: string): number;
  parseQuery(query: string): { tokens: string[]; runs: string[] };
  openIndex(load: (path: string, version?: string) => Promise<unknown>): Promise<OpenIndex>;
  readShard(raw: unknown): unknown;
  postingsOf(shard: unknown, token: string): { docs: number[]; weights: number[] };
  decodePostings(list: string): { docs: number[]; weights: number[] };
  rank(lists: { docs: number[]; weights: number[] }[]): number[];
  containsRuns(text: string, runs: string[]): boolean;
  highlight(text: string, runs: string[]): Segment[];
  snippet(text: string, runs: string[], max?: number): Segment[] | null;
}

/** Loads public/search-query.js from the project (it is served as is, never compiled). */
export async function queryModule(): Promise<QueryModule> {
  return import(pathToFileURL(path.join(projectRoot, 'public', 'search-query.js')).href) as Promise<QueryModule>;
}

export const mainEdition: SearchEdition = { dir: '', convert: (t) => t, ownOriginals: false };

/** Opens the index under `folder` among built pages the way the browser does, from memory. */
export async function openPages(q: QueryModule, pages: Page[], folder = 'search'): Promise<OpenIndex> {
  const files = new Map(pages.map((p) => [p.path, p.content]));
  return q.openIndex(async (file) => {
    const content = files.get(`${folder}/${file}`);
    if (content === undefined) throw new Error(`no index file ${folder}/${file}`);
    return JSON.parse(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
  });
}

/** Titles of the results of a query on the main edition's index of a site, best first. */
export async function titles(index: OpenIndex, query: string): Promise<string[]> {
  return (await index.docs(await index.find(query))).map((d) => d.title);
}

export function mainIndexPages(site: Site): Page[] {
  return [...searchPages(site, [mainEdition])];
}
