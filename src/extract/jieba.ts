import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let instance: Jieba | undefined;

/** The shared segmenter, loaded on first use (loading the dictionary takes ~0.2 s). */
export function jieba(): Jieba {
  instance ??= Jieba.withDict(dict);
  return instance;
}
