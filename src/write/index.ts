import type { Page, WriteReport } from '../types.js';

/** write: pages -> outDir, atomically, touching only what changed. */
export async function writeSite(pages: Page[], outDir: string): Promise<WriteReport> {
  void pages; void outDir;
  throw new Error('write: not implemented');
}
