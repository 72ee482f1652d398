import { describe, expect, it } from 'vitest';
import { codeFiles, linesOf } from './source-files.js';

// The house rule (CONTRIBUTING): no line over 120 characters. Biome formats to the same width but leaves
// long strings, comments and regexes alone; this test catches those. Characters are code points, so
// "×" or "≥" count as one, as an editor shows them.
const MAX_LINE = 120;
// test/ is not held to it: test titles, expected-output regexes and fixture templates are clearer whole.
const HELD_TO_IT = ['src', 'bench', 'scripts', 'bin'];

/** "file:line (N characters)" for every line over the limit. */
function longLines(files: string[]): string[] {
  return files.flatMap((file) =>
    linesOf(file).flatMap((line, i) => {
      const length = [...line].length;
      return length > MAX_LINE ? [`${file}:${i + 1} (${length} characters)`] : [];
    }),
  );
}

describe('line length', () => {
  it.each(HELD_TO_IT)(`no line in %s/ is over ${MAX_LINE} characters`, (folder) => {
    const files = codeFiles([folder]);
    expect(files.length).toBeGreaterThan(0);
    expect(longLines(files)).toEqual([]);
  });
});
