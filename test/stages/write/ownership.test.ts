// What a build may replace: only an output parkpress made (a link into `<out>.builds/`), a missing
// path or an empty folder; anything else is refused before a byte is written, and left as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ForeignOutputError, writeSite } from '../../../src/stages/write/index.js';
import type { Page } from '../../../src/model/index.js';
import { tempDir } from '../../run/temp-dir.js';

const site: Page[] = [{ path: 'index.html', content: '<h1>首页</h1>' }];

interface Layout {
  name: string;
  /** Makes the layout in `root`; the output is `root/dist`. */
  make(root: string, out: string): Promise<void>;
}

/** What a user may have at the output path; a build must not delete any of it. */
const foreign: (Layout & { message: RegExp; replaceable: boolean })[] = [
  {
    name: 'a folder of the user’s files (--out ~/thesis)',
    make: async (_, out) => {
      await mkdir(path.join(out, 'chapters'), { recursive: true });
      await writeFile(path.join(out, 'chapters', '1.md'), '第一章');
    },
    message: /dist is a folder parkpress did not make \(it holds 1 entry \("chapters"\)\)/,
    replaceable: true,
  },
  {
    name: 'a git repository (--out .git)',
    make: async (_, out) => {
      await mkdir(path.join(out, 'objects'), { recursive: true });
      await writeFile(path.join(out, 'HEAD'), 'ref: refs/heads/main\n');
    },
    message: /dist is a folder parkpress did not make \(it holds 2 entries \("HEAD", "objects"\)\)/,
    replaceable: true,
  },
  {
    name: 'a link to a folder elsewhere',
    make: async (root, out) => {
      await mkdir(path.join(root, 'www'));
      await writeFile(path.join(root, 'www', 'index.html'), 'hand-made');
      await symlink('www', out);
    },
    message: /dist is a link to .*www, not to a build parkpress made/,
    replaceable: true,
  },
  {
    name: 'a file',
    make: (_, out) => writeFile(out, 'notes'),
    message: /dist is a file, not a folder/,
    replaceable: false,
  },
  {
    name: 'a foreign folder where the builds go',
    make: async (_, out) => {
      await mkdir(`${out}.builds`);
      await writeFile(path.join(`${out}.builds`, 'report.docx'), 'mine');
    },
    message: /dist\.builds holds 1 entry \("report\.docx"\) that parkpress did not make/,
    replaceable: false,
  },
  {
    name: 'a foreign folder where the lock goes',
    make: async (_, out) => {
      await mkdir(`${out}.lock`);
      await writeFile(path.join(`${out}.lock`, 'keys.txt'), 'mine');
    },
    message: /dist\.lock is not a parkpress build lock/,
    replaceable: false,
  },
];

for (const layout of foreign) {
  test(`refused, and left as it was: ${layout.name}`, async () => {
    const root = await tempDir('pp-own-');
    const out = path.join(root, 'dist');
    await layout.make(root, out);
    const before = await snapshot(root);
    await assert.rejects(writeSite(site, out), (err: unknown) => {
      assert.ok(err instanceof ForeignOutputError, String(err));
      assert.match(err.message, layout.message);
      assert.equal(err.replaceable, layout.replaceable);
      return true;
    });
    assert.deepEqual(await snapshot(root), before);
  });
}

test('with consent a foreign folder is replaced, and a foreign link is replaced without touching what it pointed at', async () => {
  for (const layout of foreign.filter((l) => l.replaceable)) {
    const root = await tempDir('pp-own-');
    const out = path.join(root, 'dist');
    await layout.make(root, out);
    await writeSite(site, out, { replaceForeign: true });
    assert.ok((await lstat(out)).isSymbolicLink(), layout.name);
    assert.equal(await readFile(path.join(out, 'index.html'), 'utf8'), '<h1>首页</h1>', layout.name);
  }
  const root = await tempDir('pp-own-');
  await foreign[2]!.make(root, path.join(root, 'dist'));
  await writeSite(site, path.join(root, 'dist'), { replaceForeign: true });
  assert.equal(await readFile(path.join(root, 'www', 'index.html'), 'utf8'), 'hand-made');
});

test('consent does not extend to a file or to the folders beside the output', async () => {
  for (const layout of foreign.filter((l) => !l.replaceable)) {
    const root = await tempDir('pp-own-');
    const out = path.join(root, 'dist');
    await layout.make(root, out);
    await assert.rejects(writeSite(site, out, { replaceForeign: true }), ForeignOutputError, layout.name);
  }
});

test('a missing output, an empty folder and the link layout of earlier versions are built over', async () => {
  const missing = await tempDir('pp-own-');
  await writeSite(site, path.join(missing, 'dist'));

  const empty = await tempDir('pp-own-');
  await mkdir(path.join(empty, 'dist'));
  await writeSite(site, path.join(empty, 'dist'));
  assert.ok((await lstat(path.join(empty, 'dist'))).isSymbolicLink());

  // As the first versions left it: a build id without a sequence number and no manifest.
  const old = await tempDir('pp-own-');
  const build = path.join(old, 'dist.builds', 'mi5x2k1a-4242');
  await mkdir(build, { recursive: true });
  await writeFile(path.join(build, 'index.html'), '<h1>首页</h1>');
  await symlink(path.join('dist.builds', 'mi5x2k1a-4242'), path.join(old, 'dist'));
  const report = await writeSite(site, path.join(old, 'dist'));
  assert.equal(report.unchanged, 1, 'the old build is compared with, as before');
  assert.notEqual(await readlink(path.join(old, 'dist')), path.join('dist.builds', 'mi5x2k1a-4242'));

  // And parkpress's own output, build after build.
  await writeSite(site, path.join(old, 'dist'));
});

/** Every entry below `root`: a file's bytes, a link's target, a folder as itself (links are not followed). */
async function snapshot(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const all = new Map<string, string>();
  for (const e of entries) {
    const file = path.join(e.parentPath, e.name);
    const what = e.isSymbolicLink() ? `-> ${await readlink(file)}` : e.isDirectory() ? 'folder' : (await readFile(file)).toString('hex');
    all.set(path.relative(root, file), what);
  }
  return all;
}
