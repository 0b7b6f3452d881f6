import matter from 'gray-matter';
import type { RawFrontMatter } from '../types.js';

/** Engines gray-matter would run as code (`---js`): refused, never executed. */
const refuse = (name: string) => () => {
  throw new Error(`front-matter language "${name}" is not allowed (it would run code)`);
};

export interface SplitResult {
  data: RawFrontMatter;
  body: string;
  /** 1-based line where the body starts in the given text. */
  bodyStartLine: number;
}

/**
 * Splits YAML front-matter off a decoded text. Throws an Error with a plain message when the
 * front-matter is malformed or asks for a code engine; the caller turns it into a diagnostic.
 */
export function splitFrontMatter(text: string): SplitResult {
  if (!text.startsWith('---')) return { data: {}, body: text, bodyStartLine: 1 };
  const parsed = matter(text, {
    engines: { js: refuse('js'), javascript: refuse('javascript'), coffee: refuse('coffee'), coffeescript: refuse('coffeescript') },
  } as never);
  const consumed = text.length - parsed.content.length;
  const bodyStartLine = text.slice(0, consumed).split('\n').length;
  return { data: { ...(parsed.data as RawFrontMatter) }, body: parsed.content, bodyStartLine };
}
