import type { Config, LoadResult } from '../types.js';

/** load: bytes -> SourceFile (encoding detected, front-matter split off). Never throws for bad input. */
export async function loadSource(path: string, contentDir: string, limits: Config['limits']): Promise<LoadResult> {
  void path; void contentDir; void limits;
  throw new Error('load: not implemented');
}
