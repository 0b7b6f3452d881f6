// jieba's dictionary (word frequency tag, one a line) as word -> part-of-speech tag, in typed arrays:
// an open-addressing hash table over the words' UTF-16 code units, filled in one pass over the
// text without making a string per word. A Map of its ~350,000 words costs every thread that tags
// ~0.4 s of CPU and ~27 MiB to build; this costs a tenth of both, and looks words up as fast.

/** FNV-1a over a string's UTF-16 code units (the table hashes dictionary words the same way as it copies them). */
function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Word -> tag for the lines of a jieba dictionary; a word listed twice keeps its last tag (as Map.set would). */
export class TagTable {
  private constructor(
    /** Every word's code units, one after another. */
    private readonly units: Uint16Array,
    /** Word i is units[starts[i], starts[i + 1]). */
    private readonly starts: Uint32Array,
    /** Word i's tag, as an index into `names`. */
    private readonly tags: Uint8Array,
    private readonly names: readonly string[],
    /** Word index + 1 per slot (0: empty); the length is a power of two. */
    private readonly slots: Int32Array,
  ) {}

  /**
   * Parses a dictionary's text: on each line the word is what precedes the first space and the
   * tag what follows the last one (trimmed); a line with fewer than two spaces is not read.
   */
  static parse(text: string): TagTable {
    let lineCount = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCount++;
    const slots = new Int32Array(2 ** Math.ceil(Math.log2(2 * lineCount + 1)));
    const units = new Uint16Array(text.length);
    const starts = new Uint32Array(lineCount + 1);
    const tags = new Uint8Array(lineCount);
    const names: string[] = [];
    const byName = new Map<string, number>();
    const byCode = new Map<number, number>();
    /** The index of the tag text[from, to) trimmed; short ASCII tags are found by their code units, without a string each. */
    const tagIndex = (from: number, to: number): number => {
      const code = asciiCode(text, from, to);
      const known = code === undefined ? undefined : byCode.get(code);
      if (known !== undefined) return known;
      const name = text.slice(from, to).trim();
      let index = byName.get(name);
      if (index === undefined) {
        if (names.length === 256) throw new Error('a jieba dictionary with more than 256 distinct tags');
        byName.set(name, (index = names.length));
        names.push(name);
      }
      if (code !== undefined) byCode.set(code, index);
      return index;
    };
    const mask = slots.length - 1;
    let words = 0;
    let used = 0;
    for (let start = 0; start < text.length;) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const space = text.indexOf(' ', start);
      const last = text.lastIndexOf(' ', end - 1);
      if (space > start && last > space) {
        const tag = tagIndex(last + 1, end);
        let h = 0x811c9dc5;
        for (let i = start; i < space; i++) {
          const c = text.charCodeAt(i);
          units[used + i - start] = c;
          h = Math.imul(h ^ c, 0x01000193);
        }
        starts[words] = used;
        starts[words + 1] = used + space - start;
        let slot = (h >>> 0) & mask;
        for (;;) {
          const held = slots[slot]!;
          if (held === 0) {
            slots[slot] = words + 1;
            tags[words] = tag;
            used += space - start;
            words++;
            break;
          }
          if (sameUnits(units, starts[held - 1]!, starts[held]!, used, used + space - start)) {
            tags[held - 1] = tag; // listed again: the last tag wins
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
      start = end + 1;
    }
    return new TagTable(units.slice(0, used), starts.slice(0, words + 1), tags.slice(0, words), names, slots);
  }

  /** Distinct words held. */
  get size(): number {
    return this.tags.length;
  }

  /** The word's tag, or undefined when the dictionary does not list it. */
  get(word: string): string | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(word) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) return undefined;
      if (this.holds(held - 1, word)) return this.names[this.tags[held - 1]!];
    }
  }

  /** Every word and its tag, in dictionary order (for tests). */
  *entries(): IterableIterator<[string, string]> {
    for (let i = 0; i < this.tags.length; i++) {
      yield [String.fromCharCode(...this.units.subarray(this.starts[i], this.starts[i + 1])), this.names[this.tags[i]!]!];
    }
  }

  private holds(index: number, word: string): boolean {
    const from = this.starts[index]!;
    if (this.starts[index + 1]! - from !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.units[from + i] !== word.charCodeAt(i)) return false;
    return true;
  }
}

/**
 * text[from, to) as one number when it is at most six printable ASCII characters after a carriage
 * return at its end (so the same code always trims to the same tag); undefined otherwise.
 */
function asciiCode(text: string, from: number, to: number): number | undefined {
  if (to > from && text.charCodeAt(to - 1) === 0x0d) to--;
  if (to - from > 6 || to === from) return undefined;
  let code = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return undefined;
    code = code * 128 + c;
  }
  return code;
}

function sameUnits(units: Uint16Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; a + i < aEnd; i++) if (units[a + i] !== units[b + i]) return false;
  return true;
}
