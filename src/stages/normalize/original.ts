// A traditional article is cleaned and extracted in simplified script; its traditional edition
// should show what the reporter wrote, not simplified text converted back (臺 -> 台 -> 臺 is lucky;
// 著, 裡, 線上 and the reporter's own words are not). The cleaned original is the same text normalize
// makes with every rule but `script`; tw2s keeps the length of what it converts (462 of 464 sampled
// tw-news articles), so a body line found in that text's conversion sits at the same offsets in it.

/** A body line's markdown prefix (heading, quote, list item) and its text. */
const LINE = /^(#{1,6} |> |[-*+] |\d+\. )?(.*)$/s;

/**
 * Each line of `body` (an article extracted from a source) in the source's own cleaned script,
 * or null where it is not in the cleaned text as such (extraction rewrote it, or conversion changed
 * a length). `original`: the source cleaned without conversion, and `simplified` its conversion
 * (normalize's `original` and `originalSimplified`). Blank and non-Chinese lines are null too: the
 * edition shows them as they are.
 */
export function originalLines(original: string, simplified: string, body: string): (string | null)[] {
  const lines = body.split('\n');
  if (simplified.length !== original.length) return lines.map(() => null);
  let from = 0;
  return lines.map((line) => {
    const [, prefix = '', text = ''] = LINE.exec(line)!;
    if (!/\p{Script=Han}/u.test(text)) return null;
    // Lines come in order; look after the last one first, so a repeated line maps to its own copy.
    let at = simplified.indexOf(text, from);
    if (at < 0) at = simplified.indexOf(text);
    if (at < 0) return null;
    from = at + text.length;
    return prefix + original.slice(at, at + text.length);
  });
}
