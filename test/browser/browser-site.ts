import type { Site } from '../../src/types.js';
import { fixtureSite } from '../render/site-fixture.js';

/** The site the browser tests open. */
export async function browserSite(): Promise<Site> {
  return fixtureSite({ pageSize: 20 });
}
