import { readFile } from 'node:fs/promises';
import { inputError } from '../errors/index.js';
import { openRepo } from '../git/index.js';
import { parseCsvTable } from '../importers/csv.js';
import { MEDCALC_COLUMNS } from '../importers/medcalc-rows.js';
import { sha256Hex } from '../store/canonical.js';
import { readReleaseRecord } from './load-labels.js';
import { csvCellsHash } from './manifest.js';
import { JSONL_HEADER_PREFIX, type PinnedHeader } from './pinned-export.js';
import { type ReleaseRecord, parseReleaseRecord } from './record.js';

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
}

/**
 * Recomputes the content hashes of an export (JSONL with its header, or a MedCalc CSV with its
 * .manifest.json sidecar) and compares them with the release record: every item must be there, once,
 * with the released content.
 */
export async function verifyExport(options: VerifyOptions): Promise<VerifyReport> {
  const text = await readFile(options.file, 'utf8').catch(() => {
    throw inputError('FILE_NOT_READABLE', `${options.file}: cannot be read`, { file: options.file });
  });
  if (text.startsWith(JSONL_HEADER_PREFIX)) {
    const newline = text.indexOf('\n');
    const header = parseHeader(text.slice(JSONL_HEADER_PREFIX.length, newline === -1 ? undefined : newline), `${options.file} line 1`);
    const record = await releaseRecordFor(options, header);
    const body = newline === -1 ? '' : text.slice(newline + 1);
    if (jsonlMatchesInOrder(body, record)) return { ...emptyReport(options.file, 'jsonl', record), items: record.manifest.count, ok: true };
    return compare(options.file, 'jsonl', record, hashJsonl(body, options.file));
  }
  const sidecarFile = `${options.file}.manifest.json`;
  const sidecarText = await readFile(sidecarFile, 'utf8').catch(() => null);
  if (sidecarText === null) {
    throw inputError('NOT_A_PINNED_EXPORT', `${options.file}: no "# {…}" header line (JSONL) and no ${sidecarFile} (CSV): export it with --version to verify it`, { file: options.file });
  }
  const sidecar = parseHeader(sidecarText, sidecarFile) as PinnedHeader & { rows: [string, number][] };
  const record = await releaseRecordFor(options, sidecar);
  return compare(options.file, 'medcalc-csv', record, hashCsv(text, options.file, sidecar.rows));
}

function parseHeader(text: string, place: string): PinnedHeader {
  try {
    const json = JSON.parse(text);
    if (json?.steward !== 'medcalc-steward' || typeof json.version !== 'string' || typeof json.root !== 'string') throw new Error('not a medcalc-steward export header');
    return json;
  } catch (error) {
    throw inputError('BAD_EXPORT_HEADER', `${place}: ${(error as Error).message}`, { file: place });
  }
}

async function releaseRecordFor(options: VerifyOptions, header: PinnedHeader): Promise<ReleaseRecord> {
  const version = options.version ?? header.version;
  if (options.version && options.version.replace(/^v/, '') !== header.version) {
    throw inputError('VERSION_MISMATCH', `${options.file} is an export of ${header.version}, not ${options.version}`, { file: options.file });
  }
  let record: ReleaseRecord;
  if (options.releaseFile) {
    const text = await readFile(options.releaseFile, 'utf8').catch(() => {
      throw inputError('FILE_NOT_READABLE', `${options.releaseFile}: cannot be read`, { file: options.releaseFile });
    });
    record = parseReleaseRecord(text, options.releaseFile);
    if (record.version !== version.replace(/^v/, '')) throw inputError('VERSION_MISMATCH', `${options.releaseFile} is release ${record.version}, not ${version}`, {});
  } else {
    record = (await readReleaseRecord(await openRepo({ dir: options.dir ?? '.' }), version)).record;
  }
  if (header.root !== record.manifest.root) {
    throw inputError('ROOT_MISMATCH', `${options.file} claims root ${header.root}, release ${record.version} has ${record.manifest.root}`, { file: options.file });
  }
  return record;
}

type Hashed = { hashes: Map<string, string>; duplicated: string[]; unreadable: VerifyReport['unreadable'] };

function hashJsonl(body: string, file: string): Hashed {
  const out: Hashed = { hashes: new Map(), duplicated: [], unreadable: [] };
  const lines = body.split('\n');
  lines.forEach((line, k) => {
    if (line.trim() === '') return;
    // Each line is hashed as written; it is parsed only to learn which item it is.
    let id: unknown;
    try {
      id = (JSON.parse(line) as { id?: unknown })?.id;
    } catch (error) {
      out.unreadable.push({ place: `${file} line ${k + 2}`, message: (error as Error).message });
      return;
    }
    if (typeof id !== 'string') {
      out.unreadable.push({ place: `${file} line ${k + 2}`, message: 'no "id"' });
      return;
    }
    if (out.hashes.has(id)) out.duplicated.push(id);
    out.hashes.set(id, sha256Hex(line));
  });
  return out;
}

/**
 * The fast path of a pinned JSONL export: its lines are in manifest order, so line k must hash to item
 * k. True when every line does (nothing needs parsing); false sends the caller to the item-by-item path.
 */
function jsonlMatchesInOrder(body: string, record: ReleaseRecord): boolean {
  const lines = body.endsWith('\n') ? body.slice(0, -1).split('\n') : body.split('\n');
  const items = record.manifest.items;
  if (lines.length !== items.length || (lines.length === 1 && lines[0] === '')) return items.length === 0 && lines.join('') === '';
  for (let k = 0; k < items.length; k++) if (sha256Hex(lines[k]) !== items[k][3]) return false;
  return true;
}

function hashCsv(text: string, file: string, rows: [string, number][]): Hashed {
  const out: Hashed = { hashes: new Map(), duplicated: [], unreadable: [] };
  const table = parseCsvTable(text, { file, required: [...MEDCALC_COLUMNS] });
  if (table.rows.length !== rows.length) {
    out.unreadable.push({ place: file, message: `${table.rows.length} rows, but the sidecar lists ${rows.length}` });
  }
  for (const [k, { cells, row, line }] of table.rows.entries()) {
    // Rows pair with the sidecar by position: Row Numbers need not be unique across splits.
    const expected = rows[k];
    if (!expected || String(expected[1]) !== cells['Row Number']) {
      out.unreadable.push({ place: `${file} row ${row} (line ${line})`, message: `Row Number ${cells['Row Number']} is not the sidecar's row ${k + 1}` });
      continue;
    }
    const id = expected[0];
    if (out.hashes.has(id)) out.duplicated.push(id);
    out.hashes.set(id, csvCellsHash(MEDCALC_COLUMNS.map((c) => cells[c])));
  }
  return out;
}

function emptyReport(file: string, format: VerifyReport['format'], record: ReleaseRecord): VerifyReport {
  return { file, format, version: record.version, root: record.manifest.root, items: 0, ok: false, changed: [], missing: [], unexpected: [], duplicated: [], unreadable: [] };
}

function compare(file: string, format: VerifyReport['format'], record: ReleaseRecord, got: Hashed): VerifyReport {
  const column = format === 'jsonl' ? 3 : 2;
  const expected = new Map(record.manifest.items.map((i) => [i[0], i[column]]));
  const changed: string[] = [];
  for (const [id, hash] of got.hashes) if (expected.has(id) && expected.get(id) !== hash) changed.push(id);
  const missing = [...expected.keys()].filter((id) => !got.hashes.has(id));
  const unexpected = [...got.hashes.keys()].filter((id) => !expected.has(id));
  const ok = !changed.length && !missing.length && !unexpected.length && !got.duplicated.length && !got.unreadable.length;
  return { file, format, version: record.version, root: record.manifest.root, items: got.hashes.size, ok, changed, missing, unexpected, duplicated: got.duplicated, unreadable: got.unreadable };
}
