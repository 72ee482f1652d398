import { GitStoreError } from './errors.js';
import { runGit } from './exec.js';
import { checkRefName } from './names.js';
import { readHead, resolveCommit, updateRefChecked } from './refs.js';
import type { Repo } from './repo.js';
import { pendingLabelChanges } from './status.js';

/** The branch HEAD points at, or undefined when HEAD is detached. */
export async function currentBranch(repo: Repo): Promise<string | undefined> {
  const { ref } = await readHead(repo);
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

/** Local branch names, sorted. */
export async function listBranches(repo: Repo): Promise<string[]> {
  const out = await runGit(repo.dir, ['for-each-ref', '--format=%(refname)', 'refs/heads/']);
  return out.stdout
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((ref) => ref.slice('refs/heads/'.length))
    .sort();
}

export interface CreateBranchOptions {
  name: string;
  /** Where the branch starts (default HEAD). */
  from?: string;
  /** Switch to it as well (refused with DIRTY_TREE when labels have uncommitted changes and it moves HEAD). */
  checkout?: boolean;
}

/**
 * Create a branch (BRANCH_EXISTS if there is one by that name, even one created a moment ago by someone else); returns
 * its commit.
 */
export async function createBranch(
  repo: Repo,
  { name, from = 'HEAD', checkout = false }: CreateBranchOptions,
): Promise<string> {
  checkRefName(name, 'branch');
  const oid = await resolveCommit(repo, from);
  if (await branchExists(repo, name))
    throw new GitStoreError('BRANCH_EXISTS', `branch ${name} already exists`, { name });
  const head = await readHead(repo);
  const sameAsHead = head.oid === oid;
  if (checkout && !sameAsHead) await refuseDirtyLabels(repo, name);
  try {
    await updateRefChecked(repo, `refs/heads/${name}`, oid, null, `steward: branch ${name} from ${from}`);
  } catch (error) {
    if (error instanceof GitStoreError && error.code === 'REF_MOVED')
      throw new GitStoreError('BRANCH_EXISTS', `branch ${name} already exists`, { name });
    throw error;
  }
  if (checkout && sameAsHead)
    await runGit(repo.dir, ['symbolic-ref', '-m', `steward: switch to ${name}`, 'HEAD', `refs/heads/${name}`]);
  else if (checkout) await switchTo(repo, name);
  return oid;
}

export interface CheckoutBranchOptions {
  name: string;
}

/** Switch the working tree to a branch; refused (DIRTY_TREE) while label files have uncommitted changes. */
export async function checkoutBranch(repo: Repo, { name }: CheckoutBranchOptions): Promise<void> {
  if (!(await branchExists(repo, name))) {
    throw new GitStoreError('UNKNOWN_REF', `no branch named ${name}`, { ref: name, reason: 'no such branch' });
  }
  await refuseDirtyLabels(repo, name);
  await switchTo(repo, name);
}

/** `git checkout`: it updates the files and the index, and refuses to overwrite local changes. */
async function switchTo(repo: Repo, name: string): Promise<void> {
  const out = await runGit(repo.dir, ['checkout', '-q', '--no-guess', name, '--'], { okCodes: [1, 128] });
  if (out.code === 0) return;
  const paths = [...out.stderr.matchAll(/^\t(.+)$/gm)].map((m) => m[1]);
  if (paths.length > 0 || /would be overwritten/.test(out.stderr)) {
    throw new GitStoreError('DIRTY_TREE', `local changes would be overwritten by checking out ${name}`, {
      branch: name,
      paths,
    });
  }
  throw new GitStoreError('GIT_FAILED', `git checkout ${name} failed: ${out.stderr.trim()}`, { stderr: out.stderr });
}

async function refuseDirtyLabels(repo: Repo, name: string): Promise<void> {
  const pending = await pendingLabelChanges(repo);
  if (pending.length > 0) {
    throw new GitStoreError(
      'DIRTY_TREE',
      `${pending.length} label file(s) have uncommitted changes; commit them before switching to ${name}`,
      {
        branch: name,
        paths: pending.map((change) => change.path),
      },
    );
  }
}

async function branchExists(repo: Repo, name: string): Promise<boolean> {
  const out = await runGit(repo.dir, ['rev-parse', '-q', '--verify', `refs/heads/${name}`], { okCodes: [1] });
  return out.code === 0;
}
