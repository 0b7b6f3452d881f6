import type { Site } from '../../src/model/index.js';
import { sampleSite } from '../stages/render/sample-site.js';

/** The site the browser tests open: the five real samples from content/, through every stage, in both scripts. */
export async function browserSite(): Promise<Site> {
  return sampleSite({ traditional: { enabled: true, variant: 'tw', dir: 'zh-hant' } });
}
