import { GitStoreError } from './errors.js';

/** git check-ref-format's rules for a branch or tag name, so a bad name fails before anything is written. */
export function checkRefName(name: string, kind: 'branch' | 'tag'): void {
  const bad =
    name === '' ||
    name === '@' ||
    name === 'HEAD' ||
    name.startsWith('-') ||
    name.startsWith('/') ||
    name.endsWith('/') ||
    name.endsWith('.') ||
    name.includes('..') ||
    name.includes('//') ||
    name.includes('@{') ||
    /[\x00-\x20\x7f~^:?*[\\]/.test(name) ||
    name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'));
  if (bad) throw new GitStoreError('INVALID_NAME', `"${name}" is not a valid ${kind} name`, { name, kind });
}
