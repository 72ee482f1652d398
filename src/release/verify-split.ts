import { open, readFile } from 'node:fs/promises';
import { inputError } from '../errors/index.js';
import { splitRootOf, type SplitSidecar } from '../exporters/split-export.js';
import { openRepo, readFileTextsAt } from '../git/index.js';
import { parseCsvTable } from '../core/csv.js';
import { MEDCALC_COLUMNS } from '../core/medcalc-columns.js';
import { sha256Hex } from '../store/canonical.js';
import { parseLabelPath } from '../store/paths.js';
import { readRecordAtTag } from './record-reads.js';
import { csvCellsHash } from './manifest.js';
import { type ReadReleaseRecord, parseReleaseRecord } from './record.js';
import { type VerifyOptions, type VerifyReport, verdictOf } from './verify-export.js';

export interface SplitVerifyReport extends VerifyReport {
  split: string;
  splitRoot: string;
  /**
   * Whether the split's membership was checked against the release's tree (every item of the split at
   * the tag is in the file): only with a repository; with a release record alone it cannot be.
   */
  membership: 'checked' | 'unchecked (no repository: the record does not say which items a split has)';
  /** Sidecar entries whose hash is not the release's: a sidecar edited to match an edited export. */
  sidecarMismatch: string[];
}

/**
 * The sidecar of a split export, or null when `file` is not one (no sidecar, or one without a split).
 * `seen.json` is given the sidecar as parsed, whichever it is: verifyExport then need not parse it again
 * (at 1M labels it is 39 MB of JSON).
 */
export async function readSplitSidecar(file: string, seen: { json?: unknown } = {}): Promise<SplitSidecar | null> {
  const sidecarFile = `${file}.manifest.json`;
  const text = await readFile(sidecarFile, 'utf8').catch(() => null);
  if (text === null) {
    // A split's JSONL names its split in the header line: without the sidecar its item list is lost.
    const head = await firstBytes(file, 64 * 1024);
    const line = head.slice(0, head.indexOf('\n') === -1 ? head.length : head.indexOf('\n'));
    if (line.startsWith('# ') && /"split":/.test(line)) {
      throw inputError(
        'SIDECAR_MISSING',
        `${file} is an export of one split; verify needs its sidecar ${sidecarFile} beside it`,
        { file: sidecarFile },
      );
    }
    return null;
  }
  let json: SplitSidecar;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw inputError('BAD_EXPORT_HEADER', `${sidecarFile}: invalid JSON: ${(error as Error).message}`, {
      file: sidecarFile,
    });
  }
  seen.json = json;
  if (json?.steward !== 'medcalc-steward' || json.split === undefined) return null;
  const pairs = (v: unknown) =>
    Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string');
  if (
    typeof json.split !== 'string' ||
    typeof json.version !== 'string' ||
    typeof json.root !== 'string' ||
    !pairs(json.items) ||
    (json.format === 'medcalc-csv' && !pairs(json.rows))
  ) {
    throw inputError(
      'BAD_EXPORT_HEADER',
      `${sidecarFile}: not a split export sidecar (needs split, version, root, ` +
        `items${json.format === 'medcalc-csv' ? ', rows' : ''})`,
      { file: sidecarFile },
    );
  }
  return json;
}

/**
 * Verifies a pinned export of one split: the file's rows or lines hash to the release manifest's entries
 * for the split's items, each present once; the sidecar agrees with the manifest; and, with the
 * repository, the split has exactly the items the release's tree has under labels/<split>/.
 */
export async function verifySplitExport(options: VerifyOptions, sidecar: SplitSidecar): Promise<SplitVerifyReport> {
  const { record, tagCommit } = await releaseFor(options, sidecar);
  const column = sidecar.format === 'jsonl' ? 3 : 2;
  const items = record.manifest.items;
  // The release's hash of a split item by id (the split's own few, looked up in the whole manifest).
  const manifest = {
    has: (id: string) => items.has(id),
    get: (id: string) => items.hashOf(id, column),
  };
  const sidecarMismatch = sidecar.items.filter(([id, hash]) => manifest.get(id) !== hash).map(([id]) => id);
  let expectedIds = sidecar.items.map(([id]) => id);
  let membership: SplitVerifyReport['membership'] =
    'unchecked (no repository: the record does not say which items a split has)';
  if (tagCommit) {
    const repo = await openRepo({ dir: options.dir ?? '.' });
    const paths = await readFileTextsAt(repo, { ref: tagCommit, prefix: `labels/${sidecar.split}` });
    expectedIds = [...paths.keys()].map((p) => parseLabelPath(p)?.id).filter((id): id is string => id !== undefined);
    membership = 'checked';
  }
  const text = await readFile(options.file, 'utf8').catch(() => {
    throw inputError('FILE_NOT_READABLE', `${options.file}: cannot be read`, { file: options.file });
  });
  const got =
    sidecar.format === 'jsonl'
      ? hashJsonlBody(text, options.file)
      : hashCsvRows(text, options.file, sidecar.rows ?? []);
  const changed: string[] = [];
  for (const [id, hash] of got.hashes) if (manifest.has(id) && manifest.get(id) !== hash) changed.push(id);
  const expected = new Set(expectedIds);
  const missing = expectedIds.filter((id) => !got.hashes.has(id));
  const unexpected = [...got.hashes.keys()].filter((id) => !expected.has(id) || !manifest.has(id));
  const splitRoot = splitRootOf(expectedIds.filter((id) => manifest.has(id)).map((id) => [id, manifest.get(id)!]));
  if (splitRoot !== sidecar.splitRoot)
    got.unreadable.push({
      place: `${options.file}.manifest.json`,
      message: `splitRoot ${sidecar.splitRoot} is not the release's ${splitRoot}`,
    });
  const report = verdictOf(
    options.file,
    sidecar.format,
    record,
    { ...got, items: got.hashes.size },
    { changed, missing, unexpected },
    sidecarMismatch.length,
  );
  return {
    ...report,
    split: sidecar.split,
    splitRoot,
    membership,
    sidecarMismatch,
  };
}

async function releaseFor(
  options: VerifyOptions,
  sidecar: SplitSidecar,
): Promise<{ record: ReadReleaseRecord; tagCommit: string | null }> {
  const version = (options.version ?? sidecar.version).replace(/^v/, '');
  if (version !== sidecar.version)
    throw inputError('VERSION_MISMATCH', `${options.file} is an export of ${sidecar.version}, not ${version}`, {
      file: options.file,
    });
  let record: ReadReleaseRecord;
  let tagCommit: string | null = null;
  if (options.releaseFile) {
    const bytes = await readFile(options.releaseFile).catch(() => {
      throw inputError('FILE_NOT_READABLE', `${options.releaseFile}: cannot be read`, { file: options.releaseFile });
    });
    record = parseReleaseRecord(bytes, options.releaseFile);
    if (record.version !== version)
      throw inputError('VERSION_MISMATCH', `${options.releaseFile} is release ${record.version}, not ${version}`, {});
  } else {
    const found = await (options.readRecord ?? readRecordAtTag)(options.dir ?? '.', version);
    record = found.record;
    tagCommit = found.commit;
  }
  if (sidecar.root !== record.manifest.root) {
    throw inputError(
      'ROOT_MISMATCH',
      `${options.file} claims root ${sidecar.root}, release ${record.version} has ${record.manifest.root}`,
      { file: options.file },
    );
  }
  return { record, tagCommit };
}

type Hashed = { hashes: Map<string, string>; duplicated: string[]; unreadable: VerifyReport['unreadable'] };

function hashJsonlBody(text: string, file: string): Hashed {
  const out: Hashed = { hashes: new Map(), duplicated: [], unreadable: [] };
  const lines = text.split('\n');
  if (!lines[0]?.startsWith('# ')) out.unreadable.push({ place: `${file} line 1`, message: 'no "# {…}" header line' });
  lines.forEach((line, k) => {
    if (k === 0 || line === '') return;
    let id: unknown;
    try {
      id = (JSON.parse(line) as { id?: unknown })?.id;
    } catch (error) {
      out.unreadable.push({ place: `${file} line ${k + 1}`, message: (error as Error).message });
      return;
    }
    if (typeof id !== 'string') {
      out.unreadable.push({ place: `${file} line ${k + 1}`, message: 'no "id"' });
      return;
    }
    if (out.hashes.has(id)) out.duplicated.push(id);
    out.hashes.set(id, sha256Hex(line));
  });
  return out;
}

function hashCsvRows(text: string, file: string, rows: [string, number][]): Hashed {
  const out: Hashed = { hashes: new Map(), duplicated: [], unreadable: [] };
  const table = parseCsvTable(text, { file, required: [...MEDCALC_COLUMNS] });
  if (table.rows.length !== rows.length)
    out.unreadable.push({ place: file, message: `${table.rows.length} rows, but the sidecar lists ${rows.length}` });
  for (const [k, { cells, row, line }] of table.rows.entries()) {
    const expected = rows[k];
    if (!expected || String(expected[1]) !== cells['Row Number']) {
      out.unreadable.push({
        place: `${file} row ${row} (line ${line})`,
        message: `Row Number ${cells['Row Number']} is not the sidecar's row ${k + 1}`,
      });
      continue;
    }
    if (out.hashes.has(expected[0])) out.duplicated.push(expected[0]);
    out.hashes.set(expected[0], csvCellsHash(MEDCALC_COLUMNS.map((c) => cells[c])));
  }
  return out;
}

/**
 * The first `n` bytes of a file as text ('' when it cannot be read): a whole export is not read to look at its header.
 */
async function firstBytes(file: string, n: number): Promise<string> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return '';
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}
