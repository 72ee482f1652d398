import { GitStoreError } from './errors.js';

/** A repository-relative folder or file path: forward slashes, no leading or trailing slash, no `..`. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.') return '.';
  checkRepoPath(trimmed);
  return trimmed;
}

/** Refuse paths that are absolute, climb out of the repository, or reach into .git. */
export function checkRepoPath(path: string): void {
  const segments = path.split('/');
  const bad = path.startsWith('/') || /^[a-z]:/i.test(path) ||
    segments.some((s) => s === '' || s === '.' || s === '..' || s === '.git');
  if (bad) throw new GitStoreError('INVALID_PATH', `not a path inside the repository: ${path}`, { path });
}

/** True when a walk at `path` is under `prefix` or on the way down to it, so it must go on. */
export function isWorthWalking(path: string, prefix: string): boolean {
  if (path === '.' || prefix === '.' || path === prefix) return true;
  return path.startsWith(prefix + '/') || prefix.startsWith(path + '/');
}

/** True when `path` is `prefix` itself or inside it. */
export function isUnder(path: string, prefix: string): boolean {
  return prefix === '.' || path === prefix || path.startsWith(prefix + '/');
}

/** A path whose last name starts with a dot: editors' and atomic writes' temporary files, never labels. */
export function isDotName(path: string): boolean {
  return path !== '.' && path.charCodeAt(path.lastIndexOf('/') + 1) === 46;
}
