import git from 'isomorphic-git';
import { GitStoreError, isoGitCode } from './errors.js';
import { checkRefName } from './names.js';
import { resolveCommit } from './refs.js';
import { type Repo, gitArgs } from './repo.js';
import { pendingLabelChanges } from './status.js';

/** The branch HEAD points at, or undefined when HEAD is detached. */
export async function currentBranch(repo: Repo): Promise<string | undefined> {
  return (await git.currentBranch({ ...gitArgs(repo), fullname: false })) ?? undefined;
}

/** Local branch names, sorted. */
export async function listBranches(repo: Repo): Promise<string[]> {
  return (await git.listBranches({ ...gitArgs(repo) })).sort();
}

export interface CreateBranchOptions {
  name: string;
  /** Where the branch starts (default HEAD). */
  from?: string;
  /** Switch to it as well (refused with DIRTY_TREE when labels have uncommitted changes and it moves HEAD). */
  checkout?: boolean;
}

/** Create a branch (BRANCH_EXISTS if there is one by that name); returns the commit it points at. */
export async function createBranch(repo: Repo, { name, from = 'HEAD', checkout = false }: CreateBranchOptions): Promise<string> {
  checkRefName(name, 'branch');
  const oid = await resolveCommit(repo, from);
  if (await branchExists(repo, name)) throw new GitStoreError('BRANCH_EXISTS', `branch ${name} already exists`, { name });
  const headOid = await git.resolveRef({ ...gitArgs(repo), ref: 'HEAD' }).catch(() => undefined);
  const sameAsHead = headOid === oid;
  if (checkout && !sameAsHead) await refuseDirtyLabels(repo, name);
  await git.branch({ ...gitArgs(repo), ref: name, object: oid, checkout: checkout && sameAsHead });
  if (checkout && !sameAsHead) await switchTo(repo, name);
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

async function switchTo(repo: Repo, name: string): Promise<void> {
  try {
    await git.checkout({ ...gitArgs(repo), ref: name });
  } catch (error) {
    if (isoGitCode(error) === 'CheckoutConflictError') {
      const paths = (error as { data?: { filepaths?: string[] } }).data?.filepaths ?? [];
      throw new GitStoreError('DIRTY_TREE', `local changes would be overwritten by checking out ${name}`, { branch: name, paths });
    }
    throw error;
  }
}

async function refuseDirtyLabels(repo: Repo, name: string): Promise<void> {
  const pending = await pendingLabelChanges(repo);
  if (pending.length > 0) {
    throw new GitStoreError('DIRTY_TREE', `${pending.length} label file(s) have uncommitted changes; commit them before switching to ${name}`, {
      branch: name,
      paths: pending.map((change) => change.path),
    });
  }
}

async function branchExists(repo: Repo, name: string): Promise<boolean> {
  try {
    await git.resolveRef({ ...gitArgs(repo), ref: `refs/heads/${name}` });
    return true;
  } catch (error) {
    if (isoGitCode(error) === 'NotFoundError') return false;
    throw error;
  }
}
