import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

/**
 * The folders the README's map of `src/` names: the `src/` entry of "How it is organised" and its
 * indented continuation lines, with parenthesised notes and the lead-in before the colon dropped.
 */
function foldersInReadmeMap(readme: string): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => /^src\/\s/.test(l));
  if (start === -1) return [];
  let text = lines[start].replace(/^src\/\s+/, '');
  for (let k = start + 1; k < lines.length && /^\s+\S/.test(lines[k]); k++) text += ` ${lines[k].trim()}`;
  const list = text.slice(text.indexOf(':') + 1).replace(/\([^)]*\)/g, '');
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

describe("the README's map of src/", () => {
  it('lists every folder under src/, and only those', () => {
    const folders = readdirSync(join(REPO_ROOT, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const listed = foldersInReadmeMap(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));
    expect([...listed].sort()).toEqual(folders);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('reads the map as the README writes it', () => {
    const sample = [
      'labels/   one file per item',
      'src/      one folder per capability: audit, calculators (55, one file each), check,',
      '          git (over plumbing), review-app (docs/architecture.md draws them)',
      'docs/     architecture',
    ].join('\n');
    expect(foldersInReadmeMap(sample)).toEqual(['audit', 'calculators', 'check', 'git', 'review-app']);
  });
});
