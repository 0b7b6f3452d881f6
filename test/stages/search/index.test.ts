import { test } from 'node:test';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/config/defaults.js';
import { renderPages } from '../../helpers/pages.js';
import { editions } from '../../../src/stages/render/edition.js';
import { assembleIndex, type SearchManifest } from '../../../src/stages/search/assemble.js';
import { MAX_TF, searchDoc, TokenCounter, type SearchDoc } from '../../../src/stages/search/documents.js';
import { TokenIds } from '../../../src/stages/search/token-ids.js';
import { ByteWriter } from '../../../src/stages/search/byte-writer.js';
import { shardOf } from '../../../src/stages/search/hash.js';
import { searchPages } from '../../../src/stages/search/index.js';
import type { Page } from '../../../src/model/index.js';
import { makeArticle } from '../../helpers/articles.js';
import { projectRoot } from '../../helpers/paths.js';
import { sampleSite } from '../render/sample-site.js';
import { mainIndexPages, openPages, queryModule, titles } from './helpers.js';

const text = (p: Page): string => (typeof p.content === 'string' ? p.content : Buffer.from(p.content).toString('utf8'));
const json = (pages: Page[], path: string): any => JSON.parse(text(pages.find((p) => p.path === path)!));

/** Token -> weight of each document, counted one after the other with one vocabulary, as the index does. */
function tokenWeights(...docs: SearchDoc[]): Map<string, number>[] {
  const vocabulary = new TokenIds();
  const counter = new TokenCounter(vocabulary);
  return docs.map((doc) => {
    const { ids, weights } = counter.count(doc);
    return new Map([...ids].map((id, i) => [vocabulary.names[id]!, weights[i]!]));
  });
}

test('document tokens: title tokens are flagged, body and keyword tokens counted, sidebars never seen', () => {
  const a = makeArticle({
    file: 'a.txt',
    title: '丹佛斯项目',
    body: '## 项目\n\n丹佛斯在[镇江](https://example.cn/x)。丹佛斯。',
    keywords: ['高新区'],
    parks: ['镇江高新区'],
  });
  const doc = searchDoc(a, '/a/');
  const many = searchDoc(makeArticle({ file: 'b.txt', title: 'x', body: '园区 '.repeat(500) }), '/b/');
  // A third document after the first: its counts start from nothing, though it shares the first's tokens.
  const [tokens, manyTokens, again] = tokenWeights(doc, many, doc);
  assert.equal(tokens!.get('丹佛'), 3 * 2 + 1, 'three times, once in the title');
  assert.equal(tokens!.get('镇江'), 2 * 2, 'body and park, not title');
  assert.equal(tokens!.get('高新'), 2 * 2, 'keyword and park');
  assert.equal(tokens!.has('https'), false, 'link destinations are not text');
  assert.equal(tokens!.has('example'), false);
  assert.equal(doc.text, '项目\n丹佛斯在镇江。丹佛斯。', 'the text the page checks and cuts snippets from: plain, no markup or URLs');
  assert.equal(doc.terms, '高新区、镇江高新区');
  assert.equal(manyTokens!.get('园区'), MAX_TF * 2, 'term frequency saturates so a weight fits one byte');
  assert.deepEqual(again, tokens);
  assert.deepEqual([...tokens!.keys()].slice(0, 4), ['丹佛', '佛斯', '斯项', '项目'], 'in the order they first occur, the title first');
});

test('the index of the samples: manifest, one doc file per article, oldest first, every token in its hashed shard', async () => {
  const site = await sampleSite();
  const pages = mainIndexPages(site);
  const manifest: SearchManifest = json(pages, 'search/index.json');
  assert.equal(manifest.docs, site.articles.length);
  assert.equal(manifest.hash, 'fnv1a32-utf16');
  assert.equal(manifest.shards & (manifest.shards - 1), 0, 'a power of two');
  assert.deepEqual(
    site.articles.map((_, n) => json(pages, `search/docs/${n}.json`).title),
    site.articles.map((a) => a.title).reverse(),
  );
  assert.equal(pages.filter((p) => p.path.startsWith('search/docs/')).length, site.articles.length);
  assert.equal(pages.filter((p) => p.path.startsWith('search/shards/')).length, manifest.shards);
  let tokens = 0;
  for (let s = 0; s < manifest.shards; s++) {
    const raw: { b: string; w: string[]; p: string } = json(pages, `search/shards/${s}.json`);
    const packed = raw.b.match(/[\s\S]{2}/g) ?? [];
    assert.equal(packed.join(''), raw.b, 'packed tokens are two code units each');
    for (const keys of [packed, raw.w]) {
      assert.deepEqual(
        keys,
        [...keys].sort((a, b) => (a < b ? -1 : 1)),
        'tokens sorted',
      );
      for (const k of keys) assert.equal(shardOf(k, manifest.shards), s, k);
    }
    assert.equal(raw.p.split(',').length, packed.length + raw.w.length, 'one posting list per token');
    tokens += packed.length + raw.w.length;
  }
  assert.ok(tokens > 1000, `${tokens} tokens`);
  // 丹佛斯 occurs in two samples: the postings list both, with ascending doc numbers.
  const q = await queryModule();
  const shard = q.readShard(json(pages, `search/shards/${shardOf('丹佛', manifest.shards)}.json`));
  const { docs } = q.postingsOf(shard, '丹佛');
  assert.equal(docs.length, 2);
  assert.ok(docs[0]! < docs[1]!);
  assert.deepEqual(q.postingsOf(shard, '丹丹'), { docs: [], weights: [] });
});

test('two builds of the same site are byte-identical', async () => {
  const a = mainIndexPages(await sampleSite());
  const b = mainIndexPages(await sampleSite());
  assert.deepEqual(
    a.map((p) => p.path),
    b.map((p) => p.path),
  );
  for (let i = 0; i < a.length; i++) assert.ok(Buffer.from(text(a[i]!)).equals(Buffer.from(text(b[i]!))), a[i]!.path);
});

test('a new newest article takes the next document number: every other document file stays as it was', async () => {
  const site = await sampleSite();
  const [newest, ...rest] = site.articles;
  assert.ok(newest?.date && rest.every((a) => !a.date || a.date <= newest.date!), 'site order is newest first');
  const docs = (pages: Page[]) => pages.filter((p) => p.path.startsWith('search/docs/')).map((p) => [p.path, text(p)]);
  const before = docs(mainIndexPages({ ...site, articles: rest }));
  const after = docs(mainIndexPages(site));
  assert.deepEqual(after.slice(0, before.length), before);
  assert.equal(after.length, before.length + 1);
  assert.equal(JSON.parse(after.at(-1)![1]!).title, newest.title);
});

test('shards grow with the corpus, one doc file per document; each shard stays small', async () => {
  const docs = Array.from({ length: 3000 }, (_, i) => {
    const a = makeArticle({ file: `${i}.txt`, title: `第${i}号公告`, body: `园区${i}号项目 编号${i * 7919} 企业${(i * 31) % 997}家` });
    return searchDoc(a, `/articles/${i}/`);
  });
  const small = [...assembleIndex(docs.slice(0, 10))];
  const big = [...assembleIndex(docs)];
  const manifest: SearchManifest = json(big, 'index.json');
  assert.equal(json(small, 'index.json').shards, 1);
  assert.ok(manifest.shards > 1);
  assert.equal(big.filter((p) => p.path.startsWith('docs/')).length, 3000);
  const sizes = big.filter((p) => p.path.startsWith('shards/')).map((p) => p.content.length);
  assert.ok(Math.max(...sizes) < 16 * 1024, `largest shard ${Math.max(...sizes)} bytes`);
});

test('shards made a few at a time are the same files as when made at once', () => {
  const docs = Array.from({ length: 3000 }, (_, i) => {
    const a = makeArticle({
      file: `${i}.txt`,
      title: `第${i}号公告`,
      body: `园区${i}号项目 编号${i * 7919} 企业${(i * 31) % 997}家 Park${i % 50}`,
    });
    return searchDoc(a, `/articles/${i}/`);
  });
  const whole = [...assembleIndex(docs)];
  const shards = (json(whole, 'index.json') as SearchManifest).shards;
  assert.ok(shards > 4, `${shards} shards`);
  // Batches of about one shard, and batches smaller than any shard (one shard each).
  for (const perBatch of [Math.ceil(docs.length / shards), 1]) {
    const batched = [...assembleIndex(docs, undefined, perBatch)];
    assert.deepEqual(
      batched.map((p) => p.path),
      whole.map((p) => p.path),
    );
    for (let i = 0; i < whole.length; i++) assert.equal(text(batched[i]!), text(whole[i]!), whole[i]!.path);
  }
});

test('index files come one at a time, the manifest last, naming the digest of the files before it', () => {
  const docs = Array.from({ length: 500 }, (_, i) => {
    const a = makeArticle({ file: `${i}.txt`, title: `第${i}号公告`, body: `园区${i}号项目 企业${(i * 31) % 97}家` });
    return searchDoc(a, `/articles/${i}/`);
  });
  let read = 0;
  const stream = assembleIndex(
    (function* () {
      for (const d of docs) {
        read++;
        yield d;
      }
    })(),
  );
  const first = stream.next();
  assert.ok(!first.done && first.value.path === 'docs/0.json', "a document's file is handed over before the rest are made");
  assert.equal(read, 1, 'before the next document is even read, so its text need not be held');
  const rest = [first.value, ...stream];
  assert.ok(rest.some((f) => f.path.startsWith('shards/')));
  const manifest = rest.pop()!;
  assert.equal(manifest.path, 'index.json');
  const hash = createHash('sha256');
  for (const f of rest) hash.update(`${f.path}\0`).update(f.content).update('\0');
  assert.equal((JSON.parse(String(manifest.content)) as SearchManifest).id, hash.digest('hex').slice(0, 16));
});

test('an empty site still has a valid, empty index', async () => {
  const q = await queryModule();
  const pages = [...assembleIndex([])].map((p) => ({ ...p, path: `search/${p.path}` }));
  const index = await openPages(q, pages);
  assert.equal(index.manifest.docs, 0);
  assert.deepEqual(await index.find('园区'), []);
});

test('the traditional edition has its own index, in its own script, under its folder', async () => {
  const config = { ...defaultConfig(projectRoot), traditional: { enabled: true, variant: 'tw' as const, dir: 'zh-hant' } };
  const site = await sampleSite({ traditional: config.traditional });
  const pages = [...searchPages(site, editions(config))];
  assert.ok(pages.some((p) => p.path === 'search/index.json'));
  assert.ok(pages.some((p) => p.path === 'zh-hant/search/index.json'));
  const q = await queryModule();
  const hant = await openPages(q, pages, 'zh-hant/search');
  assert.match((await titles(hant, '江北新區'))[0]!, /南京江北新區/);
  assert.match((await titles(await openPages(q, pages), '江北新区'))[0]!, /南京江北新区/);
});

test('under a path prefix the search page names its base, and every result URL under it is a built page', async () => {
  const site = await sampleSite({ pathPrefix: '/parks' });
  const pages = await renderPages(site);
  const searchPage = text(pages.find((p) => p.path === 'search/index.html')!);
  assert.match(searchPage, /data-base="\/parks"/);
  assert.doesNotMatch(searchPage, /pagefind/i);
  const paths = new Set(pages.map((p) => p.path));
  for (const n of site.articles.keys()) {
    const doc = json(pages, `search/docs/${n}.json`) as { url: string };
    const file = `${decodeURI(doc.url).replace(/^\//, '')}index.html`;
    assert.ok(paths.has(file), `${doc.url} -> ${file}`);
  }
});

test('search off: no index, no search page', async () => {
  const pages = await renderPages(await sampleSite({ search: false }));
  assert.equal(
    pages.some((p) => p.path.startsWith('search/')),
    false,
  );
});

test('posting varints written by the build read back in the browser, small and large numbers alike', async () => {
  const q = await queryModule();
  const docs = [0, 1, 31, 32, 33, 1023, 1024, 32767, 32768, 1_000_000, 4_000_000_000];
  const weights = [2, 255, 3, 0, 254, 1, 128, 64, 31, 32, 7];
  const out = new ByteWriter();
  let previous = 0;
  docs.forEach((d, i) => {
    out.varint(d - previous);
    out.varint(weights[i]!);
    previous = d;
  });
  const list = out.take().toString('latin1');
  assert.match(list, /^[^,"\\]+$/, 'no separator or JSON escape in a list');
  assert.deepEqual(q.decodePostings(list), { docs, weights });
});
