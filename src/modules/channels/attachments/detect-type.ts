/**
 * What a file is, read from its first bytes rather than its name or the sender's
 * Content-Type (both are the sender's claim). Only these types are accepted.
 */
export const ALLOWED_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AllowedType = (typeof ALLOWED_TYPES)[number];

const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function detectType(bytes: Uint8Array): AllowedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

const BY_EXTENSION: Record<string, AllowedType> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf',
};
/** Content types that name no particular format: they make no claim to contradict. */
const GENERIC = new Set(['application/octet-stream', 'binary/octet-stream', 'application/x-download', '']);

export type TypeVerdict =
  | { ok: true; type: AllowedType }
  | { ok: false; reason: 'type_not_allowed' | 'type_mismatch'; detected: AllowedType | null };

/**
 * Accepts a file only when its content is an allowed type and neither its name's extension nor
 * its declared Content-Type claims another one (a PDF named photo.png is refused: whoever opens
 * it by name would get a surprise).
 */
export function checkType(bytes: Uint8Array, fileName: string, declaredType: string): TypeVerdict {
  const detected = detectType(bytes);
  if (!detected) return { ok: false, reason: 'type_not_allowed', detected: null };
  const ext = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext] !== detected) return { ok: false, reason: 'type_mismatch', detected };
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  const declaredNorm = declared === 'image/jpg' || declared === 'image/pjpeg' ? 'image/jpeg' : declared;
  if (!GENERIC.has(declaredNorm) && declaredNorm !== detected) return { ok: false, reason: 'type_mismatch', detected };
  return { ok: true, type: detected };
}
