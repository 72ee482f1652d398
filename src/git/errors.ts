import { StewardError } from '../errors/index.js';

/** Every way the git store refuses a request; callers branch on these, never on message text. */
export type GitStoreErrorCode =
  | 'NOT_A_REPOSITORY'
  | 'UNKNOWN_REF'
  | 'UNKNOWN_PATH'
  | 'INVALID_PATH'
  | 'INVALID_NAME'
  | 'DIRTY_TREE'
  | 'TAG_EXISTS'
  | 'BRANCH_EXISTS'
  | 'NO_IDENTITY'
  | 'NOT_A_COMMIT'
  | 'INDEX_LOCKED'
  | 'MISSING_OBJECT'
  /** Another writing command holds the repository lock (exit 2, naming the holder). */
  | 'LOCKED'
  /** A branch or tag moved between this command reading it and updating it (compare-and-swap refused). */
  | 'REF_MOVED'
  /** git itself failed (its message is quoted). */
  | 'GIT_FAILED';

/** A refused git request: a stable `code`, a `data` payload naming the ref, path or name at fault. */
export class GitStoreError extends StewardError {
  declare readonly code: GitStoreErrorCode;

  constructor(code: GitStoreErrorCode, message: string, data: Record<string, unknown> = {}) {
    super(code, message, data, 'input');
    this.name = 'GitStoreError';
  }
}

export function isGitStoreError(error: unknown, code?: GitStoreErrorCode): error is GitStoreError {
  return error instanceof GitStoreError && (code === undefined || error.code === code);
}
