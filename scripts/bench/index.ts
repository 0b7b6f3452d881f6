// `npm run bench`: parkpress against the Hugo-equivalent portal, bare Hugo and Eleventy on the same N articles.
// See docs/bench.md. Timings are noisy on a shared machine: compare the ratios of one run.
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIOS, USAGE, UsageError, parseBenchArgs, type BenchArgs, type Scenario } from './args.js';
import { planArticle, type ArticlePlan } from './corpus.js';
import { measureDevReload } from './dev.js';
import { missingPeer, prepareHugoEquivalent, type HugoEquivalentSite } from './hugo-equivalent.js';
import { isOk, measure, type Sample } from './measure.js';
import { formatProfile, summarizeProfile, type CpuProfile } from './profile.js';
import type { LibraryFloor } from './libraries.js';
import type { StagesReport } from './stages.js';
import {
  describeMachine,
  formatReport,
  formatStages,
  medianStages,
  parseStageTimings,
  type BenchResult,
  type ToolResult,
} from './report.js';
import {
  eleventyTool,
  ensureEleventy,
  ensureGnuTime,
  ensureHugo,
  hugoEquivalentTool,
  hugoTool,
  parkpressTool,
  type Tool,
} from './tools.js';
import {
  loadCorpusSources,
  markdownArticle,
  prepareWorkspace,
  rawArticle,
  workspacePaths,
  type CorpusSources,
  type Workspace,
} from './workspace.js';
import { emptyTrash, setAside } from './trash.js';

/** Compiled to lib/scripts/bench/: the project root is three folders up. */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const peersDir = path.join(projectRoot, 'scripts', 'bench', 'peers');

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** The tools to run, and a note for each one left out (the Hugo-equivalent peer lives outside the project). */
function makeTools(args: BenchArgs): { tools: Tool[]; skipped: string[] } {
  ensureGnuTime(log);
  const skipped: string[] = [];
  const tools = args.tools.flatMap((name): Tool[] => {
    if (name === 'hugo-equivalent') {
      const missing = missingPeer(args.hugoEquivalentDir);
      if (missing) {
        skipped.push(`Hugo-equivalent skipped: ${missing} (--hugo-equivalent DIR)`);
        log(skipped.at(-1)!);
        return [];
      }
      ensureHugo(log);
      return [hugoEquivalentTool()];
    }
    if (name === 'hugo') {
      ensureHugo(log);
      return [hugoTool()];
    }
    if (name === 'eleventy') {
      ensureEleventy(peersDir, log);
      return [eleventyTool(peersDir)];
    }
    return [parkpressTool(projectRoot)];
  });
  return { tools, skipped };
}

/** Round r starts with a different tool, so no tool always runs first (cold disk cache, warm CPU). */
function rotate<T>(items: readonly T[], r: number): T[] {
  const k = r % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

async function treeSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return { files, bytes };
}

function outputDir(tool: Tool, ws: Workspace): string {
  return tool.coldPaths(ws)[0]!;
}

/** The `add` scenario's article: the next one after the N of the corpus, the same for every tool. */
function addedPlan(ws: Workspace, src: CorpusSources): ArticlePlan {
  return planArticle(ws.n, ws.n + 1, src.names.length);
}

/** Where the added article goes for `tool` and its text, in the form that tool reads. */
async function addedArticle(tool: Tool, ws: Workspace, src: CorpusSources): Promise<{ file: string; text: string }> {
  const added = tool.addedArticle(ws);
  if (added.format === 'prepared') return { file: added.file, text: await readFile(added.from, 'utf8') };
  const plan = addedPlan(ws, src);
  return { file: added.file, text: added.format === 'raw' ? rawArticle(plan, src) : markdownArticle(plan, src) };
}

/** One round for one tool: cold build, then the requested rebuilds. Returns a failure message or undefined. */
async function runRound(
  tool: Tool,
  ws: Workspace,
  src: CorpusSources,
  scenarios: readonly Scenario[],
  result: ToolResult,
  round: string,
): Promise<string | undefined> {
  const added = await addedArticle(tool, ws, src);
  await rm(added.file, { force: true });
  for (const p of tool.coldPaths(ws)) await setAside(ws.dir, p);
  try {
    for (const s of SCENARIOS) {
      if (s !== 'cold' && !scenarios.includes(s)) continue;
      if (s === 'add') await writeFile(added.file, added.text);
      const command = tool.build(ws);
      const sample: Sample = await measure(command);
      if (!isOk(command, sample)) {
        return `${s} build exited ${sample.code}: ${sample.output.trim().split('\n').slice(-8).join('\n')}`;
      }
      (result.samples[s] ??= []).push(sample);
      log(
        `${round} ${tool.label.padEnd(15)} ${s.padEnd(4)} ${(sample.ms / 1000).toFixed(2).padStart(7)} s (CPU ${(sample.cpuMs / 1000).toFixed(2)} s) ${sample.maxRssMiB.toFixed(0).padStart(5)} MiB (tree ${sample.treeRssMiB.toFixed(0)} MiB)`,
      );
      if (s === 'cold' && !result.output) result.output = await treeSize(outputDir(tool, ws));
    }
    return undefined;
  } finally {
    await rm(added.file, { force: true });
  }
}

/** The I/O floor on parkpress's own output tree (see floor.ts); undefined when there is no tree yet. */
async function measureFloor(ws: Workspace): Promise<Sample | undefined> {
  const tree = path.join(ws.parkpress, 'dist');
  const copy = path.join(ws.dir, 'floor-copy');
  try {
    await stat(tree);
  } catch {
    return undefined;
  }
  const command = {
    cmd: process.execPath,
    args: [path.join(projectRoot, 'lib', 'scripts', 'bench', 'floor.js'), path.join(ws.parkpress, 'content'), tree, copy],
    cwd: ws.dir,
  };
  try {
    const sample = await measure(command);
    return isOk(command, sample) ? sample : undefined;
  } finally {
    await setAside(ws.dir, copy);
  }
}

/**
 * The CPU floor on the benchmark's articles (see libraries.ts), measured once: it is CPU-bound and
 * steady from run to run. Undefined when the measuring process fails.
 */
async function measureLibraries(ws: Workspace): Promise<LibraryFloor | undefined> {
  const command = {
    cmd: process.execPath,
    args: [path.join(projectRoot, 'lib', 'scripts', 'bench', 'libraries.js'), path.join(ws.parkpress, 'content')],
    cwd: ws.dir,
  };
  const sample = await measure(command);
  if (!isOk(command, sample)) {
    log(`library floor not measured: ${sample.output.trim().split('\n').pop() ?? `exit code ${sample.code}`}`);
    return undefined;
  }
  return JSON.parse(sample.output.trim().split('\n').pop()!) as LibraryFloor;
}

/** Writes the Hugo-equivalent site before the rounds (not timed); a failure fails that tool only. */
async function prepareHugoEquivalentTool(
  args: BenchArgs,
  ws: Workspace,
  src: CorpusSources,
  result: ToolResult,
): Promise<HugoEquivalentSite | undefined> {
  try {
    const addedRaw = rawArticle(addedPlan(ws, src), src);
    return await prepareHugoEquivalent({ projectRoot, peerDir: args.hugoEquivalentDir, ws, addedRaw, log });
  } catch (err) {
    result.failure = `preparing its site failed: ${(err as Error).message}`;
    log(`Hugo-equivalent ${result.failure}`);
    return undefined;
  }
}

async function runBench(args: BenchArgs): Promise<BenchResult> {
  const { tools, skipped } = makeTools(args);
  const src = await loadCorpusSources(args.corpusDir, args.workDir, log);
  const ws = await prepareWorkspace(
    args.workDir,
    args.n,
    src,
    {
      templatesDir: path.join(projectRoot, 'templates'),
      publicDir: path.join(projectRoot, 'public'),
      search: args.search,
    },
    log,
  );
  await emptyTrash(ws.dir);
  const results = tools.map((t): ToolResult => ({ name: t.name, label: t.label, version: t.version, samples: {} }));
  const heResult = results.find((t) => t.name === 'hugo-equivalent');
  const hugoEquivalent = heResult ? await prepareHugoEquivalentTool(args, ws, src, heResult) : undefined;
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const machine = describeMachine();
  const floors: Sample[] = [];
  for (let r = 0; r < args.runs; r++) {
    for (const tool of rotate(tools, r)) {
      const result = results[tools.indexOf(tool)]!;
      if (result.failure) continue;
      result.failure = await runRound(tool, ws, src, args.scenarios, result, `[${r + 1}/${args.runs}]`);
      if (result.failure) log(`${tool.label} failed; skipping it from now on`);
    }
    const ppResult = results.find((t) => t.name === 'parkpress');
    const floor = ppResult && !ppResult.failure ? await measureFloor(ws) : undefined;
    if (floor) {
      floors.push(floor);
      log(`[${r + 1}/${args.runs}] I/O floor  ${(floor.ms / 1000).toFixed(2).padStart(7)} s`);
    }
  }
  const pp = results.find((t) => t.name === 'parkpress');
  if (pp) {
    const stages = (pp.samples.cold ?? []).flatMap((s): Record<string, number>[] => {
      const t = parseStageTimings(s.output);
      return t ? [t] : [];
    });
    if (stages.length > 0) pp.stages = medianStages(stages);
  }
  const ppTool = tools.find((t) => t.name === 'parkpress');
  const libraries = ppTool ? await measureLibraries(ws) : undefined;
  if (libraries) log(`library floor: opencc ${libraries.openccMs} ms + jieba ${libraries.jiebaMs} ms CPU`);
  const devReloadMs = args.dev && ppTool && !pp?.failure ? await devReload(ws, src) : undefined;
  const profile =
    args.profile && ppTool && !pp?.failure
      ? `${await stageBreakdown(ppTool, ws)}\n${await profileParkpress(ppTool, ws, args.workDir, date)}`
      : undefined;
  return {
    date,
    machine,
    n: args.n,
    runs: args.runs,
    search: args.search,
    rawBytes: ws.rawBytes,
    markdownBytes: ws.markdownBytes,
    tools: results,
    skipped,
    hugoEquivalent,
    devReloadMs,
    floorMs: floors.map((f) => f.ms),
    libraries,
    profile,
  };
}

/** Articles dropped one by one into a running `parkpress dev`. */
const DEV_DROPS = 3;

async function devReload(ws: Workspace, src: CorpusSources): Promise<number[] | undefined> {
  const drops = Array.from({ length: DEV_DROPS }, (_, k) => ({
    name: `zz-drop-${k}.txt`,
    text: rawArticle(planArticle(ws.n + 1 + k, ws.n + 1 + DEV_DROPS, src.names.length), src),
  }));
  try {
    return await measureDevReload({
      projectRoot,
      siteDir: ws.parkpress,
      contentDir: path.join(ws.parkpress, 'content'),
      drops,
      startTimeoutMs: 30 * 60_000,
      reloadTimeoutMs: 5 * 60_000,
      log,
    });
  } catch (err) {
    log(`dev reload not measured: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * One more cold parkpress build under `node --cpu-prof` (one profile per thread), summarised per
 * stage. Run apart from the measured builds: profiling slows a build down.
 */
async function profileParkpress(tool: Tool, ws: Workspace, workDir: string, date: string): Promise<string> {
  const dir = path.join(workDir, 'profiles', `n${ws.n}-${date.replace(/:/g, '')}`);
  await mkdir(dir, { recursive: true });
  for (const p of tool.coldPaths(ws)) await setAside(ws.dir, p);
  const command = tool.build(ws, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const sample = await measure(command);
  if (!isOk(command, sample)) return `profiled build exited ${sample.code}\n`;
  log(`profiled cold build: ${(sample.ms / 1000).toFixed(2)} s (profiles in ${path.relative(process.cwd(), dir)})`);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  const parts: string[] = [];
  for (const f of files) {
    const summary = summarizeProfile(JSON.parse(await readFile(path.join(dir, f), 'utf8')) as CpuProfile);
    parts.push(formatProfile(summary, `CPU profile ${f} (cold build, ${ws.n} articles)`));
  }
  return parts.join('\n');
}

/** One more cold build through stages.js: milliseconds and retained memory per stage. */
async function stageBreakdown(tool: Tool, ws: Workspace): Promise<string> {
  for (const p of tool.coldPaths(ws)) await setAside(ws.dir, p);
  const command = {
    cmd: process.execPath,
    args: ['--expose-gc', path.join(projectRoot, 'lib', 'scripts', 'bench', 'stages.js'), ws.parkpress],
    cwd: ws.parkpress,
  };
  const sample = await measure(command);
  const json = sample.output.trim().split('\n').pop() ?? '';
  if (!isOk(command, sample) || !json.startsWith('{'))
    return `stage breakdown failed (exit ${sample.code}): ${sample.output.slice(-300)}\n`;
  return formatStages(JSON.parse(json) as StagesReport, ws.n);
}

async function saveResult(args: BenchArgs, result: BenchResult, table: string): Promise<string> {
  const dir = path.join(args.workDir, 'results');
  await mkdir(dir, { recursive: true });
  const base = path.join(dir, `n${result.n}-${result.date.replace(/[:]/g, '')}`);
  const plain = {
    ...result,
    tools: result.tools.map((t) => ({
      ...t,
      samples: Object.fromEntries(
        Object.entries(t.samples).map(([k, v]) => [
          k,
          v.map(({ ms, maxRssMiB, treeRssMiB, cpuMs, code }) => ({ ms, maxRssMiB, treeRssMiB, cpuMs, code })),
        ]),
      ),
    })),
  };
  await writeFile(`${base}.json`, `${JSON.stringify(plain, null, 2)}\n`);
  await writeFile(`${base}.md`, table);
  return base;
}

async function main(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv, projectRoot);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bench: ${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (path.relative(path.join(projectRoot, 'content'), args.workDir).split(path.sep)[0] !== '..') {
    console.error('bench: --work must not be inside content/ (the bench never writes there)');
    return 2;
  }
  const result = await runBench(args);
  const table = formatReport(result, args.scenarios) + (result.profile ? `\n${result.profile}` : '');
  process.stdout.write(table);
  const saved = await saveResult(args, result, table);
  log(`saved ${path.relative(process.cwd(), saved)}.{md,json}`);
  await emptyTrash(workspacePaths(args.workDir, args.n).dir); // after the report: at 100k, minutes of deleting
  return result.tools.some((t) => t.failure) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error((err as Error).stack ?? String(err));
    process.exitCode = 70;
  },
);
