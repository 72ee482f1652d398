import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalLine, contentHash, fileHash, sha256Hex } from '../../src/store/canonical.js';
import { makeLabel } from '../helpers/labels.js';

describe('canonical JSON', () => {
  it('sorts keys at every level, indents by two spaces and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } })).toBe(
      '{\n  "a": {\n    "c": "x",\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  ' +
        '"b": 1\n}\n',
    );
    expect(canonicalLine({ b: 1, a: 'é' })).toBe('{"a":"é","b":1}');
  });

  it('gives the same bytes whatever the key order or absent fields, and shortest numbers', () => {
    expect(canonicalJson({ x: 0.1 + 0.2, y: undefined, w: 1e21 })).toBe(
      canonicalJson({ w: 1e21, x: 0.30000000000000004 }),
    );
    expect(canonicalJson({ n: 38.0 })).toBe('{\n  "n": 38\n}\n');
  });
});

describe('content hash', () => {
  it('ignores sign-offs but covers everything else; the file hash covers sign-offs too', () => {
    const label = makeLabel();
    const signed = {
      ...label,
      signoffs: [
        {
          reviewer: 'dr-a',
          role: 'physician',
          decision: 'approve',
          time: '2026-01-01T00:00:00.000Z',
          contentHash: contentHash(label),
          signature: 'x',
        },
      ],
    } as typeof label;
    expect(contentHash(signed)).toBe(contentHash(label));
    expect(fileHash(signed)).not.toBe(fileHash(label));
    expect(contentHash({ ...label, note: label.note + ' ' })).not.toBe(contentHash(label));
    // Reference: sha256 of the canonical bytes, as `sha256sum` prints for the file without sign-offs.
    const { signoffs: _s, ...rest } = label;
    expect(contentHash(label)).toBe('sha256:' + sha256Hex(canonicalJson(rest)));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // FIPS 180-2 test vector
  });
});
