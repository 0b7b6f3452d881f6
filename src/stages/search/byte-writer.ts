/**
 * Appends ASCII, decimal numbers and UTF-8 text to one growing buffer. A shard holds tens of
 * thousands of postings; writing their digits as bytes makes no intermediate strings (concatenating
 * them costs several times more CPU and garbage).
 */
/** The digits of a posting varint (ByteWriter.varint); public/search-query.js reads them. JSON-safe, no comma. */
export const POSTING_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVabcdefghijklmnopqrstuvwxyz-_.~+*';

export class ByteWriter {
  private buf = Buffer.allocUnsafe(64 * 1024);
  private at = 0;

  /** One ASCII character, by code. */
  ascii(code: number): void {
    this.reserve(1);
    this.buf[this.at++] = code;
  }

  /** A non-negative integer below 2^32 in decimal. */
  uint(n: number): void {
    this.reserve(10);
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    for (let i = this.at + digits - 1; i >= this.at; i--) {
      this.buf[i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.at += digits;
  }

  /**
   * A non-negative integer as a base-64 varint: five bits per character, least significant first,
   * each character but the last from the upper half of POSTING_DIGITS. Two or three characters
   * where decimal and a comma take four to six.
   */
  varint(n: number): void {
    this.reserve(7);
    while (n >= 32) {
      this.buf[this.at++] = POSTING_DIGITS.charCodeAt(32 + (n & 31));
      n = Math.floor(n / 32);
    }
    this.buf[this.at++] = POSTING_DIGITS.charCodeAt(n);
  }

  /** Text as UTF-8 (at most 3 bytes per UTF-16 code unit). */
  text(s: string): void {
    this.reserve(s.length * 3);
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  /** A copy of the bytes written so far; the writer then starts empty. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.at));
    this.at = 0;
    return out;
  }

  private reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(grown, 0, 0, this.at);
    this.buf = grown;
  }
}
