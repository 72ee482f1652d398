import { MEDCALC_COLUMNS } from '../core/medcalc-columns.js';
import type { ExportTally } from './export-tally.js';
import { HASH_BYTES } from './manifest-index.js';

/**
 * The CSV's rows hashed as they are read (see csvRowDigests), each paired by position with the sidecar's
 * item: row k's digest is kept until the record is read (32 bytes a row), with the places that could not
 * be paired, to be told to the tally in the order they were found.
 */
export async function hashCsv(file: string, rows: [string, number][]): Promise<CsvRowsRead> {
  // On this thread: a helper thread reading and hashing the file measured no faster at 100k (2026-12-03).
  const { csvRowDigests } = await import('./csv-row-digests.js');
  const read = new CsvRowsRead();
  const columns = [...MEDCALC_COLUMNS];
  await csvRowDigests(file, { required: columns, hashed: columns, key: columns[0] }, (rowNumber, row, line, digest) => {
    const k = read.count++;
    // Rows pair with the sidecar by position: Row Numbers need not be unique across splits.
    const expected = rows[k];
    if (!expected || String(expected[1]) !== rowNumber) {
      read.unreadable.push({
        place: `${file} row ${row} (line ${line})`,
        message: `Row Number ${rowNumber} is not the sidecar's row ${k + 1}`,
      });
      return;
    }
    read.paired(k, digest);
  });
  if (read.count !== rows.length)
    read.unreadable.unshift({ place: file, message: `${read.count} rows, but the sidecar lists ${rows.length}` });
  return read;
}

/** What hashCsv found, before the manifest is known: the digests of the rows paired with the sidecar. */
export class CsvRowsRead {
  count = 0;
  readonly unreadable: { place: string; message: string }[] = [];
  private digests = Buffer.allocUnsafe(HASH_BYTES * 4096);
  private pairedRows = new Uint8Array(4096);

  paired(k: number, digest: Buffer): void {
    while (k >= this.pairedRows.length) {
      const rows = new Uint8Array(2 * this.pairedRows.length);
      rows.set(this.pairedRows);
      this.pairedRows = rows;
      const digests = Buffer.allocUnsafe(2 * this.digests.length);
      this.digests.copy(digests);
      this.digests = digests;
    }
    this.pairedRows[k] = 1;
    digest.copy(this.digests, k * HASH_BYTES);
  }

  /** The tally of these rows as it would be told them one by one: items in row order, then the unreadable. */
  tallyInto(tally: ExportTally, rows: [string, number][]): void {
    for (let k = 0; k < this.count; k++)
      if (this.pairedRows[k]) tally.add(rows[k][0], this.digests.subarray(k * HASH_BYTES, (k + 1) * HASH_BYTES));
    tally.reading.unreadable.push(...this.unreadable);
  }
}
