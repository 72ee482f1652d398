// The git modules themselves, not src/git's index: a diff is a short command, and the index loads
// every git module (commits, locks, branches…) at start-up.
import { changedPathsWithTexts } from '../git/changed-paths.js';
import { WORKTREE } from '../git/refs.js';
import { openRepo } from '../git/repo.js';
import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { parseLabelText } from '../store/read.js';
import { type LabelDiff, diffLabel } from './label-diff.js';
import { type DiffSummary, summarizeDiffs } from './summarize.js';

export interface VersionDiff {
  from: string;
  to: string;
  labels: LabelDiff[];
  summary: DiffSummary;
}

/**
 * The semantic changes to labels between two versions (tags, branches, commits, HEAD; `to` defaults to
 * the working tree). Only files git reports as changed are read, in the same tree walk.
 */
export async function diffVersions(options: { dir: string; from: string; to?: string }): Promise<VersionDiff> {
  const repo = await openRepo({ dir: options.dir });
  const to = options.to ?? WORKTREE;
  const labels: LabelDiff[] = [];
  // Each change is parsed and compared as its texts arrive, and then let go (see changedPathsWithTexts).
  for await (const c of changedPathsWithTexts(repo, { from: options.from, to, prefix: 'labels' }))
    labels.push(diffLabel(c.path, parse(c.path, c.oldText, options.from), parse(c.path, c.newText, to)));
  labels.sort((a, b) => byId(a.id, b.id));
  return { from: options.from, to, labels, summary: summarizeDiffs(labels) };
}

// The order of String.prototype.localeCompare() with no locale (the default locale's collator), from one
// collator made once: localeCompare looks its collator up on every call, a tenth of a 1,000-label diff.
const byId = new Intl.Collator().compare;

function parse(path: string, text: string | undefined, ref: string): Label | null {
  if (text === undefined) return null;
  const file = parseLabelText(path, text);
  if (file.parseError)
    throw inputError('LABEL_BROKEN_JSON', `${path} at ${ref}: ${file.parseError.message}`, { file: path, ref });
  return file.json as Label;
}
