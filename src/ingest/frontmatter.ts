import { isMap, parseDocument, type Document } from 'yaml';
import { splitFrontMatter } from '../stages/load/frontmatter.js';
import type { Article } from '../model/index.js';
import { INGEST_FIELDS, PROVENANCE_KEY, fieldValue, type IngestField } from './fields.js';

/**
 * Output style readable by both YAML 1.2 and the YAML 1.1 reader the build uses: every string
 * is double-quoted, so a date never becomes a Date object and `no` never becomes false.
 */
const STYLE = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 } as const;

/** A decoded text cut into its front-matter YAML (without the `---` lines) and body. */
export interface Parts {
  yaml: string;
  /** Keys the front-matter sets, as the build reads them (each is an editor's value). */
  keys: Set<string>;
  body: string;
}

/** Splits like the build does (src/frontmatter), keeping the YAML text itself so editors' comments survive. */
export function splitParts(text: string): Parts {
  const { data, body } = splitFrontMatter(text);
  const block = text.slice(0, text.length - body.length);
  const yaml = block === '' ? '' : block.slice(block.indexOf('\n') + 1).replace(/---[^\n]*\n?$/, '');
  return { yaml, keys: new Set(Object.keys(data)), body };
}

export interface Filled {
  /** The front-matter YAML with the missing fields added (unchanged text when none were missing). */
  yaml: string;
  added: IngestField[];
}

/**
 * Adds each field the editor has not set, with its provenance; never touches a key that is
 * there (its value is the editor's). The new lines go below the editor's YAML, which stays
 * byte for byte as written; only when an existing `provenance` map must take new entries is the
 * document edited in place (comments kept, spacing normalised).
 */
export function fillFrontMatter(parts: Parts, article: Article): Filled {
  const added = INGEST_FIELDS.filter((f) => !parts.keys.has(f));
  if (added.length === 0) return { yaml: parts.yaml, added };
  const doc = parseDocument(parts.yaml);
  if (doc.errors.length > 0) throw new Error(`front-matter is not valid YAML: ${doc.errors[0]!.message}`);
  if (!parts.keys.has(PROVENANCE_KEY)) {
    const appended = appendFields(parts.yaml, added, article);
    if (appended !== undefined) return { yaml: appended, added };
  }
  for (const field of added) doc.set(field, fieldValue(article, field));
  recordProvenance(doc, added, article);
  return { yaml: doc.toString(STYLE), added };
}

/** The editor's YAML with the new keys below it, or undefined when that would not parse as one mapping. */
function appendFields(yaml: string, added: IngestField[], article: Article): string | undefined {
  const fresh = parseDocument('');
  for (const field of added) fresh.set(field, fieldValue(article, field));
  recordProvenance(fresh, added, article);
  const head = yaml === '' || yaml.endsWith('\n') ? yaml : `${yaml}\n`;
  const joined = head + fresh.toString(STYLE);
  const check = parseDocument(joined);
  const ok =
    check.errors.length === 0 &&
    isMap(check.contents) &&
    [...added, ...(fresh.has(PROVENANCE_KEY) ? [PROVENANCE_KEY] : [])].every((k) => check.has(k));
  return ok ? joined : undefined;
}

function recordProvenance(doc: Document, added: IngestField[], article: Article): void {
  const entries = added.flatMap((f) => (article.provenance[f] ? [[f, article.provenance[f]] as const] : []));
  if (entries.length === 0) return;
  const existing = doc.get(PROVENANCE_KEY, true);
  if (existing !== undefined && !isMap(existing)) {
    throw new Error(`front-matter key "${PROVENANCE_KEY}" must be a mapping of field: source`);
  }
  for (const [field, from] of entries) doc.setIn([PROVENANCE_KEY, field], from);
}

/** The whole file: front-matter block, then the body (which starts with a blank line when it is new). */
export function joinParts(yaml: string, body: string): string {
  return `---\n${yaml}${yaml === '' || yaml.endsWith('\n') ? '' : '\n'}---\n${body}`;
}
