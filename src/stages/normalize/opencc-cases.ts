import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';

/** opencc-js locale pairs for each OpenCC traditional -> simplified configuration. */
const CONFIGS: Record<string, { from: string; to: string }> = {
  t2s: { from: 't', to: 'cn' },
  tw2s: { from: 'tw', to: 'cn' },
  tw2sp: { from: 'twp', to: 'cn' },
  hk2s: { from: 'hk', to: 'cn' },
  hk2sp: { from: 'hkp', to: 'cn' },
};

export interface CaseResult {
  config: string;
  id: string;
  input: string;
  expected: string;
  actual: string;
  pass: boolean;
}

/** Runs every case of OpenCC's `<config>.tsv` files in `dir` through opencc-js under that configuration. */
export function runOpenccCases(dir: string): CaseResult[] {
  const results: CaseResult[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()) {
    const config = path.basename(file, '.tsv');
    const pair = CONFIGS[config];
    if (!pair) throw new Error(`${file}: no opencc-js configuration known for "${config}"`);
    const convert = OpenCC.Converter(pair);
    const rows = readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '');
    for (const row of rows) {
      const [id, input, expected] = row.split('\t') as [string, string, string];
      const actual = convert(input);
      results.push({ config, id, input, expected, actual, pass: actual === expected });
    }
  }
  return results;
}
