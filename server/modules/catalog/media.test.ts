import { describe, expect, it } from 'vitest';
import { detectImageKind, isMediaFileName } from './media.js';

describe('image type by magic bytes', () => {
  it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect(detectImageKind(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0]))).toBe('jpg');
    expect(detectImageKind(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(detectImageKind(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('webp');
    expect(detectImageKind(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(detectImageKind(Buffer.from('GIF89a'))).toBeNull();
    expect(detectImageKind(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageKind(new Uint8Array())).toBeNull();
  });

  it('accepts only the names it makes itself', () => {
    expect(isMediaFileName('0123456789abcdef0123456789abcdef.webp')).toBe(true);
    for (const bad of ['../x.jpg', '0123456789abcdef0123456789abcdef.jpg/..', 'a.jpg', '0123456789ABCDEF0123456789ABCDEF.jpg', '']) {
      expect(isMediaFileName(bad)).toBe(false);
    }
  });
});
