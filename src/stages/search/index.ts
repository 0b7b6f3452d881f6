import type { Page, Site } from '../../model/index.js';
import { assembleIndex } from './assemble.js';
import { searchDoc, type SearchDoc } from './documents.js';
import { regionalWordsFor, scriptTable } from './script-table.js';

/** Folder of an edition's index, beside its search page (`search/index.html`). */
export const SEARCH_DIR = 'search';
/** The query table of an index (script-table.ts), beside its manifest. */
const SCRIPT_FILE = 'script.json';

/** What the index needs of a script edition: its output folder and its text conversion. */
export interface SearchEdition {
  /** Folder of the edition in the output ('' for the main edition). */
  dir: string;
  /** Simplified text -> the edition's script (identity for the main edition). */
  convert: (text: string) => string;
  /** Whether the edition shows a traditional original's own lines (Article.originalLines) rather than converting its body. */
  ownOriginals: boolean;
}

/**
 * search: Site -> the static search index of each edition, built from the article model (title,
 * body, keywords, parks), never from rendered pages. Documents are numbered in the site's order
 * reversed, oldest first (the browser ranks ties by the higher number): a new article, the newest,
 * takes the next number and every other document keeps its own, so a rebuild rewrites its file only. Each edition gets its own index in its own
 * script under `<dir>/search/`, with a table that turns a query typed in the other script or another
 * region's words into this index's (`script.json`). Pages come one at a time, for the writer to write and let go.
 */
export function* searchPages(site: Site, editions: SearchEdition[]): Generator<Page, void, undefined> {
  const regional = regionalWordsFor(site.config.traditional?.variant);
  for (const edition of editions) {
    const folder = edition.dir ? `${edition.dir}/${SEARCH_DIR}` : SEARCH_DIR;
    const script = (tokens: readonly string[]): Page => ({
      path: SCRIPT_FILE,
      content: `${JSON.stringify(scriptTable(tokens, edition.convert, regional))}\n`,
    });
    for (const p of assembleIndex(indexedDocs(site, edition), script)) yield { path: `${folder}/${p.path}`, content: p.content };
  }
}

/** Articles oldest first (site order reversed), one at a time, so only the merged postings stay in memory. */
function* indexedDocs(site: Site, edition: SearchEdition): Generator<SearchDoc> {
  for (let i = site.articles.length - 1; i >= 0; i--) {
    const article = site.articles[i]!;
    yield searchDoc(article, site.urls.get(article.slug)!, edition.convert, edition.ownOriginals);
  }
}
