import { describe, expect, it } from 'vitest';
import { batches } from '../../src/store/batches.js';

describe('batches', () => {
  it('joins lines into pieces of at least the given size, keeping every character in order', () => {
    const lines = Array.from({ length: 10 }, (_, k) => `line ${k}\n`);
    const pieces = [...batches(lines, 20)];
    expect(pieces.join('')).toBe(lines.join(''));
    expect(pieces).toEqual([
      'line 0\nline 1\nline 2\n',
      'line 3\nline 4\nline 5\n',
      'line 6\nline 7\nline 8\n',
      'line 9\n',
    ]);
  });

  it('gives nothing for no lines', () => {
    expect([...batches([])]).toEqual([]);
  });
});
