import type { NormalizeResult } from '../../model/index.js';
import { annotations } from './rules/annotations.js';
import { bidi } from './rules/bidi.js';
import { blankLines } from './rules/blank-lines.js';
import { halfwidth } from './rules/halfwidth.js';
import { mojibake } from './rules/mojibake.js';
import { punctuation } from './rules/punctuation.js';
import { rejoin } from './rules/rejoin.js';
import { script } from './rules/script.js';
import { indentation, whitespace } from './rules/whitespace.js';
import type { NormalizeRule, NormalizeState } from './core/state.js';
import { unixNewlines } from '../../text/newlines.js';
import { runConversions, simplifyKnown } from './core/opencc.js';

export type { NormalizeRule } from './core/state.js';

/**
 * The chain, in order. mojibake reads the untouched lines so its columns are the original ones;
 * annotations must run before script conversion (converting first turns 乾(qián)隆 into 干隆 and the
 * reading no longer matches); punctuation runs on simplified, half-width text (digits decide 18:44)
 * and before indentation (a line starting `(1)` is Chinese once it reads `（1）`); rejoin needs the
 * final stops and trimmed ends.
 */
export const rules: readonly NormalizeRule[] = [
  mojibake,
  whitespace,
  bidi,
  annotations,
  script,
  halfwidth,
  punctuation,
  indentation,
  rejoin,
  blankLines,
];

export interface NormalizeOptions {
  /** Names of rules to skip (see `rules`). */
  disable?: readonly string[];
  /**
   * 1-based line of the file where `text` starts (SourceFile.bodyStartLine), so diagnostics name
   * file lines; `lineMap` stays relative to `text`. Default 1.
   */
  firstLine?: number;
  /**
   * Also make `original` when the text turns out traditional: the rules before `script` run once
   * for both texts, instead of a second normalize with `script` disabled.
   */
  keepOriginal?: boolean;
}

/** A normalize result, with the cleaned but unconverted text of a traditional input when asked for. */
export interface Normalized extends NormalizeResult {
  /**
   * With `keepOriginal`, for a zh-Hant input: the text every rule of this run but `script` makes of
   * it (what `normalize` with `script` also disabled returns).
   */
  original?: string;
  /** With `original`: its conversion as the `script` rule converts (where its lines sit in the simplified text). */
  originalSimplified?: string;
}

/** normalize: text -> text (pinyin annotations out, traditional -> simplified, punctuation, whitespace). */
export function normalize(text: string, file: string, options: NormalizeOptions = {}): Normalized {
  const unknown = (options.disable ?? []).filter((name) => !rules.some((r) => r.name === name));
  if (unknown.length > 0) throw new Error(`unknown normalize rule(s): ${unknown.join(', ')}`);
  const lines = unixNewlines(text).split('\n');
  const state: NormalizeState = {
    file,
    firstLine: options.firstLine ?? 1,
    lines,
    lineMap: lines.map((_, i) => i + 1),
    originalScript: 'zh-Hans',
    annotationsRemoved: 0,
    diagnostics: [],
  };
  const applied = rules.filter((rule) => !options.disable?.includes(rule.name));
  let unconverted: NormalizeState | undefined;
  let conversions: Map<string, string> | undefined;
  for (const rule of applied) {
    if (rule === script && options.keepOriginal) unconverted = copyState(state);
    rule.run(state);
    if (rule !== script || !unconverted) continue;
    // A simplified input has no original to keep: the fork is dropped before any more work on it.
    if (state.originalScript === 'zh-Hant') conversions = runConversions(unconverted.lines.join('\n'), state.lines.join('\n'));
    else unconverted = undefined;
  }
  const result: Normalized = {
    text: state.lines.join('\n'),
    originalScript: state.originalScript,
    annotationsRemoved: state.annotationsRemoved,
    lineMap: state.lineMap,
    diagnostics: state.diagnostics,
  };
  if (unconverted) {
    for (const rule of applied.slice(applied.indexOf(script) + 1)) rule.run(unconverted);
    result.original = unconverted.lines.join('\n');
    // Most of its text is text the script rule converted already (later rules change little of it).
    result.originalSimplified = simplifyKnown(result.original, conversions!);
  }
  return result;
}

/** A state the rules can go on with apart from `state` (they edit its arrays in place). */
function copyState(state: NormalizeState): NormalizeState {
  return { ...state, lines: [...state.lines], lineMap: [...state.lineMap], diagnostics: [...state.diagnostics] };
}
