import { createHash } from 'node:crypto';

/** sha256 hex of text or bytes: how inputs, outputs, code and config are identified across builds. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
