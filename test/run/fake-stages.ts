// Small stand-ins for the content stages, so orchestration is tested on its own:
// each "article" file's first line is its title; a file reading THROW makes the stage throw,
// one reading BAD yields only an error diagnostic, as load does for a skipped file.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Stages } from '../../src/run/stages.js';
import { stampFile } from '../../src/run/cache/stamp.js';
import type { Article, Site } from '../../src/model/index.js';
import { writeSite } from '../../src/stages/write/index.js';
import { articleFacts } from '../../src/run/per-file/facts.js';
import { makeArticle } from '../helpers/articles.js';

export interface FakeStages extends Stages {
  /** Relative paths given to processFile, in call order. */
  processed: string[];
}

export function fakeStages(): FakeStages {
  const processed: string[] = [];
  return {
    processed,
    async discover(contentDir) {
      const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .reverse();
    },
    async processFile(absPath, contentDir) {
      const rel = path.relative(contentDir, absPath).split(path.sep).join('/');
      processed.push(rel);
      const stamp = stampFile(absPath);
      const bytes = await readFile(absPath);
      const text = bytes.toString('utf8');
      if (text.startsWith('THROW')) throw new Error('stage bug');
      if (text.startsWith('BAD')) {
        return {
          file: rel,
          diagnostics: [{ file: rel, line: 1, column: 1, severity: 'error', rule: 'load/bad', message: 'bad file' }],
          stamp,
        };
      }
      const warning = { file: rel, line: 2, column: 0, severity: 'warning' as const, rule: 'fake/warn', message: 'a warning' };
      const article = fakeArticle(rel, createHash('sha256').update(bytes).digest('hex'), text.split('\n')[0]!);
      return { file: rel, article: { ...article, diagnostics: [warning] }, facts: articleFacts(article), diagnostics: [warning], stamp };
    },
    enrichCorpus: (articles, facts) => ({ articles, facts: new Map(facts) }),
    buildSite(articles, _facts, config): Site {
      const slugs = articles.map((a) => a.slug);
      return {
        config,
        articles,
        bySlug: new Map(articles.map((a) => [a.slug, a])),
        urls: new Map(slugs.map((s) => [s, `/articles/${s}/`])),
        related: new Map(),
        ranking: slugs,
        latest: slugs,
        taxonomies: { keywords: [], parks: [], sources: [], sections: [], months: [] },
        duplicates: [],
        diagnostics: [],
      };
    },
    async *renderSite(site) {
      const list = site.articles.map((a) => `<li>${a.title}</li>`).join('');
      yield* [
        { path: 'index.html', content: `<ul>${list}</ul>` },
        ...site.articles.map((a) => ({ path: `articles/${a.slug}/index.html`, content: `<h1>${a.title}</h1>` })),
      ];
    },
    writeSite,
  };
}

function fakeArticle(file: string, hash: string, title: string): Article {
  return makeArticle({ file, hash, slug: file.replace(/\.[a-z]+$/, '').replace(/[^a-z0-9]+/g, '-'), title });
}
