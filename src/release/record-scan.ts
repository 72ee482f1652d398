import { createHash } from 'node:crypto';
import {
  BACKSLASH,
  CLOSE_ARRAY,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  skipSpace,
  skipString,
  skipValue,
  walkObject,
} from './json-bytes.js';
import { HASH_BYTES, ManifestIndex } from './manifest-index.js';

/**
 * The manifest items of a release record read straight from its bytes: at 1M labels they are 226 MB of
 * JSON that JSON.parse would make into ~1.2 GB of arrays and strings. The rest of the record is small
 * and goes to JSON.parse as usual (with `[]` in the items' place). Each item is read by a strict scanner
 * for the shape the record has (["<id>", "<64 hex>", "<64 hex>", "<64 hex>"], JSON whitespace anywhere);
 * whatever does not fit is then looked at alone to say what is wrong and where (a JSON pointer).
 */
export interface ScannedRecord {
  /** The record's text with the items array replaced by `[]`, or the whole text when it has none to scan. */
  rest: string;
  /** Null when the record has no `manifest.items` array (the schema check of `rest` says so). */
  items: { index: ManifestIndex; root: string } | null;
}

const ITEMS = '/manifest/items';

/** Nibble values of lowercase hex digits; -1 for every other byte (uppercase too: the schema asks for lowercase). */
const NIBBLE = new Int8Array(256).fill(-1);
for (let d = 0; d < 16; d++) NIBBLE['0123456789abcdef'.charCodeAt(d)] = d;

/** Bytes an item takes at least: `["",` + three `"<64 hex>"` + two commas + `]` and a comma after it. */
const MIN_ITEM_BYTES = 206;

/** A malformed record, found before any value of it is used: to be reported with its place (see parseReleaseRecord). */
export class RecordProblem extends Error {
  constructor(
    readonly kind: 'json' | 'schema',
    readonly pointer: string,
    readonly why: string,
    readonly offset?: number,
  ) {
    super(why);
  }
}

export function scanReleaseRecord(bytes: Buffer): ScannedRecord {
  const found = locateItems(bytes);
  if (found === null) return { rest: bytes.toString('utf8'), items: null };
  const { start, end, index, root } = found;
  return {
    rest: bytes.toString('utf8', 0, start) + '[]' + bytes.toString('utf8', end),
    items: { index, root },
  };
}

type Located = { start: number; end: number; index: ManifestIndex; root: string };

/** Where the record's manifest.items array is, read into an index; null when there is none to read. */
function locateItems(bytes: Buffer): Located | null {
  const top = skipSpace(bytes, 0);
  if (bytes[top] !== OPEN_OBJECT) return null;
  let found: Located | null = null;
  let manifests = 0;
  let itemArrays = 0;
  const walked = walkObject(bytes, top, (key, at) => {
    if (key !== 'manifest') return undefined;
    manifests++;
    if (bytes[at] !== OPEN_OBJECT) return undefined;
    return walkObject(bytes, at, (inner, valueAt) => {
      if (inner !== 'items') return undefined;
      itemArrays++;
      if (bytes[valueAt] !== OPEN_ARRAY) return undefined;
      const scanned = scanItems(bytes, valueAt);
      found = { start: valueAt, end: scanned.end, index: scanned.index, root: scanned.root };
      return scanned.end;
    });
  });
  if (walked === -1) return null;
  // JSON.parse keeps the last of two equal keys: a record with two manifests (or two item lists) would
  // be checked against one and used with another. The tool never writes one.
  if (manifests > 1) throw new RecordProblem('schema', '', 'the record has "manifest" twice');
  if (itemArrays > 1) throw new RecordProblem('schema', '/manifest', 'the manifest has "items" twice');
  return found;
}

/**
 * Reads the items array at `at` ('['): ids into one string table (checked sorted and unique), hashes as
 * raw bytes, and the root hash over their lines as rootHash computes it, all in one pass.
 */
function scanItems(bytes: Buffer, at: number): { end: number; index: ManifestIndex; root: string } {
  const most = Math.floor((bytes.length - at) / MIN_ITEM_BYTES) + 1;
  const starts = new Uint32Array(most + 1);
  const columns = [0, 1, 2].map(() => Buffer.allocUnsafe(most * HASH_BYTES)) as [Buffer, Buffer, Buffer];
  // Ids joined 65,536 at a time, so a million short strings never live at once (one table at the end).
  const tableParts: string[] = [];
  let ids: string[] = [];
  const root = new RootHasher();
  let length = 0;
  let previous = '';
  let k = 0;
  let p = skipSpace(bytes, at + 1);
  if (bytes[p] === CLOSE_ARRAY) p++;
  else
    for (;;) {
      const itemAt = p;
      const fail = (offset: number): never => diagnoseItem(bytes, itemAt, offset, k);
      if (bytes[p] !== OPEN_ARRAY) fail(p);
      p = skipSpace(bytes, p + 1);
      if (bytes[p] !== QUOTE) fail(p);
      const { id, after } = readId(bytes, p) ?? fail(p);
      if (k > 0 && !(previous < id)) {
        const why =
          previous === id
            ? `duplicate id ${JSON.stringify(id)} (item ${k - 1} has it too)`
            : `id ${JSON.stringify(id)} is out of order: items are sorted by id, and item ${k - 1} is ` +
              JSON.stringify(previous);
        throw new RecordProblem('schema', `${ITEMS}/${k}/0`, why, itemAt);
      }
      root.id(id);
      p = skipSpace(bytes, after);
      for (let c = 0; c < 3; c++) {
        if (bytes[p] !== COMMA) fail(p);
        p = skipSpace(bytes, p + 1);
        if (bytes[p] !== QUOTE || bytes[p + 65] !== QUOTE || !decodeHex(bytes, p + 1, columns[c], k * HASH_BYTES))
          fail(p);
        root.hash(bytes, p + 1);
        p = skipSpace(bytes, p + 66);
      }
      if (bytes[p] !== CLOSE_ARRAY) fail(p);
      root.endLine();
      if (ids.push(id) === 65_536) {
        tableParts.push(ids.join(''));
        ids = [];
      }
      length += id.length;
      starts[++k] = length;
      previous = id;
      p = skipSpace(bytes, p + 1);
      if (bytes[p] === CLOSE_ARRAY) {
        p++;
        break;
      }
      if (bytes[p] !== COMMA) throw new RecordProblem('json', `${ITEMS}/${k}`, 'expected "," or "]" after an item', p);
      p = skipSpace(bytes, p + 1);
    }
  tableParts.push(ids.join(''));
  const index = new ManifestIndex(k, tableParts.join(''), starts, columns);
  return { end: p, index, root: root.digest() };
}

/** The id string at `at` (a quote) and the position after it; null when it is not a JSON string. */
function readId(bytes: Buffer, at: number): { id: string; after: number } | null {
  const end = bytes.indexOf(QUOTE, at + 1);
  if (end === -1) return null;
  let plain = true;
  for (let p = at + 1; p < end; p++) {
    const b = bytes[p];
    if (b === BACKSLASH || b < 0x20) {
      plain = false;
      break;
    }
  }
  if (plain) return { id: bytes.toString('utf8', at + 1, end), after: end + 1 };
  // Escapes (rare in ids): JSON.parse reads the string, as it would have in the whole record.
  const after = skipString(bytes, at);
  if (after === -1) return null;
  try {
    const id = JSON.parse(bytes.toString('utf8', at, after));
    return typeof id === 'string' ? { id, after } : null;
  } catch {
    return null;
  }
}

/** Decodes 64 lowercase hex digits at `at` into 32 bytes of `into` at `to`; false when they are not that. */
function decodeHex(bytes: Buffer, at: number, into: Buffer, to: number): boolean {
  for (let i = 0; i < HASH_BYTES; i++) {
    const high = NIBBLE[bytes[at + 2 * i]];
    const low = NIBBLE[bytes[at + 2 * i + 1]];
    if ((high | low) < 0) return false;
    into[to + i] = (high << 4) | low;
  }
  return true;
}

/** rootHash's sha256 over "<id> <label> <csv> <jsonl>\n" per item, fed from the record's own hex digits. */
class RootHasher {
  private readonly sha = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(2 ** 20);
  private used = 0;

  id(id: string): void {
    // An id as a JS string writes as its UTF-8 (what hashing the line's text does), at most 3 bytes a unit.
    if (this.used + 3 * id.length + 256 > this.buffer.length) this.flush();
    if (3 * id.length + 256 > this.buffer.length) {
      this.sha.update(id);
      return;
    }
    this.used += this.buffer.write(id, this.used, 'utf8');
  }

  hash(bytes: Buffer, at: number): void {
    this.buffer[this.used++] = 0x20;
    this.used += bytes.copy(this.buffer, this.used, at, at + 64);
  }

  endLine(): void {
    this.buffer[this.used++] = 0x0a;
  }

  digest(): string {
    this.flush();
    return 'sha256:' + this.sha.digest('hex');
  }

  private flush(): void {
    this.sha.update(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

/**
 * Item k (at `itemAt`) did not fit the scanner at `offset`: says why, from the item alone. Broken JSON
 * is a 'json' problem; valid JSON of the wrong shape a 'schema' one, with the pointer of the bad entry.
 */
function diagnoseItem(bytes: Buffer, itemAt: number, offset: number, k: number): never {
  const end = skipValue(bytes, itemAt);
  let value: unknown;
  try {
    if (end === -1) throw new Error('the item does not end');
    value = JSON.parse(bytes.toString('utf8', itemAt, end));
  } catch (error) {
    throw new RecordProblem('json', `${ITEMS}/${k}`, (error as Error).message, offset);
  }
  const shape = 'must be [id, label hash, CSV row hash, JSONL line hash]';
  if (!Array.isArray(value))
    throw new RecordProblem('schema', `${ITEMS}/${k}`, `${shape}, not ${typeof value}`, itemAt);
  if (value.length !== 4)
    throw new RecordProblem('schema', `${ITEMS}/${k}`, `${shape}: it has ${value.length} entries`, itemAt);
  if (typeof value[0] !== 'string') throw new RecordProblem('schema', `${ITEMS}/${k}/0`, 'must be string', itemAt);
  for (let c = 1; c < 4; c++) {
    if (typeof value[c] !== 'string' || !/^[0-9a-f]{64}$/.test(value[c]))
      throw new RecordProblem(
        'schema',
        `${ITEMS}/${k}/${c}`,
        'must be a sha256 digest (64 lowercase hex digits)',
        itemAt,
      );
  }
  throw new RecordProblem('json', `${ITEMS}/${k}`, 'unexpected text in the item', offset);
}
