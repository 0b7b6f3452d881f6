// Development-zone names (高新区, 经开区, 新区 …): how a text names a zone and the forms one zone is written in.
import { charLength } from './chars.js';
import { compareCodeUnits } from './compare.js';
import { jieba } from './segmenter.js';

/** Zone suffixes, long forms first, each with the short form used as the canonical name. */
const SUFFIXES: readonly [string, string][] = [
  ['高新技术产业开发区', '高新区'],
  ['经济技术开发区', '经开区'],
  ['自由贸易试验区', '自贸区'],
  ['综合保税区', '综保区'],
  ['科学园区', '科学园区'],
  ['工业园区', '工业园区'],
  ['高新区', '高新区'],
  ['经开区', '经开区'],
  ['自贸区', '自贸区'],
  ['综保区', '综保区'],
  ['产业园', '产业园'],
  ['新区', '新区'],
];
const ZONE = new RegExp(`(\\p{Script=Han}{2,12}?)(${SUFFIXES.map(([s]) => s).join('|')})`, 'gu');
const CANONICAL = new Map(SUFFIXES);
/** Words that end up before a zone suffix without naming a place (国家高新区, 汽车产业园). */
const GENERIC = new Set([
  '国家',
  '全国',
  '国家级',
  '省级',
  '市级',
  '全省',
  '全市',
  '各地',
  '各个',
  '各类',
  '该',
  '本',
  '其他',
  // Industry words name a kind of park (汽车产业园, 科技工业园区), not which one.
  '科技',
  '汽车',
  '工业',
  '产业',
  '物流',
  '软件',
  '创新',
  '文化',
  '生态',
  '农业',
  '现代',
  '智能',
  '数字',
  '信息',
  '电子',
  '生物',
  '医药',
  '健康',
  '航空',
  '化工',
  '材料',
  '能源',
  '金融',
  '电商',
  '总部',
  '创意',
  '高科技',
]);
/** Tags that may follow the place name inside a zone name (南京|江北, 青岛|西海岸 `s` = place word). */
const NAME_PART = new Set(['ns', 's', 'n', 'nz', 'j', 'nt']);
/** Conjunctions, prepositions and particles: a noun right after one starts a new phrase. */
const AFTER_FUNCTION_WORD = new Set(['c', 'p', 'u', 'uj', 'ul', 'x']);

/**
 * The place name in front of a zone suffix, from the run of Han characters before it: from the last
 * place-name token (jieba tag `ns`) followed only by name-like nouns, or a single noun starting the
 * run or following a function word (`合肥`, `和合肥`; not `完善` in `完善高新区环状路网`). `在全国169家国家高新区` names no place, so it is not a zone.
 */
export function placePrefix(run: string): string | null {
  const tokens = jieba().tag(run, true);
  let k = tokens.length;
  while (k > 0 && NAME_PART.has(tokens[k - 1]!.tag)) k--;
  const start = tokens.slice(k).findIndex((t) => t.tag === 'ns');
  // One noun standing alone, or right after a conjunction/preposition (和合肥…, 在合肥…).
  const lone = tokens.length - k === 1 && (k === 0 || AFTER_FUNCTION_WORD.has(tokens[k - 1]!.tag));
  const chosen = start >= 0 ? tokens.slice(k + start) : lone ? tokens.slice(k) : [];
  // 中国西安高新区 is 西安高新区: the country adds nothing to a zone's name.
  const place = chosen
    .map((t) => t.word)
    .join('')
    .replace(/^中国(?=\p{Script=Han}{2})/u, '');
  const n = charLength(place);
  return n >= 2 && n <= 10 && !GENERIC.has(place) && !GENERIC.has(chosen[0]?.word ?? '') ? place : null;
}

/** Zone names in `text` with their positions, canonical form (`…经济技术开发区` -> `…经开区`). */
export function findParks(text: string): { name: string; index: number }[] {
  const found: { name: string; index: number }[] = [];
  for (const m of text.matchAll(ZONE)) {
    const place = placePrefix(m[1]!);
    if (place) found.push({ name: place + CANONICAL.get(m[2]!)!, index: m.index + m[1]!.length - place.length });
  }
  return found;
}

/**
 * The ways a text names one zone: the canonical name, its long suffix (广州经济技术开发区), and the
 * name without the leading city (江北新区 for 南京江北新区). Longest first, for one alternation.
 */
export function zoneForms(park: string): string[] {
  const short = SUFFIXES.map(([, s]) => s)
    .filter((s) => park.endsWith(s))
    .sort((a, b) => b.length - a.length)[0];
  if (!short) return [park];
  const place = [...park.slice(0, -short.length)];
  const forms = new Set([park]);
  for (const [long, canonical] of SUFFIXES) if (canonical === short) forms.add(place.join('') + long);
  if (place.length > 2) forms.add(place.slice(-2).join('') + short);
  return [...forms].sort((a, b) => b.length - a.length || compareCodeUnits(a, b));
}
