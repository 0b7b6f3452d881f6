import { addToList, mark, setField, type ExtractRule, type Line } from '../core/state.js';
import { authorAndOutlet, headerNames, isOutletName } from '../core/bylines.js';
import { charLength } from '../../../text/chars.js';

/** Up to this many characters a line right above a reporter's name may be the outlet's (某报 / 王小明). */
const SHORT_NAME = 6;

/** A short name right above a byline names the outlet the reporter writes for. */
function namedBefore(line: Line, next: Line | undefined): boolean {
  return (
    charLength(line.text) <= SHORT_NAME &&
    /^[\p{Script=Han}A-Za-z]+$/u.test(line.text) &&
    headerNames(line.text) === null &&
    next !== undefined &&
    next.role === 'body' &&
    headerNames(next.text) !== null
  );
}

/**
 * The header between the headline and the article: a byline gives the authors, an outlet's name the
 * source (`新华社`, `王小明/江南晚报`, a short name above a byline); subtitles, captions of the lead picture, widgets and any other
 * line there leave the body.
 */
export const headerBlock: ExtractRule = {
  name: 'header-block',
  description: 'lines between the headline and the article: bylines give authors, an outlet name the source, the rest leaves the body',
  run(state) {
    const first = state.article?.first ?? 0;
    const head = state.lines.findIndex((l) => l.role === 'title');
    for (let i = head + 1; i < first; i++) {
      const line = state.lines[i]!;
      if (line.role !== 'body') continue;
      const pair = authorAndOutlet(line.text);
      const names = pair ? pair[0] : headerNames(line.text);
      if (names) {
        addToList(state, 'authors', names);
        if (pair) setField(state, 'source', pair[1]);
        mark(line, 'meta', this.name);
      } else if ((isOutletName(line.text) || namedBefore(line, state.lines[i + 1])) && state.fields.source === undefined) {
        setField(state, 'source', line.text);
        mark(line, 'meta', this.name);
      } else {
        mark(line, 'furniture', this.name);
      }
    }
  },
};
