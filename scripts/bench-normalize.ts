// Normalization throughput on the real tw-news corpus, beside Debian's OpenCC command line converting
// the same text with tw2s, in one run. Installs Debian's `opencc` with apt-get when it is missing
// (bench machines only; it is never a parkpress dependency).
// Usage: npm run bench:normalize [-- --runs N] [-- --corpus DIR]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalize } from '../src/stages/normalize/index.js';
import { toSimplified } from '../src/stages/normalize/core/opencc.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const runs = Number(arg('runs', '3'));
const corpus = path.resolve(arg('corpus', path.join(root, '../shared/corpus/tw-news')));
const work = path.join(root, 'bench-work', 'normalize');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mbps = (bytes: number, seconds: number) => bytes / 1e6 / seconds;

function ensureOpencc(): string {
  const has = () => spawnSync('sh', ['-c', 'command -v opencc'], { stdio: 'ignore' }).status === 0;
  if (!has()) {
    console.error('installing Debian opencc with apt-get ...');
    for (const cmd of [
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'opencc'],
    ]) {
      const r = spawnSync(cmd[0]!, cmd.slice(1), {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (needs root and Debian apt)`);
    }
  }
  const v = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'opencc'], { encoding: 'utf8' });
  return v.status === 0 ? v.stdout.trim() : 'unknown version';
}

/** Seconds of wall time for one `opencc -c tw2s.json` run over `input`. */
function timeOpencc(input: string, output: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('opencc', ['-c', 'tw2s.json', '-i', input, '-o', output], { stdio: ['ignore', 'ignore', 'inherit'] });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`opencc exited with ${r.status}`);
  return seconds;
}

function timeInProcess(texts: string[], fn: (text: string, i: number) => void): number {
  const t0 = process.hrtime.bigint();
  texts.forEach(fn);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const texts = files.map((f) => readFileSync(path.join(corpus, f), 'utf8'));
const joined = texts.join('\n');
const bytes = Buffer.byteLength(joined);
const openccVersion = ensureOpencc();

mkdirSync(work, { recursive: true });
const input = path.join(work, 'corpus.txt');
writeFileSync(input, joined);
const empty = path.join(work, 'empty.txt');
writeFileSync(empty, '');

const firstRun = timeInProcess(texts, (t, i) => normalize(t, files[i]!));
const chain: number[] = [];
const converterOnly: number[] = [];
const opencc: number[] = [];
const startup: number[] = [];
for (let r = 0; r < runs; r++) {
  chain.push(timeInProcess(texts, (t, i) => normalize(t, files[i]!)));
  converterOnly.push(timeInProcess(texts, (t) => toSimplified(t)));
  opencc.push(timeOpencc(input, path.join(work, 'out.txt')));
  startup.push(timeOpencc(empty, path.join(work, 'out-empty.txt')));
}
// Same conversion? Lines where Debian's OpenCC and opencc-js disagree (dictionary versions differ).
const cliLines = readFileSync(path.join(work, 'out.txt'), 'utf8').split('\n');
const jsLines = toSimplified(joined).split('\n');
const differing = jsLines.filter((line, i) => line !== cliLines[i]).length;
rmSync(work, { recursive: true, force: true });

const ours = mbps(bytes, median(chain));
const theirs = mbps(bytes, median(opencc));
console.log(`corpus      ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB (${path.relative(root, corpus)}), median of ${runs} runs`);
console.log(
  `parkpress   normalize, whole rule chain        ${ours.toFixed(2).padStart(7)} MB/s  (first run ${firstRun.toFixed(2)} s, with dictionary loading)`,
);
console.log(`opencc-js   tw -> cn conversion alone          ${mbps(bytes, median(converterOnly)).toFixed(2).padStart(7)} MB/s`);
console.log(
  `opencc ${openccVersion}  -c tw2s.json (Debian CLI)  ${theirs.toFixed(2).padStart(7)} MB/s  (wall time incl. ${(median(startup) * 1000).toFixed(0)} ms start-up)`,
);
console.log(`agreement   opencc-js vs Debian opencc tw2s output      ${jsLines.length - differing}/${jsLines.length} lines identical`);
console.log(`ratio       parkpress normalize / Debian opencc  ${(ours / theirs).toFixed(2)}`);

// Hostile single lines: every rule must stay linear (a quadratic regex or string scan shows up
// here as seconds instead of milliseconds).
const n = 100_000;
const hostile: [string, string][] = [
  ['long Han run, then (a)', '中'.repeat(2 * n) + '(a)'],
  ['nested parentheses', '('.repeat(n / 2) + '中' + ')'.repeat(n / 2)],
  ['space run inside a line', '中' + ' '.repeat(n) + '中...'],
  ['ASCII commas', '中, '.repeat(n)],
  ['pinyin annotations', '鎮(zhèn)'.repeat(n / 4)],
  ['damage markers', 'ab菝衽e?'.repeat(n / 4)],
];
for (const [name, line] of hostile) {
  const seconds = timeInProcess([line], (t) => normalize(t, 'hostile.txt'));
  console.log(`hostile     ${name.padEnd(28)} ${String(line.length).padStart(7)} chars ${(seconds * 1000).toFixed(0).padStart(6)} ms`);
}
