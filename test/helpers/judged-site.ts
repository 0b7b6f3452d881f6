// The site the related-articles judgments were made on: the five samples of content/ plus every
// third tw-news article (../shared), through the real per-file, corpus and site stages.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../../src/config/defaults.js';
import { enrichCorpus, type Enriched } from '../../src/stages/corpus/index.js';
import { buildSite } from '../../src/stages/site/index.js';
import type { Article, ArticleFacts, Config, FactsByFile, Site } from '../../src/model/index.js';
import { corpusDir, fixturesDir, projectRoot } from './paths.js';
import { processed } from './pipeline.js';

/** Whether a reader of the source would want the related article, as judged by reading both. */
export interface Judgment {
  verdict: 'relevant' | 'unrelated';
  reason: string;
}

/** Judgments by source file, then by related file (names inside content/ or the corpus folder). */
export type Judgments = Record<string, Record<string, Judgment>>;

export const judgmentsFile = path.join(fixturesDir, 'related', 'judgments.json');

export function readJudgments(): Judgments {
  return JSON.parse(readFileSync(judgmentsFile, 'utf8')) as Judgments;
}

/** Every third tw-news file in name order, as the other tw-news tests pick their subsets. */
export function corpusSubset(): string[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .filter((_, i) => i % 3 === 0);
}

/** The samples and the tw-news subset after the corpus step, ready for the site stage. */
async function judgedInputs(): Promise<Enriched & { config: Config }> {
  const config = defaultConfig(projectRoot);
  const samples = readdirSync(config.contentDir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort();
  const own = await processed(config.contentDir, samples, config);
  const news = await processed(corpusDir, corpusSubset(), { ...config, contentDir: corpusDir });
  const articles: Article[] = [...own.articles, ...news.articles];
  const facts = new Map<string, ArticleFacts>([...own.facts, ...news.facts]);
  return { ...enrichCorpus(articles, facts, config), config };
}

/** The samples and the tw-news subset as one site, with the facts render reads. */
export async function judgedBuild(): Promise<{ site: Site; facts: FactsByFile }> {
  const { articles, facts, config } = await judgedInputs();
  return { site: buildSite(articles, facts, config, { year: 2026 }), facts };
}

export async function judgedSite(): Promise<Site> {
  return (await judgedBuild()).site;
}

/** A site's 相关阅读 by source file, as file names, for the judged sources. */
export function relatedFiles(site: Site, sources: readonly string[]): Map<string, string[]> {
  const bySource = new Map(site.articles.map((a) => [a.file, a]));
  return new Map(
    sources.map((file) => {
      const a = bySource.get(file);
      if (!a) throw new Error(`judged source ${file} is not on the site (a duplicate now, or missing)`);
      return [file, (site.related.get(a.slug) ?? []).map((s) => site.bySlug.get(s)!.file)];
    }),
  );
}

/** 相关阅读 measured against the judgments: judged pairs shown, how many are relevant, the unjudged ones. */
export interface JudgedPrecision {
  shown: number;
  relevant: number;
  unjudged: [string, string][];
  /** Items shown per judged article, in the judgments' order. */
  perArticle: number[];
}

export function judgedPrecision(related: ReadonlyMap<string, string[]>, judgments: Judgments): JudgedPrecision {
  const result: JudgedPrecision = { shown: 0, relevant: 0, unjudged: [], perArticle: [] };
  for (const [source, list] of related) {
    result.perArticle.push(list.length);
    for (const target of list) {
      const j = judgments[source]?.[target];
      if (!j) result.unjudged.push([source, target]);
      else {
        result.shown++;
        if (j.verdict === 'relevant') result.relevant++;
      }
    }
  }
  return result;
}
