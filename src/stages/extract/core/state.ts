import { diagnostic, type Diagnostic, type FieldName, type Place, type Provenance, type Severity } from '../../../model/index.js';

/** What a line of the page turned out to be. Rules only look at lines still marked `body`. */
export type LineRole =
  | 'body' // an article paragraph (until a rule says otherwise)
  | 'furniture' // page chrome: navigation, link lists, footers ... dropped
  | 'meta' // a line whose content went into a field (dateline, keywords, credits) ... dropped
  | 'title'
  | 'heading' // a subheading inside the body (`##`)
  | 'note' // editor's note (编者按), rendered as a blockquote
  | 'caption'; // a picture caption

export interface Line {
  /** The normalized text, trimmed. Rules may rewrite it (e.g. strip a 本报讯 prefix). */
  text: string;
  /** 1-based line in the original file (front-matter included). */
  line: number;
  role: LineRole;
  /** Id of the rule that gave the line its role, for `check` and debugging. */
  by?: string;
  /** The line recurs on many of the files extracted together: the site's template (see template.ts). */
  template?: boolean;
}

/** Fields the rules fill in; `extract` turns them into an Article. */
export interface Extracted {
  title: string;
  date: string;
  source: string;
  keywords: string[];
  park: string;
  parks: string[];
  category: string;
  series: string;
  authors: string[];
  editors: string[];
  views: number;
}

/** What a dateline says: the page's date, source, authors, editors and view count. */
export interface Dateline {
  date?: string;
  source?: string;
  authors?: string[];
  editors?: string[];
  views?: number;
  /** The line is only `时间：date` or `日期：date`: perhaps an event's time (会议时间) rather than the page's. */
  eventLike?: true;
}

/** A line (or a label line and its value on the next line) that states dateline fields. */
export interface DatelineCandidate {
  lines: Line[];
  parsed: Dateline;
}

export interface ExtractState {
  file: string;
  /** The body is markdown parkpress wrote (an ingested `.md`): `##`, `>` and `*caption*` lines keep their roles. */
  markdown: boolean;
  /** The title an editor set in front-matter: only a line repeating it is the page's headline. */
  editorTitle?: string;
  /** Non-empty normalized lines in page order. */
  lines: Line[];
  fields: Partial<Extracted>;
  provenance: Partial<Record<FieldName, Provenance>>;
  diagnostics: Diagnostic[];
  /** Indices in `lines` of the article's first and last line, once `main-text` has found them. */
  article?: { first: number; last: number };
  /** Every dateline on the page, in page order; `page-date` chooses the one that belongs to the article. */
  datelines: DatelineCandidate[];
}

/** One phenomenon of real pages, handled in one module (see rules/ and `rules` in index.ts). */
export interface ExtractRule {
  /** Stable id, used as `extract/<name>` in diagnostics. */
  name: string;
  /** What the rule recognises and what it does with it, in one line (shown by rule listings). */
  description: string;
  run(state: ExtractState): void;
}

/** The non-empty lines of `text`, trimmed, as body lines; `lineOf(i)` is the file line of text line i. */
export function pageLines(text: string, lineOf: (index: number) => number): Line[] {
  const lines: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed) lines.push({ text: trimmed, line: lineOf(i), role: 'body' });
  });
  return lines;
}

/** The state of a page given as plain text (line i+1 is the i-th line), to run one rule on it alone. */
export function pageState(text: string, file = 'page.txt'): ExtractState {
  return { file, markdown: false, lines: pageLines(text, (i) => i + 1), fields: {}, provenance: {}, diagnostics: [], datelines: [] };
}

/** Lines no rule has claimed yet. */
export function bodyLines(state: ExtractState): Line[] {
  return state.lines.filter((l) => l.role === 'body');
}

/** Gives a line its role, recording which rule decided. */
export function mark(line: Line, role: LineRole, rule: string): void {
  line.role = role;
  line.by = rule;
}

/** Sets a field unless an earlier rule already found it (the first statement on the page wins). */
export function setField<K extends keyof Extracted>(
  state: ExtractState,
  key: K,
  value: Extracted[K],
  provenance: Provenance = 'explicit',
): void {
  if (state.fields[key] !== undefined) return;
  state.fields[key] = value;
  state.provenance[fieldName(key)] = provenance;
}

/** Adds values to a list field without duplicates. */
export function addToList(state: ExtractState, key: 'authors' | 'editors' | 'keywords', values: string[]): void {
  const list = state.fields[key] ?? [];
  for (const v of values) if (v && !list.includes(v)) list.push(v);
  state.fields[key] = list;
  state.provenance[fieldName(key)] = 'explicit';
}

function fieldName(key: keyof Extracted): FieldName {
  return key as FieldName;
}

/** A diagnostic of rule `rule` about this file (`place` absent: the whole file). */
export function report(state: ExtractState, rule: string, severity: Severity, message: string, place?: Place): void {
  state.diagnostics.push(diagnostic(state.file, `extract/${rule}`, severity, message, place));
}
