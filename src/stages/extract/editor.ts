import { type Diagnostic, diagnostic, type RawFrontMatter, type Script } from '../../model/index.js';
import { BIDI_CONTROLS } from '../../text/bidi.js';
import { parseDateString } from './core/dates.js';

/** Values an editor may set in front-matter, already validated. */
export interface EditorFields {
  title?: string;
  date?: string | null;
  source?: string | null;
  keywords?: string[];
  park?: string | null;
  parks?: string[];
  category?: string | null;
  series?: string | null;
  authors?: string[];
  editors?: string[];
  views?: number | null;
  original_script?: Script;
  slug?: string;
  summary?: string;
}

type Check = (value: unknown) => unknown | undefined;

const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const nullableText: Check = (v) => (v === null ? null : text(v));
/** A list may be written as a YAML sequence or as one string `a, b、c`. */
const list: Check = (v) => {
  if (typeof v === 'string')
    return v
      .split(/[,，、;；]+/u)
      .map((x) => x.trim())
      .filter(Boolean);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x) => x.trim()).filter(Boolean);
  return undefined;
};
const date: Check = (v) => (v === null ? null : typeof v === 'string' ? (parseDateString(v) ?? undefined) : undefined);
const views: Check = (v) => (v === null ? null : Number.isSafeInteger(v) && (v as number) >= 0 ? v : undefined);
const script: Check = (v) => (v === 'zh-Hans' || v === 'zh-Hant' ? v : undefined);
const slug: Check = (v) => (typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,79}$/u.test(v) ? v : undefined);

const CHECKS: Record<keyof EditorFields, [Check, string]> = {
  title: [text, 'a non-empty string'],
  date: [date, 'a date such as 2024-03-20 or 2024-03-20T18:44:00+08:00'],
  source: [nullableText, 'a string'],
  keywords: [list, 'a list of strings'],
  park: [nullableText, 'a string'],
  parks: [list, 'a list of strings'],
  category: [nullableText, 'a string'],
  series: [nullableText, 'a string'],
  authors: [list, 'a list of names'],
  editors: [list, 'a list of names'],
  views: [views, 'a whole number of views'],
  original_script: [script, 'zh-Hans or zh-Hant'],
  slug: [slug, 'lower-case letters, digits and hyphens'],
  summary: [text, 'a non-empty string'],
};

/** Keys that are not extracted fields but that other stages read (draft, layout ...). */
const PASS_THROUGH = new Set([
  'draft',
  'layout',
  'aliases',
  'template',
  'lang',
  'weight',
  'computed_keywords',
  // ingest's record of where each value came from: history for the editor, the values are theirs now.
  'provenance',
]);

/** C0 controls and DEL (tab and newline excepted): invisible, and never meant in a title or a name. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;

/** The value with control characters removed from every string in it, and whether any were. */
function stripControls(value: unknown): [unknown, boolean] {
  if (typeof value === 'string') {
    // Bidirectional controls too: a title with U+202E would show reversed on every page listing it.
    const clean = value.replace(CONTROL, '').replace(BIDI_CONTROLS, '');
    return [clean, clean !== value];
  }
  if (Array.isArray(value)) {
    const parts = value.map(stripControls);
    return [parts.map(([v]) => v), parts.some(([, changed]) => changed)];
  }
  return [value, false];
}

export interface EditorInput {
  fields: EditorFields;
  diagnostics: Diagnostic[];
}

/**
 * Validates front-matter written by an editor. A value of the wrong type is reported naming the key,
 * and left out so the extracted value is used instead; control characters are removed with a warning.
 */
export function readEditorFields(frontMatter: RawFrontMatter, file: string, keyLines: Readonly<Record<string, number>>): EditorInput {
  const fields: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [key, raw] of Object.entries(frontMatter)) {
    // Front-matter opens the file, so a key without a known line is still near line 1.
    const at = (severity: Diagnostic['severity'], rule: string, message: string): Diagnostic =>
      diagnostic(file, `extract/${rule}`, severity, message, { line: keyLines[key] ?? 1 });
    const check = CHECKS[key as keyof EditorFields];
    if (!check) {
      if (!PASS_THROUGH.has(key))
        diagnostics.push(at('warning', 'unknown-key', `front-matter key "${key}" is not a parkpress field and is ignored`));
      continue;
    }
    const [value, stripped] = stripControls(raw);
    if (stripped)
      diagnostics.push(at('warning', 'control-characters', `front-matter "${key}" contains control characters; they were removed`));
    const ok = check[0](value);
    if (ok === undefined)
      diagnostics.push(
        at(
          'error',
          'front-matter-type',
          `front-matter "${key}" must be ${check[1]} (got ${JSON.stringify(value)}); the extracted value is used instead`,
        ),
      );
    else fields[key] = ok;
  }
  return { fields: fields as EditorFields, diagnostics };
}
