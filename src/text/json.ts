/**
 * JSON for a file of the site: `<`, `>` and `&` written as `\u003c`-style escapes (as Go's
 * encoding/json does), and U+2028/U+2029 too. The value parses the same, but no markup from an
 * article appears raw in the file, so it stays inert when a host or a browser's content sniffing
 * treats it as HTML, or a page inlines it in a script.
 */
export function webJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
