// Command line of `npm run bench -- [options]`.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { TOOL_NAMES, type ToolName } from './tools.js';

export const SCENARIOS = ['cold', 'warm', 'add'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenchArgs {
  /** Number of articles. */
  n: number;
  /** Alternating rounds; every scenario is measured once per tool per round. */
  runs: number;
  tools: ToolName[];
  scenarios: Scenario[];
  /** Work folder (generated sites, results); never inside content/. */
  workDir: string;
  corpusDir: string;
  /** The Hugo-equivalent peer's folder (make-content.mjs, hugo.toml, layouts/); the tool is skipped when it is missing. */
  hugoEquivalentDir: string;
  /** Also run cold parkpress builds through the per-stage driver and under `node --cpu-prof`, and summarise both. */
  profile: boolean;
  /** Also time `parkpress dev` from a dropped file to the reload event. */
  dev: boolean;
  /** Build parkpress's search index (the default; `--no-search` measures the rest of the pipeline). */
  search: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [--n 1000] [--runs 3] [--tools parkpress,hugo-equivalent,hugo,eleventy]
                        [--scenarios cold,warm,add] [--profile] [--no-dev] [--no-search]
                        [--work bench-work] [--corpus ../shared/corpus/tw-news]
                        [--hugo-equivalent ../shared/peers/hugo-equivalent]
Builds a corpus of N articles, builds it with each tool in alternating rounds and prints the
medians of wall time, CPU and peak memory with the ratios of parkpress to each other tool.`;

export class UsageError extends Error {}

function positiveInt(name: string, value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} needs a whole number above 0, not ${JSON.stringify(value)}`);
  return n;
}

function list<T extends string>(name: string, value: string, allowed: readonly T[]): T[] {
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length > 0 || items.length === 0) throw new UsageError(`--${name}: choose from ${allowed.join(', ')} (got ${value})`);
  return allowed.filter((a) => items.includes(a));
}

export function parseBenchArgs(argv: string[], projectRoot: string): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        n: { type: 'string', default: '1000' },
        runs: { type: 'string', default: '3' },
        tools: { type: 'string', default: TOOL_NAMES.join(',') },
        scenarios: { type: 'string', default: SCENARIOS.join(',') },
        work: { type: 'string', default: 'bench-work' },
        corpus: { type: 'string', default: path.join('..', 'shared', 'corpus', 'tw-news') },
        'hugo-equivalent': { type: 'string', default: path.join('..', 'shared', 'peers', 'hugo-equivalent') },
        profile: { type: 'boolean', default: false },
        'no-dev': { type: 'boolean', default: false },
        'no-search': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return {
    n: positiveInt('n', parsed.n),
    runs: positiveInt('runs', parsed.runs),
    tools: list('tools', parsed.tools, TOOL_NAMES),
    scenarios: list('scenarios', parsed.scenarios, SCENARIOS),
    workDir: path.resolve(projectRoot, parsed.work),
    corpusDir: path.resolve(projectRoot, parsed.corpus),
    hugoEquivalentDir: path.resolve(projectRoot, parsed['hugo-equivalent']),
    profile: parsed.profile,
    dev: !parsed['no-dev'],
    search: !parsed['no-search'],
    help: parsed.help,
  };
}
