// The per-file stages over a list of files, as the builder runs them, for tests that start a site from real text.
import path from 'node:path';
import type { Article, ArticleFacts, Config } from '../../src/model/index.js';
import { processFile } from '../../src/run/per-file/process.js';

/** The articles `files` (names inside `contentDir`) give, and their facts by file. */
export async function processed(
  contentDir: string,
  files: string[],
  config: Config,
): Promise<{ articles: Article[]; facts: Map<string, ArticleFacts> }> {
  const articles: Article[] = [];
  const facts = new Map<string, ArticleFacts>();
  for (const f of files) {
    const r = await processFile(path.join(contentDir, f), contentDir, config);
    if (!r.article || !r.facts) continue;
    articles.push(r.article);
    facts.set(r.article.file, r.facts);
  }
  return { articles, facts };
}
