// Prints how many of OpenCC's own traditional -> simplified test cases opencc-js passes, per
// configuration, and lists every failure. Usage: npm run compile && node lib/scripts/opencc-cases.js [dir]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOpenccCases } from '../src/stages/normalize/opencc-cases.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = process.argv[2] ?? path.resolve(root, '../shared/opencc-testcases');
const results = runOpenccCases(dir);
const { version } = JSON.parse(readFileSync(path.join(root, 'node_modules/opencc-js/package.json'), 'utf8')) as { version: string };
console.log(`OpenCC test cases from ${path.relative(root, dir)}, run through opencc-js ${version}`);
const configs = [...new Set(results.map((r) => r.config))];
for (const config of configs) {
  const mine = results.filter((r) => r.config === config);
  console.log(`${config.padEnd(6)} ${mine.filter((r) => r.pass).length}/${mine.length} pass`);
}
const failed = results.filter((r) => !r.pass);
console.log(`total  ${results.length - failed.length}/${results.length} pass`);
for (const f of failed) console.log(`\nFAIL ${f.config} ${f.id}\n  input    ${f.input}\n  expected ${f.expected}\n  actual   ${f.actual}`);
