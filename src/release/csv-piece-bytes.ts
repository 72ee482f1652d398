import { inputError } from '../errors/index.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The records of one piece of a CSV file as byte ranges: parseCsv's reading of the piece's bytes as a
 * latin1 text (one character a byte, as csvRows' fieldBytes reads them), with the same errors and
 * places, but no string made. Field f is bytes [start[f], end[f]) of the piece; a quoted field's range is
 * its content between the quotes, and `pairs[f]` says how many doubled quotes it holds ("" reads as ").
 * Record r is fields [first[r], first[r + 1]), starting on line `line[r]`. Reused piece after piece.
 */
export class PieceRecords {
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  pairs = new Int32Array(1024);
  fields = 0;
  first = new Int32Array(128);
  line = new Int32Array(128);
  records = 0;

  /** Reads `bytes` (a piece that starts a record, its first line `firstLine`), replacing what was read before. */
  read(bytes: Uint8Array, file: string, firstLine: number): void {
    this.fields = 0;
    this.records = 0;
    const n = bytes.length;
    let i = 0; // a latin1 text never starts with U+FEFF: parseCsv skips no BOM here
    let line = firstLine;
    while (i < n) {
      const startLine = line;
      const first = this.fields;
      for (;;) {
        if (bytes[i] === QUOTE) {
          const quoteLine = line;
          const start = ++i;
          let pairs = 0;
          for (;;) {
            const q = bytes.indexOf(QUOTE, i);
            if (q === -1) {
              throw inputError('CSV_UNTERMINATED_QUOTE', `${file}: line ${quoteLine}: quoted field is never closed`, {
                file,
                line: quoteLine,
              });
            }
            line += countLineFeeds(bytes, i, q);
            if (bytes[q + 1] === QUOTE) {
              pairs++;
              i = q + 2;
              continue;
            }
            this.push(start, q, pairs);
            i = q + 1;
            break;
          }
          const next = bytes[i];
          if (i < n && next !== COMMA && next !== LF && next !== CR) {
            throw inputError('CSV_TEXT_AFTER_QUOTE', `${file}: line ${line}: unexpected text after a closing quote`, {
              file,
              line,
            });
          }
        } else {
          let j = i;
          while (j < n) {
            const c = bytes[j];
            if (c === COMMA || c === LF || c === CR) break;
            if (c === QUOTE)
              throw inputError('CSV_STRAY_QUOTE', `${file}: line ${line}: a quote inside an unquoted field`, {
                file,
                line,
              });
            j++;
          }
          this.push(i, j, 0);
          i = j;
        }
        if (bytes[i] === COMMA) {
          i++;
          continue;
        }
        break;
      }
      if (bytes[i] === CR) i++;
      if (bytes[i] === LF) i++;
      line++;
      // A blank line (one empty field) is not a record.
      if (this.fields - first === 1 && this.end[first] === this.start[first]) this.fields = first;
      else this.pushRecord(first, startLine);
    }
    this.pushRecord(this.fields, line); // the end of the last record
    this.records--;
  }

  /** Field f's bytes with doubled quotes read as one (a view of `bytes` when it has none). */
  field(bytes: Buffer, f: number): Buffer {
    const start = this.start[f];
    const end = this.end[f];
    if (!this.pairs[f]) return bytes.subarray(start, end);
    const out = Buffer.allocUnsafe(end - start);
    let used = 0;
    for (let from = start; ; ) {
      const q = bytes.indexOf(QUOTE, from);
      if (q === -1 || q >= end) {
        used += bytes.copy(out, used, from, end);
        return out.subarray(0, used);
      }
      used += bytes.copy(out, used, from, q + 1); // the first quote of the pair is kept, the second skipped
      from = q + 2;
    }
  }

  private push(start: number, end: number, pairs: number): void {
    if (this.fields === this.start.length) {
      this.start = grown(this.start);
      this.end = grown(this.end);
      this.pairs = grown(this.pairs);
    }
    this.start[this.fields] = start;
    this.end[this.fields] = end;
    this.pairs[this.fields++] = pairs;
  }

  private pushRecord(first: number, line: number): void {
    if (this.records === this.first.length) {
      this.first = grown(this.first);
      this.line = grown(this.line);
    }
    this.first[this.records] = first;
    this.line[this.records++] = line;
  }
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(2 * a.length);
  larger.set(a);
  return larger;
}

/** How many line feeds bytes [from, to) hold. */
export function countLineFeeds(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let k = bytes.indexOf(LF, from); k !== -1 && k < to; k = bytes.indexOf(LF, k + 1)) count++;
  return count;
}
