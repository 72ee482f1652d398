import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

// Shared pieces (label index, committer, answer kinds, validity, time, the CSV format, semver and the
// release-tag rule) live in src/core/; a feature room that reached into another for them would put
// that piece back in two homes. This reads every import of src/ and names each one that does.

const SRC = join(REPO_ROOT, 'src');

/** A room is the first folder under src/ ("" for src/index.ts). */
function roomOf(absolute: string): string {
  const parts = relative(SRC, absolute).split(/[\\/]/);
  return parts.length > 1 ? parts[0] : '';
}

/** Every relative import, re-export and dynamic import in one source text, resolved to its room. */
function importedRooms(file: string, text: string): { line: number; room: string; spec: string }[] {
  const found: { line: number; room: string; spec: string }[] = [];
  const pattern = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;
  for (const m of text.matchAll(pattern)) {
    const line = text.slice(0, m.index).split('\n').length;
    found.push({ line, room: roomOf(resolve(dirname(file), m[2])), spec: m[2] });
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Which rooms may not import which: the rule of issue 12, plus core/ staying below the features. */
const FORBIDDEN: { from: string[]; to: string; why: string }[] = [
  { from: ['review', 'review-app'], to: 'propose', why: 'shared pieces come from core/' },
  {
    from: ['exporters', 'release', 'score', 'review', 'review-app', 'propose', 'core'],
    to: 'importers',
    why: 'the CSV format and MedCalc columns come from core/',
  },
  ...['propose', 'importers', 'review', 'review-app', 'release', 'exporters', 'score', 'check', 'cli'].map((to) => ({
    from: ['core'],
    to,
    why: 'core/ is shared by the feature rooms and imports none of them',
  })),
];

function violations(files: { file: string; text: string }[]): string[] {
  const out: string[] = [];
  for (const { file, text } of files) {
    const from = roomOf(file);
    for (const imp of importedRooms(file, text)) {
      for (const rule of FORBIDDEN) {
        if (rule.from.includes(from) && imp.room === rule.to) {
          const where = `${relative(REPO_ROOT, file)}:${imp.line}`;
          out.push(`${where} imports ${imp.spec} (${from}/ → ${rule.to}/: ${rule.why})`);
        }
      }
    }
  }
  return out;
}

describe('rooms: shared code has one home', () => {
  it('no feature room imports another for a shared piece', () => {
    const files = sourceFiles(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    expect(violations(files)).toEqual([]);
  });

  it('the scan sees static, type-only, re-exported and dynamic imports', () => {
    const file = join(SRC, 'review', 'x.ts');
    const text = [
      "import { a } from '../propose/a.js';",
      "import type { B } from '../importers/csv.js';",
      "export { c } from '../propose/c.js';",
      "const { d } = await import('../importers/d.js');",
      "import '../propose/side-effect.js';",
      "import { e } from '../core/e.js';",
    ].join('\n');
    expect(violations([{ file, text }])).toHaveLength(5);
    expect(importedRooms(join(SRC, 'cli', 'commands', 'x.ts'), "await import('../../importers/a.js')")[0].room).toBe(
      'importers',
    );
  });
});
