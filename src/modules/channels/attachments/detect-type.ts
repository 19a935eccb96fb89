import { normaliseDeclaredType, sniffType, typeFromName, type SniffedType } from '../../attachments/sniff-type.js';

/** Content types that name no particular format: they make no claim to contradict. */
const GENERIC = new Set(['application/octet-stream', 'binary/octet-stream', 'application/x-download', '']);

export type TypeVerdict =
  | { ok: true; type: SniffedType }
  | { ok: false; reason: 'type_not_allowed' | 'type_mismatch'; detected: SniffedType | null };

/**
 * Accepts a file that came by email or webhook only when its content (magic bytes, the same
 * sniffer as the service hall's uploads) is an allowed type and neither its name's extension
 * nor its declared Content-Type claims another one. Stricter than the hall on names: any
 * extension other than the content's — photo.exe as much as photo.pdf — is a mismatch,
 * because whoever opens the file by its name would get a surprise.
 */
export function checkType(bytes: Uint8Array, fileName: string, declaredType: string): TypeVerdict {
  const detected = sniffType(bytes);
  if (!detected) return { ok: false, reason: 'type_not_allowed', detected: null };
  const hasExtension = /\.[a-z0-9]{1,8}$/i.test(fileName);
  if (hasExtension && typeFromName(fileName) !== detected) return { ok: false, reason: 'type_mismatch', detected };
  const declared = normaliseDeclaredType(declaredType) ?? '';
  if (!GENERIC.has(declared) && declared !== detected) return { ok: false, reason: 'type_mismatch', detected };
  return { ok: true, type: detected };
}
