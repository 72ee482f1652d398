/**
 * The benchmark's .gitignore: installed tools, temp files of atomic writes, and private keys, which never belong in it.
 */
export function gitignoreTemplate(): string {
  return [
    '# installed tools',
    'node_modules/',
    '# temp files of interrupted writes',
    '*.steward-tmp-*',
    '# private signing keys live in your home folder (~/.steward/), never here',
    '*.pem',
    '*.key',
    '.steward/',
    '# exports are made from releases; keep them outside the repository',
    'exports/',
    '',
  ].join('\n');
}
