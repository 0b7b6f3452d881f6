// Stop words: the one list of words that never name what a story is about.

/** Function words: they carry no topic in any part of speech. Never a related-articles term, never a keyword. */
const FUNCTION_WORDS = [
  '我们', '他们', '一个', '进行', '以及', '通过', '已经', '目前', '同时', '其中', '没有', '可以', '这个', '这些',
  '自己', '就是', '还是', '因为', '所以', '但是', '如果', '对于', '以来', '之后', '之前', '记者', '表示', '今年',
  '去年', '相关', '方面', '工作', '有关', '不断', '主要', '更加', '成为', '实现', '推动', '加快', '提升', '持续',
];

/**
 * Nouns and verbs news text uses for every story: report verbs, time words, vague quantities and
 * the boilerplate of official news. Never a keyword; related articles keep them, where document
 * frequency already weighs them down.
 */
const NEWS_WORDS = [
  '记者', '通讯员', '编辑', '责编', '来源', '本报', '新闻', '报道', '消息', '日电', '图片', '文章', '网站', '本文', '全文',
  '目前', '今年', '去年', '明年', '近日', '日前', '当天', '今天', '昨天', '年度', '时间', '期间', '以来', '时候', '同时', '过程',
  '方面', '工作', '问题', '情况', '方式', '部分', '有关', '相关', '其中', '一些', '这些', '那些', '各类', '各项', '一批', '一系列',
  '领域', '内容', '领导', '人员', '负责人', '人士', '人们', '大家', '我们', '他们', '自己', '对此', '此外', '另外', '总体', '整体',
  '表示', '介绍', '指出', '认为', '强调', '要求', '提出', '显示', '包括', '进行', '开展', '实现', '推动', '推进', '加强', '加快',
  '提升', '坚持', '不断', '积极', '全面', '持续', '进一步', '重要', '主要', '重点', '成为', '作为', '通过', '根据', '按照', '围绕',
  '全国', '全省', '全市', '全区', '国家', '地方', '地区', '社会', '城市', '单位', '部门', '企业', '公司', '项目', '发展', '建设', '服务', '管理',
  '亿元', '万元', '元', '人次', '平方米', '公里', '百分点', '同比', '比例', '数量', '规模', '水平', '能力', '作用', '基础', '目标',
  '台湾', '中国', '国内', '国际', '世界', '市场', '政府', '民众', '报导', '表示', '指出',
];

/** Words never counted as terms for related articles. */
export const RELATED_STOP_WORDS: ReadonlySet<string> = new Set(FUNCTION_WORDS);

/** Words never chosen as keywords (content words are picked by part of speech first). */
export const KEYWORD_STOP_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...NEWS_WORDS]);
