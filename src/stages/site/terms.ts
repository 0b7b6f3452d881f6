/** Function words that carry no topic; document frequency removes most others. */
const STOPWORDS = new Set([
  '我们', '他们', '一个', '进行', '以及', '通过', '已经', '目前', '同时', '其中', '没有', '可以', '这个', '这些',
  '自己', '就是', '还是', '因为', '所以', '但是', '如果', '对于', '以来', '之后', '之前', '记者', '表示', '今年',
  '去年', '相关', '方面', '工作', '有关', '不断', '主要', '更加', '成为', '实现', '推动', '加快', '提升', '持续',
]);

/**
 * A word worth indexing for related articles: two or more characters, a CJK word or a Latin word,
 * not a number. Every part of speech counts (verbs tell stories apart as well as nouns do).
 */
export function isRelatedTerm(token: string): boolean {
  if (token.length < 2 || STOPWORDS.has(token)) return false;
  if (/\p{Script=Han}/u.test(token)) return !/[\d０-９]/u.test(token);
  return /^[A-Za-z][A-Za-z-]{2,}$/.test(token);
}
