import fs from 'node:fs';
import { join } from 'node:path';
import { LooseObjects } from './object-io.js';
import type { Repo } from './repo.js';

/**
 * The file system isomorphic-git sees during one bulk read (a walk over 100,000 blobs). For every
 * object it first tries the loose file, then lists objects/pack; on a packed repository that is a
 * failed open and a folder listing per object, more than half the time of a full read. Here a loose
 * object the operation's listing does not hold is answered "missing" without a system call (null,
 * which isomorphic-git reads as not found), and objects/pack is listed once. Everything else goes to
 * node:fs. Made per operation: objects written by someone else meanwhile are not seen.
 */
export function bulkReadFs(repo: Repo, loose: LooseObjects): typeof fs {
  const objects = join(repo.gitdir, 'objects') + '/';
  const packFolder = join(repo.gitdir, 'objects', 'pack');
  let packs: Promise<string[]> | undefined;
  const promises = {
    ...fs.promises,
    readFile: (async (path: fs.PathLike, options?: unknown) => {
      if (typeof path === 'string' && path.startsWith(objects)) {
        const rest = path.slice(objects.length);
        if (rest.length === 41 && rest[2] === '/' && !loose.has(rest.slice(0, 2) + rest.slice(3))) return null;
      }
      return fs.promises.readFile(path, options as never);
    }) as typeof fs.promises.readFile,
    readdir: (async (path: fs.PathLike, options?: unknown) => {
      if (path === packFolder && options === undefined) return (packs ??= fs.promises.readdir(packFolder));
      return fs.promises.readdir(path, options as never);
    }) as typeof fs.promises.readdir,
  };
  return { ...fs, promises } as typeof fs;
}

/** What one bulk operation reads through: its loose-object listing and the file system built on it. */
export interface ReadSession {
  loose: LooseObjects;
  fs: typeof fs;
}

export function readSession(repo: Repo): ReadSession {
  const loose = new LooseObjects(repo.gitdir);
  return { loose, fs: bulkReadFs(repo, loose) };
}
