// The search page: reads ?q=, queries the static index of this edition (files under <base>/search/),
// checks the best candidates against their own text in the index (dropping documents where the
// query's characters are not adjacent) and shows them with a highlighted snippet. Article text only
// ever reaches the page through textContent, never as markup.
import { fold, highlight, matchingRuns, openIndex, parseQuery, search, snippet, toOtherScript } from './search-query.js';

/** Results shown at once; "more" shows the next batch. */
const BATCH = 10;
/** Characters of a result's text shown when the hit is not in it. */
const LEAD_CHARS = 80;

const root = document.getElementById('search');
if (root) start(root).catch(() => finish(root, root.dataset.error));

async function start(root) {
  const query = (new URLSearchParams(window.location.search).get('q') || '').trim();
  const input = document.getElementById('site-search');
  if (input && query) input.value = query;
  if (parseQuery(query).tokens.length === 0) return finish(root, query ? message(root.dataset.none, query) : root.dataset.empty);
  status(root).textContent = message(root.dataset.searching, query);
  const base = root.dataset.base || '';
  const index = await openIndex(loader(`${base}/search/`));
  const result = await search(index, query);
  note(root, query, result);
  const found = result.hits;
  const more = root.querySelector('.search-more');
  const state = { next: 0, shown: 0, dropped: 0 };
  const showBatch = async () => {
    more.hidden = true;
    const batch = await nextBatch(index, found, state);
    const list = root.querySelector('.search-results');
    for (const hit of batch) list.append(resultItem(hit, base));
    state.shown += batch.length;
    more.hidden = state.next >= found.length;
    const exact = state.next >= found.length;
    const total = found.length - state.dropped;
    if (total === 0) suggest(root, toOtherScript(result.query, result.table));
    finish(root, total === 0 ? message(root.dataset.none, query) : message(exact ? root.dataset.found : root.dataset.about, query, total));
  };
  more.addEventListener('click', () => { showBatch().catch(() => finish(root, root.dataset.error)); });
  await showBatch();
}

/** Says which query was searched when it is not the one typed (other script, regional words). */
function note(root, typed, { query, forms }) {
  const parts = [];
  if (query !== fold(typed)) parts.push(message(root.dataset.converted, query));
  if (forms.length > 1) parts.push(message(root.dataset.alsoWords, forms.slice(1).join('、')));
  const p = root.querySelector('.search-note');
  if (p && parts.length) {
    p.textContent = parts.join(' ');
    p.hidden = false;
  }
}

/** With no result, a link to the same words on the other script's edition, where there is one. */
function suggest(root, converted) {
  const link = root.querySelector('.search-suggest a');
  if (!link) return;
  link.href = `${link.dataset.search}?q=${encodeURIComponent(converted)}`;
  link.textContent = message(link.dataset.label, converted);
  link.parentElement.hidden = false;
}

/** The next BATCH candidates whose own text (title, body, keywords) holds the query as typed. */
async function nextBatch(index, found, state) {
  const batch = [];
  while (batch.length < BATCH && state.next < found.length) {
    const hits = found.slice(state.next, state.next + BATCH - batch.length);
    state.next += hits.length;
    const docs = await index.docs(hits.map((h) => h.n));
    docs.forEach((doc, i) => {
      const runs = matchingRuns(`${doc.title}\n${doc.text}\n${doc.terms}`, hits[i].alternatives);
      if (runs) batch.push({ doc, runs });
      else state.dropped++;
    });
  }
  return batch;
}

/** Index files come from `folder`; the manifest is revalidated, the rest is cached under its build id. */
function loader(folder) {
  return async (path, version) => {
    const res = await fetch(folder + path + (version ? `?v=${version}` : ''), version ? {} : { cache: 'no-cache' });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  };
}

/** One result: title link, date, snippet with the hits marked. */
function resultItem({ doc, runs }, base) {
  const li = element('li', 'search-result');
  const heading = element('h2', 'search-result-title');
  const link = element('a');
  link.href = base + doc.url;
  link.textContent = doc.title;
  heading.append(link);
  li.append(heading);
  if (doc.date) {
    const time = element('time', 'search-result-date');
    time.dateTime = doc.date;
    const [y, m, d] = doc.date.split('-');
    time.textContent = `${y}年${Number(m)}月${Number(d)}日`;
    li.append(time);
  }
  const segments = snippet(doc.text, runs) || lead(doc.text, runs);
  const p = element('p', 'search-result-snippet');
  for (const s of segments) {
    if (s.mark) {
      const mark = element('mark');
      mark.textContent = s.text;
      p.append(mark);
    } else p.append(document.createTextNode(s.text));
  }
  li.append(p);
  return li;
}

/** The start of the text, for a hit in the title or keywords only: a result line, not the whole article. */
function lead(text, runs) {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  const segments = highlight(chars.slice(0, LEAD_CHARS).join(''), runs);
  if (chars.length > LEAD_CHARS) segments.push({ text: '…', mark: false });
  return segments;
}

function element(name, className) {
  const e = document.createElement(name);
  if (className) e.className = className;
  return e;
}

function status(root) {
  return root.querySelector('.search-status');
}

/** Shows the final message and marks the search as done (tests and assistive tech read it). */
function finish(root, text) {
  status(root).textContent = text;
  root.dataset.state = 'done';
}

/** Fills `{q}` and `{n}` of a message template the page gives in its own script. */
function message(template, query, n) {
  return (template || '').replace('{q}', query).replace('{n}', String(n));
}
