import { type KeyObject, sign, verify } from 'node:crypto';
import { type ErrorCode, findingsError, inputError } from '../errors/index.js';
import { type Repo, changedPaths, isGitStoreError, readFileTextsAt, resolveCommit } from '../git/index.js';
import { publicKeyFromText } from '../review/keys.js';
import { trustStateAt } from '../review/registry-at.js';
import type { Reviewer } from '../review/reviewer.js';
import { reviewerSigningKey } from '../review/signing-key.js';
import { MAINTAINER_ROLE } from '../review/trust-changes.js';
import { canonicalJson, sha256Hex } from '../store/canonical.js';
import type { ReleaseRecord, ReleaseRecordFacts } from './record.js';

export const SIGNATURE_SCHEMA = 'medcalc-steward/release-signature@1';
export const signaturePath = (version: string) => `changelogs/v${version}.signature.json`;
/** What a release commit may change besides the labels' commit it names. */
const RELEASE_FILES = /^(changelogs\/[^/]+|CHANGELOG\.md|CITATION\.cff)$/;

/** changelogs/v<version>.signature.json: a maintainer's ed25519 signature over the release record. */
export interface ReleaseSignature {
  schema: typeof SIGNATURE_SCHEMA;
  version: string;
  tag: string;
  labelCommit: string;
  /** sha256 of the record file's exact bytes. */
  recordSha256: string;
  signer: string;
  signature: string;
}

function releaseSignedBytes(s: Omit<ReleaseSignature, 'signature'>): Uint8Array {
  const { schema, version, tag, labelCommit, recordSha256, signer } = s;
  return new TextEncoder().encode(
    canonicalJson({ purpose: 'medcalc-steward release', schema, version, tag, labelCommit, recordSha256, signer }),
  );
}

/** The trust root of a release: the previous release's tag, or for a first release the repository's root commit. */
export async function releaseTrustRoot(
  repo: Repo,
  previousTag: string | undefined,
  from = 'HEAD',
): Promise<{ name: string; commit: string }> {
  if (previousTag) return { name: previousTag, commit: await resolveCommit(repo, previousTag) };
  let oid = await resolveCommit(repo, from);
  for (;;) {
    try {
      oid = await resolveCommit(repo, `${oid}~1`);
    } catch (error) {
      if (isGitStoreError(error, 'UNKNOWN_REF')) return { name: `the root commit ${oid.slice(0, 10)}`, commit: oid };
      throw error;
    }
  }
}

function maintainersOf(reviewers: ReadonlyMap<string, Reviewer>): Reviewer[] {
  return [...reviewers.values()].filter((r) => r.role === MAINTAINER_ROLE && !r.revoked);
}

/**
 * Before a release is written: the signer must be a maintainer registered at the trust root and the
 * key theirs. A benchmark whose trust root registers a maintainer must sign its releases.
 */
export async function releaseSigner(
  repo: Repo,
  o: { dir: string; previousTag?: string; signer?: string; keyPath?: string },
): Promise<{ id: string; key: KeyObject } | null> {
  const root = await releaseTrustRoot(repo, o.previousTag);
  const { reviewers } = await trustStateAt(repo, root.commit);
  const maintainers = maintainersOf(reviewers);
  if (o.signer === undefined && o.keyPath === undefined) {
    if (maintainers.length === 0) return null;
    throw inputError(
      'RELEASE_NEEDS_SIGNATURE',
      `a release is signed by a maintainer registered at ${root.name}: add --signer <id> --key <private key> ` +
        `(maintainers: ${maintainers.map((m) => m.id).join(', ')})`,
      {},
    );
  }
  if (!o.signer || !o.keyPath)
    throw inputError(
      'RELEASE_NEEDS_SIGNATURE',
      'signing a release needs both --signer <maintainer id> and --key <private key>',
      {},
    );
  const who = reviewers.get(o.signer);
  if (!who || who.role !== MAINTAINER_ROLE || who.revoked) {
    throw inputError(
      'RELEASE_SIGNER',
      `${o.signer} is not a maintainer registered at ` +
        `${root.name}${who ? ` (registered as "${who.role}"${who.revoked ? ', revoked' : ''})` : ''}; only such a ` +
        `maintainer signs a release`,
      { signer: o.signer },
    );
  }
  return { id: who.id, key: await reviewerSigningKey(who, o.keyPath, o.dir) };
}

/** The signature file's content for a record about to be written. */
export function signReleaseRecord(
  record: ReleaseRecord,
  recordText: string,
  tag: string,
  signer: { id: string; key: KeyObject },
): string {
  return signReleaseRecordHash(record, sha256Hex(recordText), tag, signer);
}

/** signReleaseRecord for a record written in pieces, from the sha256 (hex) of its bytes. */
export function signReleaseRecordHash(
  record: ReleaseRecord,
  recordSha256: string,
  tag: string,
  signer: { id: string; key: KeyObject },
): string {
  const { version, labelCommit } = record;
  const fields = { schema: SIGNATURE_SCHEMA, version, tag, labelCommit, recordSha256, signer: signer.id } as const;
  return canonicalJson({ ...fields, signature: sign(null, releaseSignedBytes(fields), signer.key).toString('base64') });
}

export interface ReleaseTrust {
  /** The maintainer whose signature verifies, or null for an unsigned release of a benchmark without one. */
  signer: string | null;
  trustRoot: string;
  /** For people: "signed by maint (maintainer at v1.0.0)" or why it is unsigned. */
  note: string;
}

/**
 * Checks a release as read at its tag: the tag points at the commit the record names (or the release
 * commit made right on it, changing only release files), and the record is signed by a maintainer
 * registered at the release's trust root. Any failure is an error (exit 1), so verify, cite, export
 * --version and score --version never use a moved tag or a tampered record.
 */
export async function verifyReleaseTrust(
  repo: Repo,
  o: { record: ReleaseRecordFacts; recordSha256: string; tag: string; commit: string },
): Promise<ReleaseTrust> {
  const { record, tag, commit } = o;
  const fail = (code: ErrorCode, why: string) =>
    findingsError(code, `release ${record.version} (${tag}) is not trustworthy: ${why}`, {
      version: record.version,
      tag,
    });
  if (commit !== record.labelCommit) {
    // The tag may sit on the release commit made on the label commit (or a later commit that again only
    // touches release files); anything else means it was moved.
    let oid: string | null = commit;
    for (let steps = 0; oid !== null && oid !== record.labelCommit && steps < 64; steps++)
      oid = await resolveCommit(repo, `${oid}~1`).catch(() => null);
    if (oid !== record.labelCommit)
      throw fail(
        'RELEASE_TAG_MOVED',
        `the tag points at ${commit.slice(0, 10)}, which does not descend from the commit the record names ` +
          `(${record.labelCommit.slice(0, 10)})`,
      );
    const extra = (await changedPaths(repo, { from: record.labelCommit, to: commit, prefix: '.' })).filter(
      (c) => !RELEASE_FILES.test(c.path),
    );
    if (extra.length > 0)
      throw fail(
        'RELEASE_TAG_MOVED',
        `the tag points at ${commit.slice(0, 10)}, which changes ${extra
          .map((c) => c.path)
          .slice(0, 5)
          .join(', ')} since the commit the record names (${record.labelCommit.slice(0, 10)})`,
      );
  }
  const previousTag = record.previousVersion ? `v${record.previousVersion}` : undefined;
  const root = await releaseTrustRoot(repo, previousTag, commit).catch(() => null);
  if (!root) throw fail('RELEASE_TRUST_ROOT', `its trust root ${previousTag} cannot be resolved`);
  const maintainers = maintainersOf((await trustStateAt(repo, root.commit)).reviewers);
  const text = (await readFileTextsAt(repo, { ref: commit, prefix: signaturePath(record.version) })).get(
    signaturePath(record.version),
  );
  if (text === undefined) {
    if (maintainers.length > 0)
      throw fail(
        'RELEASE_UNSIGNED',
        `${signaturePath(record.version)} is missing, and ${root.name} registers maintainer(s) ` +
          `${maintainers.map((m) => m.id).join(', ')}`,
      );
    return { signer: null, trustRoot: root.name, note: `unsigned (no maintainer registered at ${root.name})` };
  }
  let sig: ReleaseSignature;
  try {
    sig = JSON.parse(text) as ReleaseSignature;
  } catch {
    throw fail('RELEASE_SIGNATURE_BROKEN', `${signaturePath(record.version)} is not JSON`);
  }
  if (
    sig.schema !== SIGNATURE_SCHEMA ||
    sig.version !== record.version ||
    sig.tag !== tag ||
    sig.labelCommit !== record.labelCommit
  ) {
    throw fail(
      'RELEASE_SIGNATURE_MISMATCH',
      `${signaturePath(record.version)} signs ${sig.tag ?? '?'} at ${String(sig.labelCommit).slice(0, 10)}, not ` +
        `this release`,
    );
  }
  if (sig.recordSha256 !== o.recordSha256)
    throw fail('RELEASE_RECORD_TAMPERED', `the release record differs from the one ${sig.signer} signed`);
  const who = maintainersOf((await trustStateAt(repo, root.commit)).reviewers).find((m) => m.id === sig.signer);
  if (!who) throw fail('RELEASE_SIGNER', `the signer ${sig.signer} is not a maintainer registered at ${root.name}`);
  const key = publicKeyFromText(who.publicKey);
  const raw = Buffer.from(String(sig.signature), 'base64');
  const valid = key !== undefined && raw.length === 64 && verify(null, releaseSignedBytes(sig), key, raw);
  if (!valid)
    throw fail(
      'RELEASE_BAD_SIGNATURE',
      `the signature does not verify against the key registered for ${sig.signer} at ${root.name}`,
    );
  return { signer: sig.signer, trustRoot: root.name, note: `signed by ${sig.signer} (maintainer at ${root.name})` };
}
