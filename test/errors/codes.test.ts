import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors/codes.js';
import { REPO_ROOT } from '../helpers/shared.js';

// The union in src/errors/codes.ts is the list users and `--json` readers rely on; a code listed there
// that nothing raises any more is a promise the tool no longer keeps. The type system checks the other
// direction (every code raised is in the union).

const SRC = join(REPO_ROOT, 'src');
const CODES_FILE = join(SRC, 'errors', 'codes.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Where `code` is used as a value that can be raised: a quoted literal that is not a comparison
 * (`=== 'X'`, `!== 'X'`, `isGitStoreError(e, 'X')`) nor a member of a type union (`| 'X'`).
 */
function raisingUses(code: string, files: { file: string; text: string }[]): string[] {
  const uses: string[] = [];
  const literal = new RegExp(`(['"\`])${code}\\1`, 'g');
  for (const { file, text } of files) {
    for (const m of text.matchAll(literal)) {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      const before = text.slice(lineStart, m.index);
      if (/(===|!==|\|)\s*$/.test(before) || /isGitStoreError\([^,()]*,\s*$/.test(before)) continue;
      uses.push(`${relative(REPO_ROOT, file)}:${text.slice(0, m.index).split('\n').length}`);
    }
  }
  return uses;
}

describe('error codes: one typed union, none stale', () => {
  const files = sourceFiles(SRC)
    .filter((file) => file !== CODES_FILE)
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('lists each code once, in UPPER_SNAKE', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES.filter((c) => !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(c))).toEqual([]);
    expect(ERROR_CODES.length).toBeGreaterThan(100);
  });

  it('every code in the union is raised somewhere in src/', () => {
    expect(ERROR_CODES.filter((code) => raisingUses(code, files).length === 0)).toEqual([]);
  });

  it('the scan does not count comparisons or type unions as raising', () => {
    const file = join(SRC, 'x.ts');
    const sample = [
      "if (error.code === 'NO_SUCH') return;",
      "if (isGitStoreError(error, 'NO_SUCH')) return;",
      "type T = | 'NO_SUCH';",
      "throw inputError('RAISED', 'm');",
      "fail('RAISED_TOO', 'why');",
    ].join('\n');
    expect(raisingUses('NO_SUCH', [{ file, text: sample }])).toEqual([]);
    expect(raisingUses('RAISED', [{ file, text: sample }])).toHaveLength(1);
    expect(raisingUses('RAISED_TOO', [{ file, text: sample }])).toHaveLength(1);
  });
});
