// The bad-input corpus (issue 7). Small text fixtures live in test/fixtures/bad/ as they are;
// this module generates the ones whose bytes are odd (committed too, so they can be inspected,
// and checked against this generator by bad-input.test.ts) and, at test time, the ones too big
// to commit or that are states of the file system (symlink loops, an unreadable file).
// Run `node lib/test/bad-input/generate.js` after `npm run compile` to rewrite the committed ones.
import { chmod, copyFile, mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { fixturesDir } from '../helpers/paths.js';

export const badFixturesDir = path.join(fixturesDir, 'bad');

const ARTICLE = '苏州工业园区今年一季度实现地区生产总值增长百分之六，新签约项目四十个，总投资超过两百亿元。\n';

/** Headlines of the BOM-less UTF-16 fixtures. */
export const UTF16_TITLES = { le: '高新区一季度经济运行情况通报', be: '经开区一季度招商引资成绩单' } as const;
const UTF16_BODY = '季度全区实现规模以上工业产值三百亿元，同比增长百分之八，新落户企业六十家。\n';

/** Deterministic bytes (an LCG), so the committed binary fixture never changes. */
function pseudoRandomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Odd-byte fixtures: file name -> bytes. */
export function oddFixtures(): Record<string, Buffer> {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const utf8 = Buffer.from(ARTICLE.repeat(3));
  return {
    // An image saved with a .txt name.
    'binary.txt': Buffer.concat([png, pseudoRandomBytes(4096, 7)]),
    // UTF-8 text with a stray continuation byte, an invalid lead byte and a truncated sequence.
    'invalid-utf8.txt': Buffer.concat([
      utf8.subarray(0, 30),
      Buffer.from([0x80, 0xff, 0xc3, 0x28]),
      utf8.subarray(30),
      Buffer.from([0xe5, 0x9b]),
    ]),
    // GBK bytes in a file that claims UTF-8 (the name says so; no BOM, no charset anywhere).
    'gbk-bytes.utf8.txt': iconv.encode(`工业园区新闻\n${ARTICLE.repeat(5)}`, 'gbk'),
    // BOM-less UTF-16 Chinese: its NUL bytes (newlines on one side, 一 U+4E00 on the other) look scattered.
    // Each its own text: lines shared by several fixtures would be taken for the site's template.
    'utf16le-no-bom.txt': iconv.encode(`${UTF16_TITLES.le}\n${UTF16_BODY}`, 'utf-16le'),
    'utf16be-no-bom.txt': iconv.encode(`${UTF16_TITLES.be}\n一${UTF16_BODY}`, 'utf-16be'),
    // Bidirectional overrides and isolates in the front-matter title and in the text (invisible; they reorder what is shown).
    'bidi-override.md': Buffer.from(
      '---\ntitle: "开发区\u202e公告\u202c通报"\n---\n\n高新区\u2066管委会\u2069发布通知，\u202d园区道路\u202c将于下月起封闭施工两周。\n',
    ),
    // Binary data with no known signature, NUL bytes and an even length: still refused.
    'random-bytes.txt': pseudoRandomBytes(4096, 11),
  };
}

/** Inputs made at test time: too big to commit, or file-system states git cannot hold. */
export const GENERATED = {
  hugeLine: 'one-line-20mb.txt',
  manyLines: 'lines-100k.txt',
  dirLoop: 'loop',
  selfLink: 'self-link.txt',
  unreadable: 'unreadable.txt',
  /** A link to a file outside content/ (as `ln -s /etc/passwd content/passwd.txt`). */
  outsideFileLink: 'passwd.txt',
  /** A link to a folder outside content/ holding an article. */
  outsideDirLink: 'outside-folder',
  /** An empty file (an error) whose name tries to print a log line of its own, and to reverse itself. */
  forgedName: 'empty\nforged.txt:1:1: error: this line is forged (no slash: a name cannot hold one)\n\u202etxt.exe.txt',
  /** A 10,000-character front-matter title. */
  longTitle: 'long-title.md',
  /** A link to a file inside content/ (in a dot-folder, so only the link is discovered). */
  insideLink: 'inside-link.txt',
} as const;

/** Text of the files outside content/ that the links above point at: it must never reach a page. */
export const SECRET = '机密文件不得发布：外部目录中的内容。';

/**
 * Fills `contentDir` with the whole bad-input corpus: the committed fixtures plus the generated
 * ones. `unreadable` is chmod 000 (root reads it anyway: tests check `process.getuid`). Returns the
 * folder made outside `contentDir` for the links leading out of it (the caller removes it).
 */
export async function makeBadContent(contentDir: string): Promise<{ outside: string }> {
  for (const name of await readdir(badFixturesDir)) await copyFile(path.join(badFixturesDir, name), path.join(contentDir, name));
  const line = '园区'.repeat(Math.ceil((20 * 1024 * 1024) / 6));
  await writeFile(path.join(contentDir, GENERATED.hugeLine), line);
  const lines = Array.from({ length: 100_000 }, (_, i) => `第${i + 1}行。`).join('\n');
  await writeFile(path.join(contentDir, GENERATED.manyLines), `十万行的文章\n${lines}\n`);
  await symlink('.', path.join(contentDir, GENERATED.dirLoop), 'dir');
  await symlink(GENERATED.selfLink, path.join(contentDir, GENERATED.selfLink));
  await writeFile(path.join(contentDir, GENERATED.unreadable), ARTICLE);
  await chmod(path.join(contentDir, GENERATED.unreadable), 0o000);
  await writeFile(path.join(contentDir, GENERATED.forgedName), '');
  const longTitle = '开发区'.repeat(3334).slice(0, 10_000);
  await writeFile(
    path.join(contentDir, GENERATED.longTitle),
    `---\ntitle: "${longTitle}"\n---\n\n经开区十万字标题测试文章的正文只有这一段话。\n`,
  );
  const outside = await mkdtemp(path.join(os.tmpdir(), 'pp-outside-'));
  await mkdir(path.join(outside, 'folder'));
  await writeFile(path.join(outside, 'secret.txt'), `${SECRET}\n${ARTICLE}`);
  await writeFile(path.join(outside, 'folder', 'article.txt'), `${SECRET}\n${ARTICLE}`);
  await symlink(path.join(outside, 'secret.txt'), path.join(contentDir, GENERATED.outsideFileLink));
  await symlink(path.join(outside, 'folder'), path.join(contentDir, GENERATED.outsideDirLink), 'dir');
  await mkdir(path.join(contentDir, '.linked'));
  await writeFile(
    path.join(contentDir, '.linked', 'target.txt'),
    '园区动态\n高新区举办创新创业大赛，吸引一百多个项目参赛，其中二十个项目现场签约落户。\n',
  );
  await symlink(path.join('.linked', 'target.txt'), path.join(contentDir, GENERATED.insideLink));
  return { outside };
}

async function writeOddFixtures(): Promise<void> {
  for (const [name, bytes] of Object.entries(oddFixtures())) await writeFile(path.join(badFixturesDir, name), bytes);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writeOddFixtures();
