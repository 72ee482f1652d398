import { createHash } from 'node:crypto';
import { findingsError, inputError } from '../errors/index.js';
import { schemaValidator } from '../schema/load.js';
import { findingsFromAjv, formatFinding } from '../schema/findings.js';
import type { Manifest } from './manifest.js';
import type { ManifestIndex } from './manifest-index.js';
import { lineAndColumn } from './json-bytes.js';
import { RecordProblem, type ScannedRecord, scanReleaseRecord } from './record-scan.js';
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

/** A record's manifest as read: its items in a ManifestIndex (see parseReleaseRecord). */
export type ReadManifest = Omit<Manifest, 'items'> & { items: ManifestIndex };

/** A release record as read from its file: everything as written, the manifest's items indexed. */
export type ReadReleaseRecord = Omit<ReleaseRecord, 'manifest'> & { manifest: ReadManifest };

/** What a record says besides its items, whether it was just made or read. */
export type ReleaseRecordFacts = Omit<ReleaseRecord, 'manifest'> & { manifest: Omit<Manifest, 'items'> };

/**
 * Parses and checks a release record: JSON, schema, ids sorted and each once, and that its root hash
 * is the hash of its items, so a corrupted or hand-edited record is caught before anything is verified
 * against it. The items are read compactly (see scanReleaseRecord); every problem names the file and
 * the place (a JSON pointer such as /manifest/items/17/2).
 */
export function parseReleaseRecord(source: Buffer | string, file: string): ReadReleaseRecord {
  const bytes = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
  let scanned: ScannedRecord;
  try {
    scanned = scanReleaseRecord(bytes);
  } catch (error) {
    if (error instanceof RecordProblem) throw recordProblemError(error, file, bytes);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(scanned.rest);
  } catch {
    // The message of the whole text, so its position is the file's (the error path only: it costs the full parse).
    let message = 'not JSON';
    try {
      JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      message = (error as Error).message;
    }
    throw inputError('RELEASE_BROKEN_JSON', `${file}: invalid JSON: ${message}`, { file });
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
  // The schema asks for manifest.items, so the scanner found them: the text JSON.parse read has `[]` there.
  if (!scanned.items || record.manifest.items.length !== 0)
    throw inputError('RELEASE_INVALID', `corrupted release record: ${file} /manifest/items: cannot be read`, {
      file,
      pointer: '/manifest/items',
    });
  const { index, root } = scanned.items;
  if (root !== record.manifest.root || record.manifest.count !== index.count) {
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
  return { ...record, manifest: { ...record.manifest, items: index } };
}

function recordProblemError(problem: RecordProblem, file: string, bytes: Buffer) {
  const where = problem.offset === undefined ? '' : ` (${lineAndColumn(bytes, problem.offset)})`;
  const data = { file, pointer: problem.pointer };
  if (problem.kind === 'json')
    return inputError(
      'RELEASE_BROKEN_JSON',
      `${file}: invalid JSON at ${problem.pointer}${where}: ${problem.why}`,
      data,
    );
  return inputError(
    'RELEASE_INVALID',
    `corrupted release record: ${file} ${problem.pointer || '/'}${where}: ${problem.why}`,
    data,
  );
}

/** The record as written: 2-space JSON, manifest items one per line so a diff of two releases stays readable. */
export function serializeReleaseRecord(record: ReleaseRecord): string {
  return [...serializeReleaseRecordPieces(record).pieces].join('');
}

/**
 * serializeReleaseRecord's text in pieces of about 1 MB, and the sha256 of its bytes: at 1M labels the
 * record is ~250 MB, which is hashed, signed and written piece by piece instead of as one string. The
 * pieces are made afresh each time they are iterated (once here for the hash, once by the writer), so
 * they are never all in memory at once: kept, they were ~230 MB of a 1M first release's peak.
 */
export function serializeReleaseRecordPieces(record: ReleaseRecord): { pieces: Iterable<string>; sha256: string } {
  const pieces: Iterable<string> = { [Symbol.iterator]: () => recordPieces(record) };
  const hash = createHash('sha256');
  for (const piece of pieces) hash.update(piece);
  return { pieces, sha256: hash.digest('hex') };
}

function* recordPieces(record: ReleaseRecord): Generator<string> {
  const { manifest, ...rest } = record;
  const head = JSON.stringify({ ...rest, manifest: { ...manifest, items: [] } }, null, 2);
  const at = head.indexOf('"items": []');
  if (!manifest.items.length) {
    yield head + '\n';
    return;
  }
  let text = head.slice(0, at) + '"items": [\n';
  const items = manifest.items;
  for (let k = 0; k < items.length; k++) {
    text += `${k ? ',\n' : ''}      ${JSON.stringify(items.at(k))}`;
    if (text.length >= 2 ** 20) {
      yield text;
      text = '';
    }
  }
  yield text + '\n    ]' + head.slice(at + '"items": []'.length) + '\n';
}
