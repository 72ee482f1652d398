import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors/index.js';
import { type Repo, readFileTextsAt, WORKTREE } from '../git/index.js';
import type { Label } from '../label/types.js';
import { parseLabelText } from '../store/read.js';

/** The repository path of a label id in the working tree, or undefined. */
export async function worktreeLabelPath(dir: string, id: string): Promise<string | undefined> {
  const entries = (await readdir(join(dir, 'labels'), { recursive: true }).catch(() => [])) as string[];
  const hit = entries.find((e) => e.split(/[\\/]/).pop() === `${id}.json`);
  return hit ? `labels/${hit.split(/[\\/]/).join('/')}` : undefined;
}

/** One label as it is at a ref (working tree when ref is undefined); UNKNOWN_LABEL when absent there. */
export async function readLabelAt(repo: Repo, id: string, ref?: string): Promise<{ path: string; label: Label }> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(id)) throw inputError('BAD_LABEL_ID', `"${id}" is not a label id`, { id });
  const files = await readFileTextsAt(repo, { ref: ref ?? WORKTREE });
  for (const [path, text] of files) {
    if (path.endsWith(`/${id}.json`)) {
      const parsed = parseLabelText(path, text);
      if (parsed.parseError)
        throw inputError('LABEL_BROKEN_JSON', `${path}: ${parsed.parseError.message}`, { file: path });
      return { path, label: parsed.json as Label };
    }
  }
  throw inputError('UNKNOWN_LABEL', `no label "${id}" at ${ref ?? 'the working tree'}`, { id, ref: ref ?? WORKTREE });
}
