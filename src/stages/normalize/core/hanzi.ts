/** A Han ideograph (any CJK unified/compatibility block, including supplementary planes). */
const HAN = /\p{Script=Han}/u;
export const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);

/** Full-width / CJK punctuation: brackets, quotes, stops, commas, ellipsis, dashes. */
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/u;
const isCjkPunct = (ch: string | undefined): boolean => ch !== undefined && CJK_PUNCT.test(ch);

/** A character that makes its neighbourhood "Chinese context" for punctuation rules. */
export const isChineseContext = (ch: string | undefined): boolean => isHan(ch) || isCjkPunct(ch);
