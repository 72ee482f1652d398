import { type KeyObject, sign, verify } from 'node:crypto';
import type { SignoffPolicy } from '../config/config.js';
import { findingsFromAjv, formatFinding } from '../schema/findings.js';
import { schemaValidator } from '../schema/load.js';
import { canonicalJson, sha256Hex } from '../store/canonical.js';
import { publicKeyFromText } from './keys.js';
import type { Reviewer } from './reviewer.js';

export const CHANGES_DIR = 'reviewers/changes';
export const TRUST_CHANGE_SCHEMA = 'medcalc-steward/trust-change@1';
/** The subject of a set-policy record. */
export const POLICY_SUBJECT = 'policy';

export type TrustAction = 'add' | 'replace' | 'revoke' | 'set-policy';

/** One signed change to the trust root: a reviewer file or the sign-off policy, before → after. */
export interface TrustChangeRecord {
  schema: typeof TRUST_CHANGE_SCHEMA;
  action: TrustAction;
  subject: string;
  /** Hash of what this change replaces (stateHash), null when a reviewer is added. */
  before: string | null;
  after: Reviewer | SignoffPolicy;
  signer: string;
  time: string;
  signature: string;
}

/** The hash that binds a record to the state it replaces: sha256 of the canonical JSON. */
export function stateHash(state: unknown): string {
  return 'sha256:' + sha256Hex(canonicalJson(state));
}

/**
 * The bytes a record's signature covers: its fields but the signature, plus a purpose string, so a
 * signature made for a sign-off or a release can never be passed off as a trust change.
 */
export function changeRecordBytes(record: Omit<TrustChangeRecord, 'signature'>): Uint8Array {
  const { schema, action, subject, before, after, signer, time } = record;
  return new TextEncoder().encode(
    canonicalJson({ purpose: 'medcalc-steward trust change', schema, action, subject, before, after, signer, time }),
  );
}

export function signChangeRecord(
  fields: Omit<TrustChangeRecord, 'signature' | 'schema'>,
  key: KeyObject,
): TrustChangeRecord {
  const unsigned = { schema: TRUST_CHANGE_SCHEMA, ...fields } as const;
  return { ...unsigned, signature: sign(null, changeRecordBytes(unsigned), key).toString('base64') };
}

/** Whether the record's signature verifies with this "ed25519:…" public key. */
export function changeRecordSignatureValid(record: TrustChangeRecord, publicKey: string): boolean {
  const key = publicKeyFromText(publicKey);
  if (!key || typeof record.signature !== 'string') return false;
  const signature = Buffer.from(record.signature, 'base64');
  if (signature.length !== 64 || signature.toString('base64') !== record.signature) return false;
  try {
    return verify(null, changeRecordBytes(record), key, signature);
  } catch {
    return false;
  }
}

/** The file a record is written to: its time (sortable), action and subject. */
export function changeRecordPath(record: Pick<TrustChangeRecord, 'time' | 'action' | 'subject'>): string {
  return `${CHANGES_DIR}/${record.time.replace(/[:.]/g, '')}-${record.action}-${record.subject}.json`;
}

/** Parses and schema-checks a record file; a string says what is wrong. */
export function parseChangeRecord(file: string, text: string): TrustChangeRecord | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `${file}: invalid JSON: ${(error as Error).message}`;
  }
  const validate = schemaValidator('trust-change.schema.json');
  if (!validate(json)) return findingsFromAjv(file, validate.errors).map(formatFinding).join('; ');
  return json as TrustChangeRecord;
}
