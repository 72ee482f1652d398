import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface FileWrite {
  /** Absolute path. */
  path: string;
  /** New content, or null to delete the file. */
  content: string | null;
}

/**
 * Writes several files all-or-nothing: every new content goes to a temp file beside its target first;
 * only when all temps exist are they renamed into place (rename is atomic on one file system). If a
 * rename fails midway, the files already replaced are put back from their previous content.
 */
export async function writeFilesAtomically(writes: FileWrite[]): Promise<void> {
  const token = randomBytes(6).toString('hex');
  const staged: { path: string; temp: string | null; previous: string | null }[] = [];
  try {
    // Staged in parallel batches: a 100,000-label write is I/O bound, not CPU bound.
    const batch = 128;
    for (let start = 0; start < writes.length; start += batch) {
      const part = await Promise.all(
        writes.slice(start, start + batch).map(async (w) => {
          const previous = await readFile(w.path, 'utf8').catch(() => null);
          let temp: string | null = null;
          if (w.content !== null) {
            await mkdir(dirname(w.path), { recursive: true });
            temp = `${w.path}.steward-tmp-${token}`;
            staged.push({ path: w.path, temp, previous });
            await writeFile(temp, w.content, 'utf8');
            return null;
          }
          return { path: w.path, temp, previous };
        }),
      );
      for (const s of part) if (s) staged.push(s);
    }
  } catch (error) {
    await Promise.all(staged.map((s) => (s.temp ? rm(s.temp, { force: true }) : undefined)));
    throw error;
  }
  const done: typeof staged = [];
  try {
    for (const s of staged) {
      if (s.temp) await rename(s.temp, s.path);
      else await rm(s.path, { force: true });
      done.push(s);
    }
  } catch (error) {
    for (const s of done.reverse()) {
      if (s.previous === null) await rm(s.path, { force: true });
      else await writeFile(s.path, s.previous, 'utf8');
    }
    await Promise.all(staged.map((s) => (s.temp ? rm(s.temp, { force: true }) : undefined)));
    throw error;
  }
}

/** One file, atomically (temp file + rename). */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  await writeFilesAtomically([{ path, content }]);
}
