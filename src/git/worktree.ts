import { lstat, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { forEachLimited } from './limit.js';
import type { Repo } from './repo.js';

export type FileText = [path: string, text: string];

/**
 * The files under `prefix` on disk. Names starting with a dot are skipped: they are editors' and
 * atomic writes' temporary files, never labels.
 */
export async function readWorktreeFiles(repo: Repo, prefix: string): Promise<FileText[]> {
  const paths = await listWorktreeFiles(repo.dir, prefix);
  const out: FileText[] = new Array(paths.length);
  await forEachLimited(paths, 64, async (path, i) => {
    out[i] = [path, await readFile(join(repo.dir, path), 'utf8')];
  });
  return out;
}

/** Repository paths of the files under `prefix` on disk, sorted as git sorts them. */
export async function listWorktreeFiles(dir: string, prefix: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string): Promise<void> => {
    const entries = await readdir(rel === '.' ? dir : join(dir, rel), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
      throw error;
    });
    const names = entries.filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.isFile()));
    names.sort((a, b) => compareTreeNames(a.name, a.isDirectory(), b.name, b.isDirectory()));
    for (const entry of names) {
      const path = rel === '.' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await visit(path);
      else out.push(path);
    }
  };
  if (prefix === '.') await visit('.');
  else {
    const info = await lstat(join(dir, prefix)).catch(() => undefined);
    if (info?.isDirectory()) await visit(prefix);
    else if (info?.isFile()) out.push(prefix);
  }
  return out;
}

/** git orders a folder as if its name ended in '/'. */
function compareTreeNames(a: string, aDir: boolean, b: string, bDir: boolean): number {
  const x = aDir ? a + '/' : a;
  const y = bDir ? b + '/' : b;
  return x < y ? -1 : x > y ? 1 : 0;
}
