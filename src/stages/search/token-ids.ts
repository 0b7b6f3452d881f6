/**
 * Dense ids for token strings. Nearly every token is a CJK bigram, i.e. two UTF-16 code units,
 * which pack into one 32-bit number: those live in an open-addressing table of typed arrays, which
 * is several times faster than a Map keyed by millions of freshly sliced strings (and makes no
 * garbage). Other tokens (words, unigrams) go to a Map.
 */
export class TokenIds {
  readonly names: string[] = [];
  private readonly others = new Map<string, number>();
  private keys = new Uint32Array(1 << 16);
  /** id + 1 per slot; 0 is an empty slot. */
  private slots = new Uint32Array(1 << 16);
  /** 32 - log2(table size): a key's slot is the top bits of its Fibonacci hash. */
  private shift = 16;

  get size(): number {
    return this.names.length;
  }

  /** The id of a token, given the next free id when it is new. */
  id(token: string): number {
    if (token.length === 2) return this.pair(token.charCodeAt(0), token.charCodeAt(1));
    let id = this.others.get(token);
    if (id === undefined) this.others.set(token, (id = this.add(token)));
    return id;
  }

  /** The id of the two-unit token of code units `a` `b` (what `id` gives its string); the string is made only when the token is new. */
  pair(a: number, b: number): number {
    const key = ((a << 16) | b) >>> 0;
    const mask = this.keys.length - 1;
    for (let at = slotOf(key, this.shift); ; at = (at + 1) & mask) {
      const slot = this.slots[at]!;
      if (slot === 0) {
        const id = this.add(String.fromCharCode(a, b));
        this.keys[at] = key;
        this.slots[at] = id + 1;
        if (this.names.length * 2 > this.keys.length) this.grow();
        return id;
      }
      if (this.keys[at] === key) return slot - 1;
    }
  }

  private add(token: string): number {
    this.names.push(token);
    return this.names.length - 1;
  }

  /** Doubles the table (kept at most half full, so probes stay short). */
  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.slots = new Uint32Array(keys.length * 2);
    this.shift--;
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (slots[i] === 0) continue;
      let at = slotOf(keys[i]!, this.shift);
      while (this.slots[at] !== 0) at = (at + 1) & mask;
      this.keys[at] = keys[i]!;
      this.slots[at] = slots[i]!;
    }
  }
}

/**
 * Fibonacci hashing: spreads nearby character codes over the whole table. The slot is the top
 * bits of the product (the well-mixed ones), as many as the table needs.
 */
function slotOf(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}
