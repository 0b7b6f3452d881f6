// What every page of a build is made with besides its own data: the part of each page key (render/keys.ts) a build shares.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../model/index.js';
import { sha256 } from '../../text/hash.js';
import { compareCodeUnits } from '../../text/compare.js';
import { codeFingerprint, defaultTemplatesDir } from './fingerprint.js';
import { filesBelow } from './inputs.js';
import { configHash } from './up-to-date.js';

/** Digest of the code, the config and every file of the templates folders (the project's and the default theme's). */
export function renderFingerprint(config: Config): string {
  const dirs = [...new Set([config.templatesDir, defaultTemplatesDir].map((d) => path.resolve(d)))];
  const files = [...new Set(dirs.flatMap(filesBelow))].sort(compareCodeUnits);
  return sha256([codeFingerprint(), configHash(config), ...files.map((f) => `${f} ${sha256(readFileSync(f))}`)].join('\n'));
}
