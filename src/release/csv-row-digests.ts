import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { inputError } from '../errors/index.js';
import { checkHeader } from './csv-stream.js';
import { PieceRecords, countLineFeeds } from './csv-piece-bytes.js';

const QUOTE = 0x22;
const LF = 0x0a;

/** One data row of a CSV: the key column's cell (its UTF-8 bytes one character a byte), its place, its digest. */
export type RowVisitor = (key: string, row: number, line: number, digest: Buffer) => void;

/**
 * The data rows of a CSV file, each with csvCellsHashBytes of the `hashed` columns' cells (in that order),
 * read and hashed as bytes: what csvRows (fieldBytes 'latin1') and csvCellsHashBytes give, with the
 * same errors and places, but no string made per cell (a 1M-row MedCalc CSV is 3.7 GB). The file is cut
 * into the pieces csvRows cuts (after the last newline of each chunk with an even number of quotes
 * before it), so even a malformed file's lines are counted as there. `key` is given as csvRows gives it.
 */
export interface CsvDigestOptions {
  required: readonly string[];
  hashed: readonly string[];
  key: string;
  chunkBytes?: number;
}

export async function csvRowDigests(file: string, options: CsvDigestOptions, visit: RowVisitor): Promise<void> {
  const chunkBytes = options.chunkBytes ?? 4 * 2 ** 20;
  const records = new PieceRecords();
  const cells = new RowHasher();
  let columns: number[] | undefined; // the hashed columns' places in the header
  let keyAt = -1;
  let width = 0; // the header's field count
  let row = 0;
  let line = 1;
  const piece = (bytes: Buffer): void => {
    records.read(bytes, file, line);
    line += countLineFeeds(bytes, 0, bytes.length);
    for (let r = 0; r < records.records; r++) {
      const first = records.first[r];
      const count = records.first[r + 1] - first;
      if (!columns) {
        const header = Array.from({ length: count }, (_, f) =>
          records
            .field(bytes, first + f)
            .toString('utf8')
            .trim(),
        );
        checkHeader(header, file, [...options.required]);
        columns = options.hashed.map((name) => header.indexOf(name));
        keyAt = header.indexOf(options.key);
        width = count;
        continue;
      }
      row++;
      if (count !== width) {
        const at = records.line[r];
        throw inputError(
          'CSV_COLUMN_COUNT',
          `${file}: row ${row} (line ${at}) has ${count} fields, the header has ${width}`,
          { file, row, line: at, fields: count, expected: width },
        );
      }
      cells.reset(bytes);
      for (const at of columns) cells.add(bytes, records, first + at);
      const key = first + keyAt;
      const keyText = records.pairs[key]
        ? records.field(bytes, key).toString('latin1')
        : bytes.toString('latin1', records.start[key], records.end[key]);
      visit(keyText, row, records.line[r], cells.digest());
    }
  };
  const handle = await open(file, 'r');
  try {
    // The unfinished piece is kept at the buffer's front and the next chunk read after it: a piece is
    // one run of bytes, never concatenated. Chunks are read at the offsets csvRows reads them.
    let buffer = Buffer.allocUnsafeSlow(2 * chunkBytes);
    let carried = 0;
    let quotesOdd = false;
    for (;;) {
      if (buffer.length - carried < chunkBytes) {
        const larger = Buffer.allocUnsafeSlow(2 * (carried + chunkBytes));
        buffer.copy(larger, 0, 0, carried);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, carried, chunkBytes, null);
      if (bytesRead === 0) break;
      const end = carried + bytesRead;
      let cut = -1; // the last newline in the chunk with an even number of quotes before it
      let q = buffer.indexOf(QUOTE, carried);
      for (let n = buffer.indexOf(LF, carried); n !== -1 && n < end; n = buffer.indexOf(LF, n + 1)) {
        for (; q !== -1 && q < n; q = buffer.indexOf(QUOTE, q + 1)) quotesOdd = !quotesOdd;
        if (!quotesOdd) cut = n;
      }
      for (; q !== -1 && q < end; q = buffer.indexOf(QUOTE, q + 1)) quotesOdd = !quotesOdd;
      if (cut === -1) {
        carried = end;
        continue;
      }
      piece(buffer.subarray(0, cut + 1));
      carried = buffer.copy(buffer, 0, cut + 1, end);
    }
    if (carried > 0) piece(buffer.subarray(0, carried));
  } finally {
    await handle.close();
  }
  if (!columns) throw inputError('CSV_EMPTY', `${file}: the file is empty`, { file });
}

/**
 * csvCellsHashBytes of one row's cells given as byte ranges of a piece: each cell length-prefixed by its
 * length in UTF-16 units, the cells joined by "|", hashed. A cell that is valid UTF-8 is its own bytes
 * (decoding and encoding it again gives them back), so only its UTF-16 length is counted; one that is
 * not is decoded (each bad sequence read as U+FFFD) and written again, as the string path does.
 */
class RowHasher {
  private text = Buffer.allocUnsafeSlow(2 ** 16);
  private used = 0;
  private cells = 0;
  /** The piece as 32-bit words, for utf16Length (made once per piece buffer). */
  private words: Int32Array = new Int32Array(0);

  /** Starts a row of `bytes`, a piece that begins at a 4-byte boundary of its ArrayBuffer (see csvRowDigests). */
  reset(bytes: Buffer): void {
    if (this.words.buffer !== bytes.buffer || this.words.byteOffset !== bytes.byteOffset)
      this.words =
        bytes.byteOffset % 4 === 0 // else no words: utf16Length reads byte by byte
          ? new Int32Array(bytes.buffer, bytes.byteOffset, (bytes.buffer.byteLength - bytes.byteOffset) >> 2)
          : new Int32Array(0);
    this.used = 0;
    this.cells = 0;
  }

  /** Field f of the piece's records. */
  add(bytes: Buffer, records: PieceRecords, f: number): void {
    const start = records.start[f];
    const end = records.end[f];
    const pairs = records.pairs[f];
    let length = utf16Length(bytes, this.words, start, end);
    if (length < 0) {
      const cell = records.field(bytes, f);
      if (!isUtf8(cell)) {
        const text = cell.toString('utf8');
        this.write(text.length, Buffer.from(text, 'utf8'), 0, -1, 0);
        return;
      }
      length = -1 - length;
    }
    this.write(length - pairs, bytes, start, end, pairs);
  }

  digest(): Buffer {
    return hash('sha256', this.text.subarray(0, this.used), 'buffer');
  }

  /** Writes a cell's prefix ("|" between cells, its length, ":") and bytes [start, end) with `pairs` "" read as ". */
  private write(length: number, bytes: Buffer, start: number, end: number, pairs: number): void {
    if (end === -1) end = bytes.length;
    if (this.used + 12 + end - start > this.text.length) {
      const larger = Buffer.allocUnsafeSlow(2 * (this.used + 12 + end - start));
      this.text.copy(larger, 0, 0, this.used);
      this.text = larger;
    }
    const text = this.text;
    let used = this.used;
    if (this.cells++) text[used++] = 0x7c; // |
    // The decimal digits of the length, as `${length}` writes them.
    let digits = 1;
    for (let rest = length; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    for (let at = used + digits - 1, rest = length; at >= used; at--, rest = Math.floor(rest / 10))
      text[at] = 0x30 + (rest % 10);
    used += digits;
    text[used++] = 0x3a; // :
    if (pairs === 0) {
      // A native copy costs more than a short loop.
      if (end - start < 32) for (let i = start; i < end; i++) text[used++] = bytes[i];
      else used += bytes.copy(text, used, start, end);
    } else
      for (let from = start; ; ) {
        const q = bytes.indexOf(QUOTE, from);
        if (q === -1 || q >= end) {
          used += bytes.copy(text, used, from, end);
          break;
        }
        used += bytes.copy(text, used, from, q + 1); // the first quote of the pair is kept, the second skipped
        from = q + 2;
      }
    this.used = used;
  }
}

/**
 * The UTF-16 length of bytes [start, end) read as UTF-8, assumed valid: the bytes that start a character
 * (all but 10xxxxxx) plus one for each 4-byte one (a surrogate pair). Returned as is for ASCII, as
 * -1 - length when some byte is not (the caller checks validity then). `words` views the same bytes four
 * at a time: most cells are ASCII with a few accents or symbols, and a word without a high bit is skipped.
 */
export function utf16Length(bytes: Uint8Array, words: Int32Array, start: number, end: number): number {
  let length = end - start;
  let high = false;
  let i = start;
  const wordsFrom = (start + 3) >> 2;
  const wordsTo = Math.min(end >> 2, words.length);
  if (wordsFrom < wordsTo) {
    for (; i < wordsFrom << 2; i++) {
      const b = bytes[i];
      if (b >= 0x80) {
        high = true;
        if (b < 0xc0) length--;
        else if (b >= 0xf0) length++;
      }
    }
    for (let w = wordsFrom; w < wordsTo; w++) {
      if ((words[w] & 0x80808080) === 0) continue;
      high = true;
      for (let j = w << 2, stop = j + 4; j < stop; j++) {
        const b = bytes[j];
        if (b >= 0x80) {
          if (b < 0xc0) length--;
          else if (b >= 0xf0) length++;
        }
      }
    }
    i = wordsTo << 2;
  }
  for (; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x80) {
      high = true;
      if (b < 0xc0) length--;
      else if (b >= 0xf0) length++;
    }
  }
  return high ? -1 - length : length;
}
