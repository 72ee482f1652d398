import type { SignoffPolicy } from '../config/config.js';
import { loadConfigAt } from '../config/config-at-ref.js';
import { loadConfig } from '../config/config.js';
import { type Repo, readFileTextsAt } from '../git/index.js';
import { CHANGES_DIR } from './change-record.js';
import { REVIEWERS_DIR, type Reviewer, type ReviewerFileProblem, parseReviewerFile } from './reviewer.js';

/** Who may sign and under which policy, as one tree (a commit, or the working tree) has it. */
export interface TrustState {
  reviewers: Map<string, Reviewer>;
  /** Reviewer files that are not valid (left out of `reviewers`). */
  problems: ReviewerFileProblem[];
  policy: SignoffPolicy;
  /** reviewers/changes/*.json by path, as text. */
  records: Map<string, string>;
  /** Other files under reviewers/ (neither a reviewer file nor a change record), by path. */
  strays: string[];
}

/** The trust state committed at `commit`: never the working tree, whatever it holds. */
export async function trustStateAt(repo: Repo, commit: string): Promise<TrustState> {
  const [files, config] = await Promise.all([
    readFileTextsAt(repo, { ref: commit, prefix: REVIEWERS_DIR }),
    loadConfigAt(repo, commit),
  ]);
  return { ...parseTrustFiles(files), policy: config.policy };
}

/** The trust state of the working tree (the pull request's head in CI). */
export async function trustStateOnDisk(repo: Repo): Promise<TrustState> {
  const [files, config] = await Promise.all([readFileTextsAt(repo, { prefix: REVIEWERS_DIR }), loadConfig(repo.dir)]);
  return { ...parseTrustFiles(files), policy: config.policy };
}

/** Splits the files under reviewers/ into reviewer files (parsed, schema-checked), records and strays. */
export function parseTrustFiles(files: ReadonlyMap<string, string>): Omit<TrustState, 'policy'> {
  const reviewers = new Map<string, Reviewer>();
  const problems: ReviewerFileProblem[] = [];
  const records = new Map<string, string>();
  const strays: string[] = [];
  for (const [file, text] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (file.startsWith(`${CHANGES_DIR}/`) && /^[^/]+\.json$/.test(file.slice(CHANGES_DIR.length + 1))) {
      records.set(file, text);
      continue;
    }
    if (!/^reviewers\/[^/]+\.json$/.test(file)) {
      strays.push(file);
      continue;
    }
    const parsed = parseReviewerFile(file, text);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else reviewers.set(parsed.reviewer.id, parsed.reviewer);
  }
  return { reviewers, problems, records, strays };
}
