import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, assertSafeFolders, loadConfig } from '../../src/config/index.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { userConfigSchema } from '../../src/config/schema.js';
import { tempDir } from '../run/temp-dir.js';

async function site(files: Record<string, string> = {}): Promise<string> {
  const root = await tempDir('pp-config-');
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, name), text);
  return root;
}

/** Every key path of a plain object, e.g. `related.count`; arrays are leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** Key paths the schema accepts, read from the zod shape (optional wrappers unwrapped). */
function schemaPaths(schema: unknown, prefix = ''): string[] {
  let s = schema as { def: { type: string; innerType?: unknown; shape?: Record<string, unknown> } };
  while (s.def.type === 'optional') s = s.def.innerType as typeof s;
  if (s.def.type !== 'object') return [prefix];
  return Object.entries(s.def.shape!).flatMap(([k, v]) => schemaPaths(v, prefix ? `${prefix}.${k}` : k));
}

test('the schema accepts exactly the keys of defaultConfig', () => {
  assert.deepEqual(schemaPaths(userConfigSchema).sort(), keyPaths(defaultConfig('/x')).sort());
});

test('the defaults themselves pass the schema', () => {
  assert.equal(userConfigSchema.safeParse(defaultConfig('/x')).success, true);
});

test('no config file: defaults with folders in the root', async () => {
  const root = await site();
  const c = await loadConfig(root);
  assert.deepEqual(c, defaultConfig(root));
});

test('a JSON config merges over the defaults; folders resolve against its folder', async () => {
  const root = await site({
    'parkpress.config.json': JSON.stringify({
      title: '开发区新闻',
      contentDir: 'articles',
      dataDir: '../shared-data',
      limits: { maxLines: 10 },
      pathPrefix: 'news/',
      related: { indices: [{ name: 'parks', weight: 1 }] },
      search: false,
    }),
  });
  const c = await loadConfig(root);
  assert.equal(c.dataDir, path.resolve(root, '../shared-data'));
  assert.deepEqual(
    c.related,
    { ...defaultConfig(root).related, indices: [{ name: 'parks', weight: 1 }] },
    'a list replaces the default list',
  );
  assert.equal(c.search, false);
  assert.equal(c.title, '开发区新闻');
  assert.equal(c.contentDir, path.join(root, 'articles'));
  assert.deepEqual(c.limits, { maxFileBytes: defaultConfig(root).limits.maxFileBytes, maxLines: 10 });
  assert.equal(c.pathPrefix, '/news');
});

test('command-line values win over the file', async () => {
  const root = await site({ 'parkpress.config.json': '{"baseUrl": "https://a.example"}' });
  const c = await loadConfig(root, { baseUrl: 'https://b.example/', pathPrefix: '/p', outDir: path.join(root, 'public_html') });
  assert.equal(c.baseUrl, 'https://b.example');
  assert.equal(c.pathPrefix, '/p');
  assert.equal(c.outDir, path.join(root, 'public_html'));
});

test('.js and .ts configs are loaded (default export)', async () => {
  const js = await site({ 'parkpress.config.js': 'export default { pageSize: 7 };' });
  assert.equal((await loadConfig(js)).pageSize, 7);
  const ts = await site({
    'parkpress.config.ts': 'interface Partial { pageSize: number }\nconst c: Partial = { pageSize: 9 };\nexport default c;',
  });
  assert.equal((await loadConfig(ts)).pageSize, 9);
});

async function configError(files: Record<string, string>): Promise<string> {
  const root = await site(files);
  try {
    await loadConfig(root);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.message;
  }
  assert.fail('expected a ConfigError');
}

test('an unknown key is an error naming it, nested keys by their path', async () => {
  assert.match(await configError({ 'parkpress.config.json': '{"titel": "x"}' }), /parkpress\.config\.json: unknown key "titel"/);
  assert.match(await configError({ 'parkpress.config.json': '{"limits": {"maxBytes": 1}}' }), /unknown key "limits\.maxBytes"/);
});

test('a wrong type names the key and what was expected', async () => {
  assert.match(await configError({ 'parkpress.config.json': '{"pageSize": "20"}' }), /"pageSize" must be a number/);
  assert.match(
    await configError({ 'parkpress.config.json': '{"related": {"indices": [{"name": "x", "weight": 1}]}}' }),
    /"related\.indices\.0\.name"/,
  );
  assert.match(await configError({ 'parkpress.config.json': '{"baseUrl": "news.example"}' }), /"baseUrl": an absolute http\(s\) URL/);
  assert.match(await configError({ 'parkpress.config.json': '{"limits": {"maxFileBytes": -1}}' }), /"limits\.maxFileBytes"/);
});

test('traditional.variant is tw, hk or t', async () => {
  const root = await site({ 'parkpress.config.json': '{"traditional": {"enabled": true, "variant": "t"}}' });
  assert.equal((await loadConfig(root)).traditional?.variant, 't');
  assert.match(await configError({ 'parkpress.config.json': '{"traditional": {"variant": "cn"}}' }), /"traditional\.variant"/);
});

test('broken files are errors naming the file', async () => {
  assert.match(await configError({ 'parkpress.config.json': '{"title": ' }), /parkpress\.config\.json is not valid JSON/);
  assert.match(await configError({ 'parkpress.config.js': 'export default [1]' }), /must be an object/);
  assert.match(await configError({ 'parkpress.config.js': 'throw new Error("boom")' }), /parkpress\.config\.js failed to load: boom/);
  assert.match(await configError({ 'parkpress.config.json': '{}', 'parkpress.config.js': '' }), /more than one config file/);
});

test('an output folder overlapping an input folder is refused', () => {
  const c = defaultConfig('/site');
  assert.throws(() => assertSafeFolders({ ...c, outDir: '/site/content' }), /overlaps contentDir/);
  assert.throws(() => assertSafeFolders({ ...c, outDir: '/site/content/dist' }), /overlaps contentDir/);
  assert.throws(() => assertSafeFolders({ ...c, outDir: '/site' }), /overlaps/);
  assert.throws(() => assertSafeFolders({ ...c, outDir: '/' }), /filesystem root/);
  assert.doesNotThrow(() => assertSafeFolders({ ...c, outDir: '/site/content-dist' }));
});

test('a base URL or path prefix that would leave the site or break out of the text it is written into is refused, naming the key', async () => {
  const root = await site();
  const refused = async (overrides: { baseUrl?: string; pathPrefix?: string }, key: string) => {
    await assert.rejects(loadConfig(root, overrides), (err: unknown) => {
      assert.ok(err instanceof ConfigError, String(err));
      assert.match(err.message, new RegExp(`command line: "${key}"`));
      return true;
    });
  };
  for (const pathPrefix of ['/../x', '../x', '/a/../b', '/a/./b', '/..', 'a//b', '/a b', '/"><script>', '/a?b', '/a#b', '/a\\b', '/a\nb'])
    await refused({ pathPrefix }, 'pathPrefix');
  for (const baseUrl of [
    'https://news.example.cn/"><script>alert(1)</script>',
    'https://news.example.cn"><script>',
    "https://news.example.cn/'onmouseover=alert(1)",
    'https://news.example.cn/a\nSitemap: https://evil.example/',
    'https://news.example.cn/../x',
    'https://user:pw@news.example.cn',
    'https://news.example.cn/?q=1',
    'https://news.example.cn:99999',
    'javascript:alert(1)',
    '//news.example.cn',
  ])
    await refused({ baseUrl }, 'baseUrl');
  for (const [baseUrl, pathPrefix] of [
    ['https://news.example.cn', '/parks'],
    ['http://localhost:8080/', 'news/'],
    ['https://园区.example.cn/新闻', '/高新区/news-2024'],
    ['http://[::1]:8080', ''],
    ['https://example.github.io/my%20site', '/'],
  ] as const)
    await assert.doesNotReject(loadConfig(root, { baseUrl, pathPrefix }), `${baseUrl} ${pathPrefix}`);
});
