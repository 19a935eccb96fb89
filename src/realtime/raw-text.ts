import type { RawData } from 'ws';

/** A WebSocket frame's bytes as UTF-8 text, whichever of its three shapes `ws` hands over. */
export function rawText(raw: RawData): string {
  if (Buffer.isBuffer(raw)) return raw.toString('utf8');
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.from(raw).toString('utf8');
}
