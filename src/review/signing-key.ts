import { type KeyObject, createPublicKey } from 'node:crypto';
import { inputError } from '../errors/index.js';
import { loadPrivateKey, publicKeyText } from './keys.js';
import type { Reviewer } from './reviewer.js';

/** The reviewer's private key, refused (KEY_MISMATCH) unless it is the key registered for them. */
export async function reviewerSigningKey(reviewer: Reviewer, keyPath: string, dir: string): Promise<KeyObject> {
  const key = await loadPrivateKey(keyPath, dir);
  if (publicKeyText(createPublicKey(key)) !== reviewer.publicKey) {
    throw inputError(
      'KEY_MISMATCH',
      `${keyPath} is not the key registered for reviewer ${reviewer.id} (reviewers/${reviewer.id}.json); a ` +
        `sign-off must be verifiable`,
      {
        file: keyPath,
        reviewer: reviewer.id,
      },
    );
  }
  return key;
}
