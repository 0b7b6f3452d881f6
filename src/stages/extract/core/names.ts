// Recognising personal names without a dictionary of people: Chinese given names are free,
// but surnames come from a short list, and bylines are runs of 2-4 character names.

import { jieba } from '../../../text/segmenter.js';
import { charLength } from '../../../text/chars.js';

/** The ~200 most common single-character surnames (simplified), covering the vast majority of people. */
const SINGLE = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
]);

const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '端木',
  '申屠',
];

/** Dictionary tags of a person's name (nr, nrfg, nrt) or of a word the dictionary does not know (x). */
const NAME_TAGS = new Set(['nr', 'nrfg', 'nrt', 'x']);

/**
 * A common word that starts with a surname (时间, 相关, 文化): the dictionary knows it as one word of
 * another kind. Names it has never seen it leaves unknown, or splits.
 */
function isCommonWord(token: string): boolean {
  const tags = jieba().tag(token, true);
  return tags.length === 1 && !NAME_TAGS.has(tags[0]!.tag);
}

/** A token that looks like a Chinese personal name: a common surname plus one to two characters, not a common word. */
export function isPersonName(token: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(token)) return false;
  const compound = COMPOUND.some((s) => token.startsWith(s));
  const len = charLength(token);
  const shaped = compound ? len >= 3 : SINGLE.has(token[0]!) && len <= 3;
  return shaped && !isCommonWord(token);
}

/** Every token of a whitespace/、-separated list is a person name: a byline such as `黄颢 朱大智`. */
export function namesOnly(s: string): string[] | null {
  const tokens = s.split(/[\s、，,]+/u).filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 8) return null;
  return tokens.every(isPersonName) ? tokens : null;
}
