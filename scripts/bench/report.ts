// The benchmark's table: medians per tool and scenario, with the ratios the goals are stated in.
import os from 'node:os';
import { median, type Sample } from './measure.js';
import type { Scenario } from './args.js';
import type { ToolName } from './tools.js';
import type { StagesReport } from './stages.js';
import type { LibraryFloor } from './libraries.js';
import type { HugoEquivalentSite } from './hugo-equivalent.js';

export interface ToolResult {
  name: ToolName;
  label: string;
  version: string;
  /** Samples per scenario, in run order. */
  samples: Partial<Record<Scenario, Sample[]>>;
  /** First failure (exit code and output tail), when the tool could not build. */
  failure?: string;
  /** Output tree of a cold build. */
  output?: { files: number; bytes: number };
  /** parkpress only: median per-stage milliseconds of its cold builds (from `build --verbose`). */
  stages?: Record<string, number>;
}

export interface BenchResult {
  date: string;
  machine: string;
  n: number;
  runs: number;
  /** False when parkpress was built without its search index (`--no-search`). */
  search: boolean;
  rawBytes: number;
  markdownBytes: number;
  tools: ToolResult[];
  /** Tools asked for but not run, one line each (why). */
  skipped?: string[];
  /** The Hugo-equivalent site's input: what make-content.mjs wrote from parkpress's extraction. */
  hugoEquivalent?: HugoEquivalentSite;
  /** parkpress dev: milliseconds from a complete dropped file to the reload event. */
  devReloadMs?: number[];
  /** Milliseconds to read every input and write a copy of parkpress's output tree (floor.ts). */
  floorMs?: number[];
  /** CPU the required libraries alone spend on the articles (libraries.ts). */
  libraries?: LibraryFloor;
  /** Markdown summary of a profiled parkpress build (`--profile`). */
  profile?: string;
}

export const SCENARIO_LABELS: Record<Scenario, string> = {
  cold: 'full build (cold)',
  warm: 'rebuild, nothing changed',
  add: 'rebuild after adding 1 article',
};

export function describeMachine(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 2 ** 30).toFixed(0);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${gib} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, load avg at start ${load}`;
}

function fmtSeconds(ms: number): string {
  return Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`;
}

function fmtMiB(mib: number): string {
  return Number.isNaN(mib) ? '–' : `${mib.toFixed(0)} MiB`;
}

function fmtRatio(a: number, b: number): string {
  return Number.isNaN(a) || Number.isNaN(b) || b === 0 ? '–' : (a / b).toFixed(2);
}

function fmtBytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function med(tool: ToolResult | undefined, s: Scenario, pick: (x: Sample) => number): number {
  return median((tool?.samples[s] ?? []).map(pick));
}

const MEASURES = [
  ['time', (x: Sample) => x.ms, fmtSeconds],
  ['CPU (user+sys)', (x: Sample) => x.cpuMs, fmtSeconds],
  ['peak RSS, largest process', (x: Sample) => x.maxRssMiB, fmtMiB],
  ['peak RSS, process tree', (x: Sample) => x.treeRssMiB, fmtMiB],
] as const;

function headerLines(r: BenchResult): string[] {
  const lines = [
    `parkpress bench, ${r.date}`,
    `machine: ${r.machine}`,
    `${r.n} articles (${fmtBytes(r.rawBytes)} raw traditional text; ${fmtBytes(r.markdownBytes)} simplified markdown for the peers), medians of ${r.runs} alternating run(s)`,
    `tools: ${r.tools.map((t) => `${t.label} ${t.version}`).join(', ')}`,
  ];
  if (r.hugoEquivalent) {
    lines.push(
      `Hugo-equivalent: ${r.hugoEquivalent.articles} articles (${fmtBytes(r.hugoEquivalent.bytes)}) written by make-content.mjs from parkpress check --json before the rounds; only Hugo's build is timed`,
    );
  }
  if (!r.search) lines.push('parkpress built WITHOUT its search index (--no-search)');
  return lines;
}

/**
 * The main table: one column per tool, then parkpress / each other tool (in the order of `tools`),
 * one row per scenario and measure.
 */
function formatTable(r: BenchResult, scenarios: readonly Scenario[]): string[] {
  const pp = r.tools.find((t) => t.name === 'parkpress');
  const peers = r.tools.filter((t) => t.name !== 'parkpress');
  const head = ['', ...r.tools.map((t) => t.label), ...peers.map((t) => `parkpress/${t.label}`)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const s of scenarios) {
    for (const [what, pick, fmt] of MEASURES) {
      const cells = r.tools.map((t) => fmt(med(t, s, pick)));
      const ratios = peers.map((t) => fmtRatio(med(pp, s, pick), med(t, s, pick)));
      lines.push(`| ${SCENARIO_LABELS[s]}: ${what} | ${[...cells, ...ratios].join(' | ')} |`);
    }
  }
  if (r.devReloadMs && r.devReloadMs.length > 0) {
    const cells = r.tools.map((t) => (t.name === 'parkpress' ? `${median(r.devReloadMs!).toFixed(0)} ms` : 'not measured'));
    lines.push(`| dev: dropped file to reload | ${[...cells, ...peers.map(() => '–')].join(' | ')} |`);
  }
  return lines;
}

/** Markdown report: header lines, the main table, then output sizes, stage timings and failures. */
export function formatReport(r: BenchResult, scenarios: readonly Scenario[]): string {
  const pp = r.tools.find((t) => t.name === 'parkpress');
  const shown = r.tools;
  const lines: string[] = [...headerLines(r), '', ...formatTable(r, scenarios), ''];
  if (r.floorMs && r.floorMs.length > 0) {
    const floor = median(r.floorMs);
    lines.push(
      `I/O floor (read every input, write a copy of parkpress's output tree): ${fmtSeconds(floor)}; parkpress full build / floor: ${fmtRatio(
        med(pp, 'cold', (x) => x.ms),
        floor,
      )}`,
    );
  }
  if (r.libraries)
    lines.push(
      libraryFloorLine(
        r.libraries,
        med(pp, 'cold', (x) => x.cpuMs),
        os.availableParallelism(),
      ),
    );
  for (const t of shown) {
    if (t.output) lines.push(`${t.label} output: ${t.output.files} files, ${fmtBytes(t.output.bytes)}`);
  }
  if (pp?.stages && Object.keys(pp.stages).length > 0) {
    lines.push(
      `parkpress stages, median ms of cold builds: ${Object.entries(pp.stages)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')}`,
    );
  }
  for (const t of shown) {
    if (t.failure) lines.push(`${t.label} FAILED: ${t.failure}`);
  }
  lines.push(...(r.skipped ?? []));
  return `${lines.join('\n')}\n`;
}

/**
 * The CPU floor line: what opencc-js and jieba alone cost, spread over every core (no build that
 * runs both on every article can take less wall time), and parkpress's full-build CPU as a multiple.
 */
export function libraryFloorLine(f: LibraryFloor, buildCpuMs: number, cores: number): string {
  const cpu = f.openccMs + f.jiebaMs;
  return (
    `CPU floor (opencc-js tw→cn ${fmtSeconds(f.openccMs)} + one jieba cut ${fmtSeconds(f.jiebaMs)} per article, nothing else): ` +
    `${fmtSeconds(cpu)} of CPU, ${fmtSeconds(cpu / cores)} of wall time on ${cores} cores; parkpress full build CPU / floor: ${fmtRatio(buildCpuMs, cpu)}`
  );
}

/** Per-stage timings printed by `parkpress build --verbose` (`timings (ms): load 12, normalize 34`). */
export function parseStageTimings(output: string): Record<string, number> | undefined {
  const m = /timings \(ms\):([^\n]*)/.exec(output);
  if (!m) return undefined;
  const stages: Record<string, number> = {};
  for (const part of m[1]!.split(',')) {
    const kv = /^\s*([\w-]+)\s+(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (kv) stages[kv[1]!] = Number(kv[2]);
  }
  return Object.keys(stages).length > 0 ? stages : undefined;
}

/** Median per stage over several builds' timings (stages missing from a build are skipped there). */
export function medianStages(runs: readonly Record<string, number>[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(names.map((k) => [k, median(runs.flatMap((r) => (k in r ? [r[k]!] : [])))]));
}

/** Table of a `stages.js` run: time and the memory still held after each stage. */
export function formatStages(r: StagesReport, n: number): string {
  const lines = [
    `parkpress per stage (one cold build of ${n} articles: ${r.articles} articles, ${r.pages} pages; peak RSS ${r.maxRssMiB.toFixed(0)} MiB; heap measured after a full GC)`,
    '',
    '| stage | ms | live heap after | external after | RSS after |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const m of r.marks) {
    lines.push(
      `| ${m.stage} | ${m.ms.toFixed(0)} | ${m.heapMiB.toFixed(0)} MiB | ${m.externalMiB.toFixed(0)} MiB | ${m.rssMiB.toFixed(0)} MiB |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
