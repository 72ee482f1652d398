import { GitStoreError } from './errors.js';

/** A repository-relative folder or file path: forward slashes, no leading or trailing slash, no `..`. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.') return '.';
  checkRepoPath(trimmed);
  return trimmed;
}

/** Refuse paths that are absolute, climb out of the repository, or reach into .git. */
export function checkRepoPath(path: string): void {
  const segments = path.split('/');
  const bad =
    path.startsWith('/') ||
    /^[a-z]:/i.test(path) ||
    segments.some((s) => s === '' || s === '.' || s === '..' || s === '.git');
  if (bad) throw new GitStoreError('INVALID_PATH', `not a path inside the repository: ${path}`, { path });
}

/** A path whose last name starts with a dot: editors' and atomic writes' temporary files, never labels. */
export function isDotName(path: string): boolean {
  return path !== '.' && path.charCodeAt(path.lastIndexOf('/') + 1) === 46;
}
