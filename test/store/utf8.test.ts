import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8Byte } from '../../src/store/utf8.js';
import { errorOf } from '../helpers/errors.js';

// Byte sequences from RFC 3629 §3-4 and the Unicode Standard's Table 3-7 (well-formed UTF-8 byte sequences).
describe('strict UTF-8', () => {
  const invalid: [string, number[], number][] = [
    ['a lone continuation byte', [0x41, 0x80, 0x41], 1],
    ['an overlong "/" (C0 AF)', [0x41, 0xc0, 0xaf], 1],
    ['an overlong 3-byte form (E0 80 AF)', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate (ED A0 80)', [0x41, 0x42, 0xed, 0xa0, 0x80], 2],
    ['above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5, never a lead byte', [0xf5, 0x80, 0x80, 0x80], 0],
    ['a sequence cut short by the end', [0x41, 0xe2, 0x82], 1],
    ['a sequence cut short by ASCII', [0xe2, 0x41, 0x41], 0],
    ['Latin-1 é', [0x63, 0x61, 0x66, 0xe9], 3],
    ['FF', [0xff], 0],
  ];
  for (const [what, bytes, offset] of invalid) {
    it(`refuses ${what} at byte ${offset}`, () => {
      expect(firstInvalidUtf8Byte(Uint8Array.from(bytes))).toBe(offset);
      const error = errorOf(() => decodeUtf8(Uint8Array.from(bytes), 'f.csv'));
      expect(error.code).toBe('INVALID_UTF8');
      expect(error.message).toContain(`f.csv: byte offset ${offset}: not valid UTF-8`);
      expect(error.data).toMatchObject({ file: 'f.csv', offset });
    });
  }

  it('accepts every well-formed form, the edges of each range included, and keeps a BOM', () => {
    const text = 'A é € 𐍈 \u{10ffff} \ud7ff \ue000 FiO₂';
    const bytes = new TextEncoder().encode(text);
    expect(firstInvalidUtf8Byte(bytes)).toBe(-1);
    expect(decodeUtf8(bytes, 'f')).toBe(text);
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), 'f')).toBe('\ufeffA');
    expect(decodeUtf8(new Uint8Array(), 'f')).toBe('');
  });

  it('agrees with the platform decoder on every 2-byte sequence', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0x80; a <= 0xff; a++) {
      for (let b = 0; b <= 0xff; b += 3) {
        const bytes = Uint8Array.from([a, b]);
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8Byte(bytes) === -1, `${a.toString(16)} ${b.toString(16)}`).toBe(valid);
      }
    }
  });
});
