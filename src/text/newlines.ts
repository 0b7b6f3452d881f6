/** CRLF and lone CR line ends as LF: every stage reads lines split on `\n` only. */
export function unixNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
