// Where a parkpress build spends its CPU time, from a V8 `.cpuprofile` (`node --cpu-prof`):
// each sample is charged to the innermost parkpress module on its stack (src/<stage>/...), so time
// spent inside a library counts for the stage that called it; also the top functions by self time.

/** The subset of V8's cpuprofile format read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Milliseconds per parkpress source folder (stage), library time included; plus (gc), (idle) ... */
  byStage: { area: string; ms: number }[];
  /** Milliseconds per library (node_modules package) or `node:` internals, by self time. */
  byLibrary: { area: string; ms: number }[];
  top: { fn: string; where: string; ms: number }[];
}

/** The stage or top folder of a parkpress module in the compiled tree (lib/src/stages/normalize/index.js -> normalize, lib/src/run/builder.js -> run). */
export function stageOf(url: string): string | undefined {
  return /\/lib\/src\/(?:stages\/)?([^/]+?)(?:\/|\.js$)/.exec(url)?.[1];
}

/** Library a frame belongs to: the npm package, `node:` internals, parkpress itself, or V8's pseudo-frames. */
export function libraryOf(url: string, functionName: string): string {
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  if (stageOf(url)) return 'parkpress';
  if (url.startsWith('node:')) return 'node internals';
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  return 'other';
}

function sortedEntries(m: Map<string, number>, limit = Infinity): { area: string; ms: number }[] {
  return [...m]
    .map(([area, ms]) => ({ area, ms }))
    .sort((a, b) => b.ms - a.ms || (a.area < b.area ? -1 : 1))
    .slice(0, limit);
}

/** Samples with no parkpress module anywhere on their stack. */
export const NO_STAGE = '(no parkpress frame: startup, module loading, I/O callbacks)';

export function summarizeProfile(profile: CpuProfile, topCount = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The innermost parkpress stage on each node's stack, computed once per node, not per sample.
  const stageMemo = new Map<number, string>();
  const stageFor = (id: number): string => {
    const known = stageMemo.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const own = stageOf(node.callFrame.url);
    const up = parent.get(id);
    // Reaching the root without a parkpress frame: module loading, I/O callbacks, timers.
    const result = own ?? (up !== undefined ? stageFor(up) : NO_STAGE);
    stageMemo.set(id, result);
    return result;
  };
  const self = new Map<number, number>();
  // timeDeltas[k] is the time before sample k: the time after sample k is the next delta.
  for (let k = 0; k < profile.samples.length; k++) {
    const us = profile.timeDeltas[k + 1] ?? 0;
    self.set(profile.samples[k]!, (self.get(profile.samples[k]!) ?? 0) + us / 1000);
  }
  const stages = new Map<string, number>();
  const libraries = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    // V8's pseudo-frames ((garbage collector), (idle), (program)) sit at the root: keep their own names.
    const stage = functionName.startsWith('(') && url === '' ? functionName : stageFor(id);
    stages.set(stage, (stages.get(stage) ?? 0) + ms);
    const lib = libraryOf(url, functionName);
    libraries.set(lib, (libraries.get(lib) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'}\t${url ? `${shortUrl(url)}:${lineNumber + 1}` : '–'}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    totalMs += ms;
  }
  const top = sortedEntries(functions, topCount).map(({ area, ms }) => {
    const [fn, where] = area.split('\t') as [string, string];
    return { fn, where, ms };
  });
  return { totalMs, byStage: sortedEntries(stages), byLibrary: sortedEntries(libraries), top };
}

/** A url short enough for a table: from `lib/src/` or the package inside node_modules. */
function shortUrl(url: string): string {
  const i = url.lastIndexOf('/node_modules/');
  if (i >= 0) return url.slice(i + '/node_modules/'.length);
  const j = url.indexOf('/lib/src/');
  if (j >= 0) return url.slice(j + 1);
  return url.replace(/^file:\/\//, '');
}

function pct(ms: number, total: number): string {
  return `${((100 * ms) / total).toFixed(1)}%`;
}

/** Markdown tables for the report. */
export function formatProfile(s: ProfileSummary, title: string): string {
  const lines = [`${title}: ${(s.totalMs / 1000).toFixed(2)} s of samples`, ''];
  lines.push('| stage (innermost parkpress module on the stack) | ms | share |', '| --- | ---: | ---: |');
  for (const e of s.byStage) lines.push(`| ${e.area} | ${e.ms.toFixed(0)} | ${pct(e.ms, s.totalMs)} |`);
  lines.push('', '| library (self time) | ms | share |', '| --- | ---: | ---: |');
  for (const e of s.byLibrary) lines.push(`| ${e.area} | ${e.ms.toFixed(0)} | ${pct(e.ms, s.totalMs)} |`);
  lines.push('', '| function (self time) | where | ms | share |', '| --- | --- | ---: | ---: |');
  for (const f of s.top) lines.push(`| ${f.fn} | ${f.where} | ${f.ms.toFixed(0)} | ${pct(f.ms, s.totalMs)} |`);
  return `${lines.join('\n')}\n`;
}
