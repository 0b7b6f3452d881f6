import { Jieba } from '@node-rs/jieba';
import { jiebaFile } from './dictionaries.js';

let instance: Jieba | undefined;

/**
 * The one jieba segmenter every stage shares (normalize's rejoin, extract's zone names, corpus
 * keywords, site terms), loaded on first use: an instance loads the whole dictionary, so a thread keeps one.
 */
export function jieba(): Jieba {
  instance ??= Jieba.withDict(jiebaFile('dict.txt'));
  return instance;
}
