import { chmod, open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { inputError } from '../errors/index.js';
import { makeFolders } from '../store/folders.js';
import { refuseInsideRepository } from './key-location.js';
import { generateSigningKey } from './keys.js';

export interface KeygenOptions {
  /** The benchmark repository: the key may not be written inside it. */
  dir: string;
  /** Where to write the private key (PKCS#8 PEM, mode 0600); an existing file is never overwritten. */
  out: string;
}

/** Writes a new ed25519 private key for signing sign-offs and returns its public key. */
export async function keygen({ dir, out }: KeygenOptions): Promise<{ path: string; publicKey: string }> {
  const path = resolve(out);
  await refuseInsideRepository(path, dir, 'KEY_INSIDE_REPOSITORY');
  const { privatePem, publicKey } = generateSigningKey();
  // Not mkdir({ recursive }): under /proc it never returns (see makeFolders).
  await makeFolders(dirname(path), { mode: 0o700 });
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw inputError('KEY_EXISTS', `${out}: already exists; keygen never overwrites a key`, { file: out });
    throw inputError('KEY_NOT_WRITABLE', `${out}: cannot be written (${code ?? (error as Error).message})`, {
      file: out,
    });
  }
  try {
    await handle.writeFile(privatePem, 'utf8');
  } finally {
    await handle.close();
  }
  // The umask may have narrowed the mode further; it must not be wider than 0600.
  await chmod(path, 0o600);
  return { path, publicKey };
}
