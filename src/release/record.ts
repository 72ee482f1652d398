import { createHash } from 'node:crypto';
import { findingsError, inputError } from '../errors/index.js';
import { schemaValidator } from '../schema/load.js';
import { findingsFromAjv, formatFinding } from '../schema/findings.js';
import { type Manifest, rootHash } from './manifest.js';
import type { ReleaseStatistics } from './statistics.js';

export interface ReleaseRecord {
  schema: 'medcalc-steward/release@1';
  name: string;
  version: string;
  previousVersion: string | null;
  date: string;
  /** The commit whose labels the release pins (the release commit adds only notes and citation). */
  labelCommit: string;
  message?: string;
  verifierOnlyAllowed: boolean;
  statistics: ReleaseStatistics;
  /** Absent in records made before it existed: the next release then checks every label. */
  checked?: CheckedBasis;
  manifest: Manifest;
}

export interface CheckedBasis {
  /** checkRulesFingerprint() of the tool that made the release. */
  rules: string;
  /** Repository paths of the label files that carry sign-offs, sorted. */
  signed: string[];
}

export const recordPath = (version: string) => `changelogs/v${version}.json`;
export const notesPath = (version: string) => `changelogs/v${version}.md`;

/**
 * Parses and checks a release record: JSON, schema, and that its root hash is the hash of its items,
 * so a corrupted or hand-edited record is caught before anything is verified against it.
 */
export function parseReleaseRecord(text: string, file: string): ReleaseRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw inputError('RELEASE_BROKEN_JSON', `${file}: invalid JSON: ${(error as Error).message}`, { file });
  }
  const validate = schemaValidator('release.schema.json');
  if (!validate(json)) {
    const first = findingsFromAjv(file, validate.errors)[0];
    throw inputError('RELEASE_INVALID', `corrupted release record: ${formatFinding(first)}`, {
      file,
      pointer: first.pointer,
    });
  }
  const record = json as ReleaseRecord;
  const root = rootHash(record.manifest.items);
  if (root !== record.manifest.root || record.manifest.count !== record.manifest.items.length) {
    throw findingsError(
      'RELEASE_ROOT_MISMATCH',
      `${file}: corrupted release record: its items hash to ${root}, but it records ${record.manifest.root}`,
      {
        file,
        recorded: record.manifest.root,
        computed: root,
      },
    );
  }
  return record;
}

/** The record as written: 2-space JSON, manifest items one per line so a diff of two releases stays readable. */
export function serializeReleaseRecord(record: ReleaseRecord): string {
  return serializeReleaseRecordPieces(record).pieces.join('');
}

/**
 * serializeReleaseRecord's text in pieces of about 1 MB, and the sha256 of its bytes: at 1M labels the
 * record is ~250 MB, which is written and signed piece by piece instead of as one string.
 */
export function serializeReleaseRecordPieces(record: ReleaseRecord): { pieces: string[]; sha256: string } {
  const { manifest, ...rest } = record;
  const head = JSON.stringify({ ...rest, manifest: { ...manifest, items: [] } }, null, 2);
  const at = head.indexOf('"items": []');
  const pieces: string[] = [];
  const hash = createHash('sha256');
  const push = (text: string) => {
    hash.update(text);
    pieces.push(text);
  };
  if (!manifest.items.length) push(head + '\n');
  else {
    let text = head.slice(0, at) + '"items": [\n';
    manifest.items.forEach((item, k) => {
      text += `${k ? ',\n' : ''}      ${JSON.stringify(item)}`;
      if (text.length >= 2 ** 20) {
        push(text);
        text = '';
      }
    });
    push(text + '\n    ]' + head.slice(at + '"items": []'.length) + '\n');
  }
  return { pieces, sha256: hash.digest('hex') };
}
