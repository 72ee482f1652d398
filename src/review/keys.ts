import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { inputError } from '../errors/index.js';
import { refuseInsideRepository } from './key-location.js';

const PREFIX = 'ed25519:';

/** A new ed25519 key pair; the private key as PKCS#8 PEM, the public key in the reviewer-file form. */
export function generateSigningKey(): { privatePem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKeyText(publicKey),
  };
}

/** "ed25519:<base64 of the raw 32-byte key>", the form reviewers/<id>.json stores. */
export function publicKeyText(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (key.asymmetricKeyType !== 'ed25519' || typeof jwk.x !== 'string')
    throw inputError('KEY_NOT_ED25519', 'the key is not an ed25519 key', {});
  return PREFIX + Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** The key object of a stored public key; undefined when the text is not one. */
export function publicKeyFromText(text: string): KeyObject | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  const raw = Buffer.from(text.slice(PREFIX.length), 'base64');
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/**
 * Reads a private signing key (PKCS#8 PEM). Refused when it lies inside the benchmark repository (it
 * would be one `git add` from being published) or when others may read it, as ssh refuses such keys.
 */
export async function loadPrivateKey(path: string, repositoryDir: string): Promise<KeyObject> {
  await refuseInsideRepository(path, repositoryDir, 'KEY_INSIDE_REPOSITORY');
  const info = await stat(path).catch(() => null);
  if (!info) throw inputError('KEY_NOT_FOUND', `${path}: no such key file`, { file: path });
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw inputError(
      'KEY_PERMISSIONS',
      `${path}: a private key must be readable by its owner only (chmod 600 ${path})`,
      { file: path, mode: (info.mode & 0o777).toString(8) },
    );
  }
  const key = parsePrivateKey(await readFile(path, 'utf8'), path);
  return key;
}

/**
 * A key file's public key: a private key file (as keygen writes it), a public key PEM, or a file holding
 * the "ed25519:…" line keygen prints (what a physician sends the maintainer).
 */
export async function publicKeyOfFile(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) throw inputError('KEY_NOT_FOUND', `${path}: no such key file`, { file: path });
  const line = text.trim();
  if (line.startsWith(PREFIX)) {
    if (!publicKeyFromText(line))
      throw inputError('KEY_UNREADABLE', `${path}: not an ed25519 public key`, { file: path });
    return line;
  }
  if (text.includes('PUBLIC KEY')) {
    try {
      return publicKeyText(createPublicKey(text));
    } catch (error) {
      if ((error as { code?: string }).code === 'KEY_NOT_ED25519') throw error;
      throw inputError('KEY_UNREADABLE', `${path}: not a PEM public key`, { file: path });
    }
  }
  return publicKeyText(createPublicKey(parsePrivateKey(text, path)));
}

function parsePrivateKey(text: string, path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    throw inputError('KEY_UNREADABLE', `${path}: not a PEM (PKCS#8) private key`, { file: path });
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw inputError('KEY_NOT_ED25519', `${path}: a ${key.asymmetricKeyType} key; sign-offs use ed25519`, {
      file: path,
    });
  return key;
}
