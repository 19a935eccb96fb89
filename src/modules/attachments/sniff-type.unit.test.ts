import { describe, expect, it } from 'vitest';
import { checkFileType, sniffType, typeFromName } from './sniff-type.js';

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const GIF = bytes('GIF89a', [1, 0, 1, 0]);
const WEBP = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ');
const PDF = bytes('%PDF-1.7\n');

describe('sniffType', () => {
  it('recognises each accepted type by its magic bytes', () => {
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(GIF)).toBe('image/gif');
    expect(sniffType(WEBP)).toBe('image/webp');
    expect(sniffType(PDF)).toBe('application/pdf');
  });
  it('refuses anything else, including truncated signatures and RIFF that is not WebP', () => {
    expect(sniffType(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffType(bytes('MZ', [0x90, 0]))).toBeNull();
    expect(sniffType(bytes([0x89, 0x50, 0x4e]))).toBeNull();
    expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });
});

describe('checkFileType', () => {
  it('accepts bytes that match the name and the declared type', () => {
    expect(checkFileType(PNG, 'photo.PNG', 'image/png')).toEqual({ ok: true, type: 'image/png' });
    expect(checkFileType(JPEG, 'scan.jpg', 'image/jpg')).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkFileType(PDF, 'invoice', 'application/octet-stream')).toEqual({ ok: true, type: 'application/pdf' });
  });
  it('calls it a mismatch when the name or declared type says something else', () => {
    expect(checkFileType(PDF, 'photo.png', 'application/octet-stream')).toMatchObject({ ok: false, reason: 'mismatch', sniffed: 'application/pdf' });
    expect(checkFileType(PNG, 'photo.png', 'application/pdf')).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(checkFileType(bytes('MZ executable'), 'photo.jpg', 'image/jpeg')).toMatchObject({ ok: false, reason: 'mismatch', sniffed: null });
  });
  it('refuses content of no accepted type even when nothing is claimed', () => {
    expect(checkFileType(bytes('plain text'), 'notes', null)).toMatchObject({ ok: false, reason: 'not_allowed' });
  });
  it('reads extensions case-insensitively and ignores unknown ones', () => {
    expect(typeFromName('A.JPEG')).toBe('image/jpeg');
    expect(typeFromName('a.txt')).toBeNull();
    expect(typeFromName('noext')).toBeNull();
  });
});
