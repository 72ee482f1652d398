import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { inputError } from '../errors/index.js';

/**
 * mkdir -p that always ends. Node 20's `mkdir(path, { recursive: true })` never returns when a parent
 * exists but refuses new entries with ENOENT (any path under /proc): it creates the parent again,
 * gets EEXIST, tries the child again, and spins at full CPU. Here each missing folder is made once,
 * from the nearest existing one down, and the first refusal is an input error naming the folder.
 */
export async function makeFolders(path: string, options: { mode?: number } = {}): Promise<void> {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw cannotCreate(path, current, error);
    });
    if (info) {
      if (!info.isDirectory())
        throw inputError('NOT_A_FOLDER', `${path}: ${current} is not a folder (ENOTDIR)`, { file: path });
      break;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder, { mode: options.mode }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw cannotCreate(path, folder, error);
    });
  }
}

/**
 * makeFolders for synchronous writers (src/store/atomic.ts writes synchronously; its
 * mkdirSync({ recursive: true }) spins the same way under /proc: `audit --out /proc/nope/r`).
 */
export function makeFoldersSync(path: string, options: { mode?: number } = {}): void {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    let isFolder: boolean | undefined;
    try {
      isFolder = statSync(current).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw cannotCreate(path, current, error as NodeJS.ErrnoException);
    }
    if (isFolder === false)
      throw inputError('NOT_A_FOLDER', `${path}: ${current} is not a folder (ENOTDIR)`, { file: path });
    if (isFolder) break;
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode: options.mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw cannotCreate(path, folder, error as NodeJS.ErrnoException);
    }
  }
}

function cannotCreate(path: string, folder: string, error: NodeJS.ErrnoException) {
  return inputError(
    'FOLDER_NOT_CREATABLE',
    `${path}: cannot create folder ${folder} (${error.code ?? error.message})`,
    { file: path },
  );
}
