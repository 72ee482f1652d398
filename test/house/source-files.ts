import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../helpers/shared.js';

const CODE = /\.(ts|js|mjs|cjs)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'fixtures', 'out']);

/** Every code file under the given folders of the repository (paths relative to it, sorted). */
export function codeFiles(folders: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (CODE.test(entry.name)) found.push(relative(REPO_ROOT, path));
    }
  };
  for (const folder of folders) walk(join(REPO_ROOT, folder));
  return found.sort();
}

/** The file's lines as text, without their line ends. */
export function linesOf(file: string): string[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split(/\r?\n/);
}
