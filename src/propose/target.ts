import { inputError } from '../errors/index.js';
import {
  type Repo,
  checkoutBranch,
  createBranch,
  currentBranch,
  listBranches,
  pendingLabelChanges,
  readFileTextsAt,
} from '../git/index.js';
import type { Label } from '../label/types.js';
import { parseLabelText, readAllLabels } from '../store/read.js';
import type { LabelEntry } from '../core/label-index.js';

export interface ProposalTarget {
  /** The labels the proposals apply to: the branch's committed labels, or the working tree's. */
  entries: LabelEntry[];
  /** Switches to the target branch (creating it when new); returns the branch commits will land on. */
  enter(): Promise<string>;
  /** Refuses (DIRTY_TREE) when any of these label files has uncommitted edits that a commit would sweep in. */
  refuseDirty(paths: string[]): Promise<void>;
}

/**
 * Where proposals go. Without `branch`, the current branch and the working tree. With a branch that
 * exists and is not checked out, its committed labels (so a proposal is validated against what it will
 * change, before anything is switched); with a new branch, the working tree it will start from.
 * Nothing moves until `enter()`, so bad input changes nothing, not even a branch.
 */
export async function openTarget(repo: Repo, dir: string, branch?: string): Promise<ProposalTarget> {
  const current = await currentBranch(repo);
  const switching = branch !== undefined && branch !== current;
  const exists = switching && (await listBranches(repo)).includes(branch);
  const entries = exists ? await labelEntriesAtRef(repo, branch!) : await readAllLabels(dir);
  return {
    entries,
    enter: async () => {
      if (!switching) return current ?? 'HEAD';
      if (exists) await checkoutBranch(repo, { name: branch! });
      else await createBranch(repo, { name: branch!, checkout: true });
      return branch!;
    },
    refuseDirty: async (paths) => {
      if (exists) return; // checking the branch out refuses a dirty tree itself
      const wanted = new Set(paths);
      const dirty = (await pendingLabelChanges(repo)).filter((p) => wanted.has(p.path)).map((p) => p.path);
      if (dirty.length > 0) {
        throw inputError(
          'DIRTY_TREE',
          `${dirty.length} label file(s) to be proposed on have uncommitted edits ` +
            `(${dirty.slice(0, 3).join(', ')}${dirty.length > 3 ? ', …' : ''}); commit or discard them first`,
          {
            paths: dirty,
          },
        );
      }
    },
  };
}

async function labelEntriesAtRef(repo: Repo, ref: string): Promise<LabelEntry[]> {
  const files = await readFileTextsAt(repo, { ref });
  const out: LabelEntry[] = [];
  for (const [file, text] of files) {
    if (!file.endsWith('.json')) continue;
    const parsed = parseLabelText(file, text);
    if (parsed.parseError)
      throw inputError('LABEL_BROKEN_JSON', `${file} at ${ref}: ${parsed.parseError.message}`, { file, ref });
    out.push({ file, label: parsed.json as Label });
  }
  return out;
}
