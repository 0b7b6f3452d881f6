#!/usr/bin/env node
// Prints every line of a page with the role extraction gave it and the rule that decided, then the
// fields: a debugging view of what `check` summarises. Run `npm run compile` first.
// Usage: node scripts/extract-trace.mjs FILE [FROM [TO]] [--site]
//   FROM/TO: a range of file lines to show; --site: read the file with the template of the other
//   files in its folder, as `check FOLDER` does (src/stages/extract/core/template.ts).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadSource } from '../lib/src/stages/load/index.js';
import { normalize } from '../lib/src/stages/normalize/index.js';
import { extractLines } from '../lib/src/stages/extract/index.js';
import { defaultConfig } from '../lib/src/config/defaults.js';
import { LineCounts } from '../lib/src/stages/extract/core/template.js';

const args = process.argv.slice(2);
const site = args.includes('--site');
const [file, from = '0', to = 'Infinity'] = args.filter((a) => a !== '--site');
if (!file) {
  console.error('usage: node scripts/extract-trace.mjs FILE [FROM [TO]]');
  process.exit(2);
}
const abs = path.resolve(file);
const { source, diagnostics } = await loadSource(abs, path.dirname(abs), defaultConfig(process.cwd()).limits);
if (!source) {
  console.error(diagnostics.map((d) => d.message).join('\n'));
  process.exit(1);
}
let template;
if (site) {
  const counts = new LineCounts();
  for (const name of readdirSync(path.dirname(abs)).sort()) {
    const other = path.join(path.dirname(abs), name);
    const loaded = await loadSource(other, path.dirname(abs), defaultConfig(process.cwd()).limits);
    if (loaded.source) counts.add(loaded.source.body);
  }
  template = counts.template();
}
const state = extractLines(source, normalize(source.body, source.relPath, { firstLine: source.bodyStartLine }), undefined, { template });
const mark = { body: 'B', title: 'T', heading: 'H', note: 'N', caption: 'C', meta: 'm', furniture: '.' };
for (const line of state.lines) {
  if (line.line < Number(from) || line.line > Number(to)) continue;
  console.log(
    `${String(line.line).padStart(5)} ${mark[line.role]}${line.template ? '*' : ' '}${(line.by ?? '').padEnd(16)} ${line.text.slice(0, 100)}`,
  );
}
console.log(JSON.stringify({ fields: state.fields, provenance: state.provenance }, null, 1));
