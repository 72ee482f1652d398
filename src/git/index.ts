/** The git store: the only room that talks to git (its own plumbing, see exec.ts). */
export { GitStoreError, isGitStoreError, type GitStoreErrorCode } from './errors.js';
export { openRepo, initRepo, type Repo, type OpenRepoOptions, type InitRepoOptions } from './repo.js';
export { resolveRef, resolveCommit, WORKTREE, type ResolvedRef } from './refs.js';
export {
  streamLabelsAt,
  readFileTextsAt,
  listBlobsAt,
  blobsAt,
  readBlobs,
  type StreamLabelsOptions,
  type LabelFile,
} from './stream-labels.js';
export type { BlobRef, TreeEntry } from './stream-labels.js';
export {
  changedPaths,
  changedPathsWithTexts,
  type Change,
  type ChangedPath,
  type ChangedPathsOptions,
} from './changed-paths.js';
export { commitFiles, type CommitFilesOptions } from './commit.js';
export type { Identity } from './identity.js';
export { pendingLabelChanges, isClean, type PendingChange, type PendingOptions, type CleanOptions } from './status.js';
export {
  currentBranch,
  listBranches,
  createBranch,
  checkoutBranch,
  type CreateBranchOptions,
  type CheckoutBranchOptions,
} from './branches.js';
export {
  createTag,
  listTags,
  tagsContainingCommit,
  type TagInfo,
  type CreateTagOptions,
  type TagsContainingOptions,
} from './tags.js';
export { fileHistory, type FileHistoryOptions, type FileVersion } from './history.js';
export { withRepositoryLock, type LockHolder, type LockOptions } from './lock.js';
