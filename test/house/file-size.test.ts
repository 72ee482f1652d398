import { describe, expect, it } from 'vitest';
import { codeFiles, linesOf } from './source-files.js';

// The house rule (CONTRIBUTING): small files, none in src/ over 300 lines; split by concept past that.
const MAX_LINES = 300;

describe('file size', () => {
  it(`no file in src/ is over ${MAX_LINES} lines`, () => {
    const files = codeFiles(['src']);
    expect(files.length).toBeGreaterThan(0);
    const oversized = files.flatMap((file) => {
      const count = linesOf(file).length;
      return count > MAX_LINES ? [`${file}:${MAX_LINES + 1} (${count} lines)`] : [];
    });
    expect(oversized).toEqual([]);
  });
});
