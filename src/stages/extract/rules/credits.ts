import { addToList, bodyLines, mark, type ExtractRule, type ExtractState, type Line } from '../core/state.js';
import { namesOnly } from '../core/names.js';
import { splitList, unbracket } from '../core/text.js';
import { charLength } from '../../../text/chars.js';

/** 责编/责任编辑/编辑/审核 ...: the editors of the page. */
const EDITOR =
  /^[【[(（]?\s*(?:责任编辑|责编|编辑|主编|审核|审校|校对|终审|初审|值班编辑|编审)\s*[:：]\s*(?<names>[^】\])）]*?)\s*[】\])）]?$/u;
/** 记者/作者/文/摄影 as a credit line or in brackets: `（记者 张三）`, `文/李四`, `记者 王五 通讯员 赵六`. */
const REPORTER = /^(?:(?:本报|本台|本网)?(?:记者|特约记者|见习记者|通讯员|作者|文|文字|撰稿|摄影|图|图文|摄)\s*[:：/／]?\s*)/u;
/** Closing marks: （完）, 【完】, （全文完）, （end）. */
const END_MARK = /^[（(【[]\s*(?:完|全文完|结束|end|END)\s*[）)】\]]$/u;
/** A picture credit: it names where the photos came from, not the article's source. */
const PICTURE_CREDIT =
  /^[（(【[]?\s*(?:图片来源|图片|图源|图片提供|供图|摄影)\s*[:：/]\s*[^）)】\]]*[）)】\]]?$|^[（(][^）)]{1,12}(?:提供|供图|摄)[）)]$/u;
/** Agency and paper leads: `本报讯`, `新华社南京3月20日电（记者 王五）`, `本报讯（记者 张三）`. */
const LEAD =
  /^(?<lead>(?:本报讯|本网讯|本台讯|讯|(?:新华社|中新社|中新网|人民网|央视网|新华网)[^，。（(]{0,16}?电))\s*(?:[（(](?<credit>[^）)]{1,40})[）)])?\s*/u;

/** A bracketed lead with reporters and place: `〔记者周敏鸿／桃园报导〕`, `（记者 张三/北京报道）`. */
const REPORTED =
  /^[〔【[（(]\s*(?:本报|本台)?(?:记者|特派记者|特约记者)\s*(?<names>[^／/〕】\]）)]{1,30}?)\s*[／/]\s*[^〕】\]）)]{1,12}?(?:报导|报道|电)\s*[〕】\]）)]\s*/u;

/** The names in a credit such as `记者 张三 通讯员 李四` or `高轩 艾培`; null when it is not a credit. */
export function parseCredit(text: string): string[] | null {
  const parts = text.split(/\s*(?:记者|特约记者|见习记者|通讯员|作者|文|摄影|摄|图|撰稿)\s*[:：/／]?\s*/u).join(' ');
  const names = namesOnly(parts.trim());
  return names && names.length > 0 ? names : null;
}

/** A line that closes an article's text: a byline, an editor's credit or an end mark such as （完）. */
export function isClosingCredit(text: string): boolean {
  return END_MARK.test(text) || EDITOR.test(text) || bylineNames(text, true) !== null || EDITION.test(text) || BRACKETED_CREDIT.test(text);
}

/** Takes an editors' credit: `责任编辑：张三`, or the label alone with the names on the next line (`责任编辑：` / `张三`). */
function takeEditors(state: ExtractState, line: Line, next: Line | undefined, rule: string): boolean {
  const m = EDITOR.exec(line.text);
  if (!m) return false;
  const split = m.groups!.names === '' && next !== undefined ? namesOnly(next.text) : null;
  const names = split ?? splitList(m.groups!.names!);
  if (names.length === 0 || names.some((n) => charLength(n) > 6)) return false;
  mark(line, 'meta', rule);
  if (split) mark(next!, 'meta', rule);
  addToList(state, 'editors', names);
  return true;
}

function takeLead(state: ExtractState, line: Line): void {
  const reported = REPORTED.exec(line.text);
  if (reported) {
    const names = splitList(reported.groups!.names!);
    if (names.every((n) => charLength(n) <= 4)) {
      addToList(state, 'authors', names);
      line.text = line.text.slice(reported[0].length);
      return;
    }
  }
  const m = LEAD.exec(line.text);
  if (!m || m[0].length >= line.text.length) return;
  const credit = m.groups!.credit;
  const names = credit ? parseCredit(credit) : null;
  if (credit && !names) return;
  if (names) addToList(state, 'authors', names);
  line.text = line.text.slice(m[0].length);
}

/** The print edition a story ran in: `《某某日报》（ 2021年06月08日 03版）`. */
const EDITION = /^《[^》]{2,12}》\s*[（(]?\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*(?:第\s*)?[A-Z]?\d{1,2}\s*版\s*[）)]?$/u;
/** A bracketed credit naming an editor or a reporter: `（某某网编辑 王小红）`, `（通讯员 李明）`. */
const BRACKETED_CREDIT = /^[（(][^（）()]{0,12}(?:编辑|责编|记者|通讯员|摄影|校对)\s*[^（）()]{1,10}[）)]$/u;

/** A whole line that is a byline: `（记者 张三）`, `记者：张三`, or (last in the body) `黄颢 朱大智`. */
export function bylineNames(text: string, last: boolean): string[] | null {
  const inner = unbracket(text);
  if (inner !== null) return parseCredit(inner);
  if (REPORTER.test(text)) return parseCredit(text);
  const names = last ? namesOnly(text) : null;
  return names && names.length >= 2 ? names : null;
}

/**
 * Bylines and credits: reporters' names (bracketed, labelled, or a last line of names only) become
 * authors, 责编/编辑 lines editors; 本报讯 leads, （完） and picture credits leave the body.
 */
export const credits: ExtractRule = {
  name: 'credits',
  description: 'bylines, 本报讯/新华社…电 leads, 责编/编辑 lines, （完） and picture credits: authors and editors, out of the body',
  run(state) {
    const lines = bodyLines(state);
    const lastProse = lines.length - 1;
    lines.forEach((line, i) => {
      if (line.role !== 'body' || takeEditors(state, line, lines[i + 1], this.name)) return;
      if (END_MARK.test(line.text) || PICTURE_CREDIT.test(line.text)) {
        mark(line, 'furniture', this.name);
        return;
      }
      const names = bylineNames(line.text, i >= lastProse - 2);
      if (names) {
        mark(line, 'meta', this.name);
        addToList(state, 'authors', names);
        return;
      }
      takeLead(state, line);
    });
  },
};
