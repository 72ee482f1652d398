import { hash } from 'node:crypto';
import { type FileHandle, open, readFile } from 'node:fs/promises';
import { inputError } from '../errors/index.js';
import { type ReleaseRecordReader, readRecordAtTag } from './record-reads.js';
import { type ExportReading, ExportTally } from './export-tally.js';
import { HASH_BYTES, type ManifestIndex } from './manifest-index.js';
import { hashCsv } from './verify-csv-rows.js';
import { JSONL_HEADER_PREFIX, type PinnedHeader } from './pinned-export.js';
import { type ReadReleaseRecord, type ReleaseRecordFacts, parseReleaseRecord } from './record.js';

export interface VerifyReport {
  file: string;
  format: 'jsonl' | 'medcalc-csv';
  version: string;
  root: string;
  items: number;
  ok: boolean;
  changed: string[];
  missing: string[];
  unexpected: string[];
  duplicated: string[];
  /** Problems reading the export itself (a broken line), with their place. */
  unreadable: { place: string; message: string }[];
}

export interface VerifyOptions {
  file: string;
  /** Benchmark repository to read the release record from (at the version's tag). */
  dir?: string;
  version?: string;
  /** A release record file (changelogs/v<version>.json) to verify against without git. */
  releaseFile?: string;
  /** How the record is read from the repository (default: readRecordAtTag; the CLI reads each once). */
  readRecord?: ReleaseRecordReader;
  /** The CSV's sidecar (<file>.manifest.json) as the caller parsed it already, if it did (see readSplitSidecar). */
  sidecar?: { json: unknown };
}

/**
 * Recomputes the content hashes of an export (JSONL with its header, or a MedCalc CSV with its
 * .manifest.json sidecar) and compares them with the release record: every item must be there, once,
 * with the released content.
 */
export async function verifyExport(options: VerifyOptions): Promise<VerifyReport> {
  const handle = await open(options.file, 'r').catch(() => {
    throw inputError('FILE_NOT_READABLE', `${options.file}: cannot be read`, { file: options.file });
  });
  try {
    const first = await firstLine(handle);
    if (first.bytes.subarray(0, JSONL_HEADER_BYTES.length).equals(JSONL_HEADER_BYTES)) {
      const header = parseHeader(first.bytes.toString('utf8', JSONL_HEADER_BYTES.length), `${options.file} line 1`);
      // The release record (inflated, parsed, schema-checked) is read while the export's lines are read
      // and hashed: the disk and the CPU work at once. Both settle before the file is closed.
      const [record, hashes] = await Promise.allSettled([
        releaseRecordFor(options, header),
        lineHashes(handle, first.next),
      ]);
      if (record.status === 'rejected') throw record.reason;
      if (hashes.status === 'rejected') throw hashes.reason;
      const items = record.value.manifest.items;
      // Line k of a pinned export is item k: its sha256 must be the item's JSONL hash, so the whole check
      // is one comparison of the lines' digests with the manifest's JSONL column.
      if (hashes.value.equals(items.column(3))) {
        return { ...emptyReport(options.file, 'jsonl', record.value), items: items.count, ok: true };
      }
      // Something differs: find what, item by item (the lines parsed for their ids).
      return tallied(options.file, 'jsonl', record.value, await hashJsonl(handle, first.next, options.file, items));
    }
  } finally {
    await handle.close();
  }
  const sidecarFile = `${options.file}.manifest.json`;
  const sidecarRead = options.sidecar ? options.sidecar.json : await readFile(sidecarFile, 'utf8').catch(() => null);
  if (sidecarRead === null && !options.sidecar) {
    throw inputError(
      'NOT_A_PINNED_EXPORT',
      `${options.file}: no "# {…}" header line (JSONL) and no ${sidecarFile} (CSV): export it with --version to ` +
        `verify it`,
      { file: options.file },
    );
  }
  const sidecar = parseHeader(sidecarRead, sidecarFile) as PinnedHeader & { rows: [string, number][] };
  // As for JSONL, the record is read while the rows are read and hashed; the record's errors come first.
  const [record, rows] = await Promise.allSettled([
    releaseRecordFor(options, sidecar),
    hashCsv(options.file, sidecar.rows),
  ]);
  if (record.status === 'rejected') throw record.reason;
  if (rows.status === 'rejected') throw rows.reason;
  const tally = new ExportTally(record.value.manifest.items, 2);
  rows.value.tallyInto(tally, sidecar.rows);
  return tallied(options.file, 'medcalc-csv', record.value, tally);
}

const NEWLINE = 0x0a;
const JSONL_HEADER_BYTES = Buffer.from(JSONL_HEADER_PREFIX, 'utf8');
const CHUNK = 8 * 2 ** 20;

/** The file's first line (without its newline) and the offset after it. */
async function firstLine(handle: FileHandle): Promise<{ bytes: Buffer; next: number }> {
  const parts: Buffer[] = [];
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (let position = 0; ; ) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    const data = chunk.subarray(0, bytesRead);
    const newline = data.indexOf(NEWLINE);
    if (newline !== -1 || bytesRead === 0) {
      parts.push(Buffer.from(newline === -1 ? data : data.subarray(0, newline)));
      const bytes = Buffer.concat(parts);
      return { bytes, next: newline === -1 ? position : position + newline + 1 };
    }
    parts.push(Buffer.from(data));
    position += bytesRead;
  }
}

/**
 * The sha256 of every line from `start` on (newline-terminated, plus a last one without a newline if
 * any), hashed as bytes while the file is read in chunks: a line's UTF-8 bytes hash as its text does,
 * so line k of a pinned export must give manifest item k's JSONL hash. Nothing is decoded or parsed;
 * the digests are kept back to back, 32 bytes a line.
 */
async function lineHashes(handle: FileHandle, start: number): Promise<Buffer> {
  let digests = Buffer.allocUnsafe(HASH_BYTES * 4096);
  let used = 0;
  await forEachLine(handle, start, (line) => {
    if (used === digests.length) {
      const larger = Buffer.allocUnsafe(2 * digests.length);
      digests.copy(larger, 0, 0, used);
      digests = larger;
    }
    used += hash('sha256', line, 'buffer').copy(digests, used);
  });
  return digests.subarray(0, used);
}

/** Every line from `start` on, as bytes without its newline, read in 8 MB chunks (a line may span several). */
async function forEachLine(handle: FileHandle, start: number, visit: (line: Buffer) => void): Promise<void> {
  const chunk = Buffer.allocUnsafe(CHUNK);
  let carry: Buffer | null = null; // the unfinished line at the end of the last chunk (copied: the chunk is reused)
  for (let position = start; ; ) {
    const { bytesRead } = await handle.read(chunk, 0, CHUNK, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const data = chunk.subarray(0, bytesRead);
    let from = 0;
    for (let newline = data.indexOf(NEWLINE); newline !== -1; newline = data.indexOf(NEWLINE, from)) {
      const line = data.subarray(from, newline);
      visit(carry ? Buffer.concat([carry, line]) : line);
      carry = null;
      from = newline + 1;
    }
    if (from < data.length)
      carry = carry ? Buffer.concat([carry, data.subarray(from)]) : Buffer.from(data.subarray(from));
  }
  if (carry) visit(carry);
}

/** The header's JSON (or a sidecar's, given as text or as parsed already), checked. */
function parseHeader(text: unknown, place: string): PinnedHeader {
  try {
    const json = typeof text === 'string' ? JSON.parse(text) : text;
    if (json?.steward !== 'medcalc-steward' || typeof json.version !== 'string' || typeof json.root !== 'string')
      throw new Error('not a medcalc-steward export header');
    return json;
  } catch (error) {
    throw inputError('BAD_EXPORT_HEADER', `${place}: ${(error as Error).message}`, { file: place });
  }
}

async function releaseRecordFor(options: VerifyOptions, header: PinnedHeader): Promise<ReadReleaseRecord> {
  const version = options.version ?? header.version;
  if (options.version && options.version.replace(/^v/, '') !== header.version) {
    throw inputError('VERSION_MISMATCH', `${options.file} is an export of ${header.version}, not ${options.version}`, {
      file: options.file,
    });
  }
  let record: ReadReleaseRecord;
  if (options.releaseFile) {
    const bytes = await readFile(options.releaseFile).catch(() => {
      throw inputError('FILE_NOT_READABLE', `${options.releaseFile}: cannot be read`, { file: options.releaseFile });
    });
    record = parseReleaseRecord(bytes, options.releaseFile);
    if (record.version !== version.replace(/^v/, ''))
      throw inputError('VERSION_MISMATCH', `${options.releaseFile} is release ${record.version}, not ${version}`, {});
  } else {
    record = (await (options.readRecord ?? readRecordAtTag)(options.dir ?? '.', version)).record;
  }
  if (header.root !== record.manifest.root) {
    throw inputError(
      'ROOT_MISMATCH',
      `${options.file} claims root ${header.root}, release ${record.version} has ${record.manifest.root}`,
      { file: options.file },
    );
  }
  return record;
}

async function hashJsonl(
  handle: FileHandle,
  start: number,
  file: string,
  manifest: ManifestIndex,
): Promise<ExportTally> {
  const tally = new ExportTally(manifest, 3);
  let k = 0;
  await forEachLine(handle, start, (bytes) => {
    const place = `${file} line ${k++ + 2}`;
    const line = bytes.toString('utf8');
    if (line.trim() === '') return;
    // Each line is hashed as written; it is parsed only to learn which item it is.
    let id: unknown;
    try {
      id = (JSON.parse(line) as { id?: unknown })?.id;
    } catch (error) {
      tally.unreadable(place, (error as Error).message);
      return;
    }
    if (typeof id !== 'string') {
      tally.unreadable(place, 'no "id"');
      return;
    }
    tally.add(id, hash('sha256', bytes, 'buffer'));
  });
  return tally;
}

function emptyReport(file: string, format: VerifyReport['format'], record: ReleaseRecordFacts): VerifyReport {
  return {
    file,
    format,
    version: record.version,
    root: record.manifest.root,
    items: 0,
    ok: false,
    changed: [],
    missing: [],
    unexpected: [],
    duplicated: [],
    unreadable: [],
  };
}

function tallied(file: string, format: VerifyReport['format'], record: ReleaseRecordFacts, tally: ExportTally) {
  const { reading, ...found } = tally.result();
  return verdictOf(file, format, record, reading, found);
}

/** The report of one export against its release: ok when nothing differs and nothing was unreadable. */
export function verdictOf(
  file: string,
  format: VerifyReport['format'],
  record: ReleaseRecordFacts,
  got: ExportReading,
  found: { changed: string[]; missing: string[]; unexpected: string[] },
  otherProblems = 0,
): VerifyReport {
  const { changed, missing, unexpected } = found;
  const problems = changed.length + missing.length + unexpected.length + got.duplicated.length + got.unreadable.length;
  return {
    file,
    format,
    version: record.version,
    root: record.manifest.root,
    items: got.items,
    ok: problems + otherProblems === 0,
    changed,
    missing,
    unexpected,
    duplicated: got.duplicated,
    unreadable: got.unreadable,
  };
}
