import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../model/index.js';
import { INGEST_FIELDS, type IngestField } from './fields.js';

/** Where ingest keeps raw originals, inside the content dir. A dot-folder: discovery and `dev` skip it. */
export const RAW_DIR = '.raw';

/**
 * Fields made from the body alone. The body of an ingested .md is the editor's now, so when one of
 * these is deleted it is made again from the body as it is, not from the original's.
 */
const FROM_CURRENT_BODY: ReadonlySet<IngestField> = new Set(['summary']);

/**
 * The raw original ingest kept for `rel` (an .md it converted from a .txt), as an absolute path,
 * or undefined when there is none (an .md written by hand).
 */
export async function keptOriginal(contentDir: string, rel: string): Promise<string | undefined> {
  for (const ext of ['.txt', '.TXT']) {
    const kept = path.join(contentDir, RAW_DIR, ...rel.replace(/\.md$/i, ext).split('/'));
    if ((await stat(kept).catch(() => undefined))?.isFile()) return kept;
  }
  return undefined;
}

/**
 * The values ingest writes into an .md's missing fields: what the original page extracted to (its
 * dateline, `来源：` line and header are gone from the clean body, so the .md alone would give
 * no date or source, or a worse one), except the fields made from the body, taken from `current`.
 */
export function valuesToFill(current: Article, original: Article): Article {
  const filled: Article = { ...current, provenance: { ...current.provenance } };
  const values = filled as unknown as Record<string, unknown>;
  for (const field of INGEST_FIELDS) {
    if (FROM_CURRENT_BODY.has(field)) continue;
    const key = field === 'original_script' ? 'originalScript' : field;
    values[key] = (original as unknown as Record<string, unknown>)[key];
    if (original.provenance[field]) filled.provenance[field] = original.provenance[field];
    else delete filled.provenance[field];
  }
  return filled;
}
