import { bodyLines, mark, type ExtractRule } from '../core/state.js';

/** When a comment was posted, as comment threads show it: 3小时前, 刚刚, 昨天 12:30, 1楼. */
const POSTED = /^(?:\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|刚刚|(?:今天|昨天|前天)\s*\d{1,2}:\d{2}|(?:\d+|沙发|板凳|地板)\s*楼)$/u;
/** The heading of a comment thread: 评论（3）, 网友评论, 共 12 条评论, 《标题》已有1件评论, 全部评论 36. */
const THREAD =
  /^(?:(?:网友|读者|全部|最新|热门|精彩|文章|本文)?评论|跟帖|留言)\s*[（(]?\s*\d*\s*条?[)）]?$|^(?:《[^》]{1,40}》)?(?:共|已有)?\s*\d+\s*(?:条|篇|件|个)(?:评论|跟帖|留言)/u;
/** The heading of a reply: `# re：标题`, `回复：标题`. */
const REPLY = /^#?\s*(?:re|回复)\s*[:：]/iu;
/** A row of comment controls: 回复 踩1 赞20 收藏, 查看回复 4 举报, 顶(12). */
const CONTROL = /^(?:回复|查看回复|踩|顶|赞|点赞|收藏|举报|分享|引用|删除|盖楼|支持|反对)$/u;

/** When a comment was posted (3小时前, 2楼): a line only a comment thread has. */
export function isPostedAt(text: string): boolean {
  return POSTED.test(text);
}

/** What a reply's heading quotes (`# re：欢迎新朋友` -> `欢迎新朋友`), or null when the line is none. */
export function replyTo(text: string): string | null {
  const m = REPLY.exec(text);
  return m ? text.slice(m[0].length).trim() : null;
}

/** A line made only of comment controls and their counts. */
export function isCommentControls(text: string): boolean {
  const tokens = text
    .replace(/[(（]?\d+[)）]?/gu, ' ')
    .split(/[\s|｜丨·]+/u)
    .filter((t) => t.length > 0);
  return tokens.length > 0 && tokens.every((t) => CONTROL.test(t)) && /回复|踩|顶|举报|引用|盖楼/u.test(text);
}

/**
 * Comment threads: the thread's heading (评论（3）), the time a comment was posted (3小时前, 2楼), the heading of a reply (re：标题)
 * and rows of its controls (回复 踩1 赞20 收藏) are comment chrome; main-text counts them as closing the article, so the comments'
 * own words never extend it.
 */
export const comments: ExtractRule = {
  name: 'comments',
  description:
    'comment-thread chrome (评论（3）, 3小时前, 2楼, re：标题, 回复 踩1 赞20 举报) leaves the body and closes the article before the comments',
  run(state) {
    for (const line of bodyLines(state)) {
      if (THREAD.test(line.text) || POSTED.test(line.text) || REPLY.test(line.text) || isCommentControls(line.text))
        mark(line, 'furniture', this.name);
    }
  },
};
