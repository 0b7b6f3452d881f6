import { Jieba } from '@node-rs/jieba';
import { jiebaFile } from './dictionaries.js';

let instance: Jieba | undefined;

/**
 * The one jieba segmenter every stage shares (normalize's rejoin, extract's zone names, corpus
 * keywords, site terms), loaded on first use: each instance costs ~0.4 s and ~40 MiB of dictionary.
 */
export function jieba(): Jieba {
  instance ??= Jieba.withDict(jiebaFile('dict.txt'));
  return instance;
}
