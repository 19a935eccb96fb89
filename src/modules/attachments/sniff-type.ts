/**
 * What a file is, from its first bytes (magic numbers), never from its name or the type the
 * sender claimed. Shared by the service hall's uploads and email intake.
 */
export const SNIFFABLE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type SniffedType = (typeof SNIFFABLE_TYPES)[number];

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type the bytes are, or null when they are none of the types we accept. */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

const BY_EXTENSION: Record<string, SniffedType> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** The type a file name claims by its extension; null when it names none of ours (or none at all). */
export function typeFromName(name: string): SniffedType | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? (BY_EXTENSION[m[1]!.toLowerCase()] ?? null) : null;
}

/** Normalises a declared MIME type (parameters dropped, image/jpg → image/jpeg). */
export function normaliseDeclaredType(contentType: string | undefined | null): string | null {
  if (!contentType) return null;
  const t = contentType.split(';')[0]!.trim().toLowerCase();
  if (t === 'image/jpg' || t === 'image/pjpeg') return 'image/jpeg';
  return t || null;
}

export type TypeCheck =
  | { ok: true; type: SniffedType }
  | { ok: false; reason: 'not_allowed' | 'mismatch'; sniffed: SniffedType | null; claimed: string[] };

/**
 * Accepts a file only when its bytes are an allowed type and nothing the sender said
 * (declared MIME type other than octet-stream, file-name extension) contradicts them.
 */
export function checkFileType(bytes: Uint8Array, name: string, declaredType?: string | null): TypeCheck {
  const sniffed = sniffType(bytes);
  const declared = normaliseDeclaredType(declaredType);
  const claimed = [
    ...(declared && declared !== 'application/octet-stream' ? [declared] : []),
    ...(typeFromName(name) ? [typeFromName(name)!] : []),
  ];
  if (!sniffed) return { ok: false, reason: claimed.length ? 'mismatch' : 'not_allowed', sniffed, claimed };
  if (claimed.some((c) => c !== sniffed)) return { ok: false, reason: 'mismatch', sniffed, claimed };
  return { ok: true, type: sniffed };
}
