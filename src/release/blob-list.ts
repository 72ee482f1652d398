import type { BlobRef } from '../git/index.js';

/**
 * Blobs to read in order, held as two string tables (blob ids, paths) instead of an object per blob:
 * a release's 1M label files listed as TreeEntry objects take ~250 MB for as long as they are read,
 * beside whatever the reader keeps (a score's items). Handed out one BlobRef at a time.
 */
export class BlobList {
  readonly length: number;
  private readonly tables: BlobTables;

  /** The given blobs, or those a builder was given. */
  constructor(refs: Iterable<BlobRef> | BlobListBuilder) {
    let builder = refs;
    if (!(builder instanceof BlobListBuilder)) {
      builder = new BlobListBuilder();
      for (const ref of refs as Iterable<BlobRef>) builder.add(ref);
    }
    this.tables = builder.tables();
    this.length = this.tables.pathStarts.length - 1;
  }

  at(k: number): BlobRef {
    return { path: this.pathAt(k), oid: this.oidAt(k) };
  }

  pathAt(k: number): string {
    return this.tables.paths.slice(this.tables.pathStarts[k], this.tables.pathStarts[k + 1]);
  }

  oidAt(k: number): string {
    const { oids, oidLength } = this.tables;
    return oids.slice(k * oidLength, (k + 1) * oidLength);
  }

  /** The blobs at the given places of this list, in that order. */
  ordered(places: ArrayLike<number>): BlobList {
    const builder = new BlobListBuilder();
    for (let k = 0; k < places.length; k++) builder.add({ path: this.pathAt(places[k]), oid: this.oidAt(places[k]) });
    return new BlobList(builder);
  }

  *[Symbol.iterator](): Generator<BlobRef> {
    for (let k = 0; k < this.length; k++) yield this.at(k);
  }
}

export interface BlobTables {
  oids: string;
  paths: string;
  pathStarts: Uint32Array;
  oidLength: number;
}

/**
 * A BlobList built one blob at a time (from a listing as it streams): every few thousand blobs their
 * ids and paths are joined into one string each, so no blob's own strings (nor the listing's line
 * they may be slices of) stay alive.
 */
export class BlobListBuilder {
  private oidParts: string[] = [];
  private pathParts: string[] = [];
  private oids: string[] = [];
  private paths: string[] = [];
  private starts: Uint32Array = new Uint32Array(1024);
  private count = 0;
  private at = 0;
  private oidLength: number | undefined;

  add(ref: BlobRef): void {
    // Every blob id of a repository has one length (40 hex digits, 64 in a SHA-256 repository).
    this.oidLength ??= ref.oid.length;
    if (ref.oid.length !== this.oidLength) throw new Error(`blob ${ref.oid} of ${ref.path}: not a blob id`);
    if (this.count + 2 > this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.oids.push(ref.oid);
    this.paths.push(ref.path);
    this.at += ref.path.length;
    this.starts[++this.count] = this.at;
    if (this.oids.length === PART) this.flush();
  }

  /** The blobs added so far as tables (for BlobList: `new BlobList(builder)`). */
  tables(): BlobTables {
    this.flush();
    return {
      oids: this.oidParts.join(''),
      paths: this.pathParts.join(''),
      pathStarts: this.starts.slice(0, this.count + 1),
      oidLength: this.oidLength ?? 0,
    };
  }

  private flush(): void {
    if (this.oids.length === 0) return;
    this.oidParts.push(this.oids.join(''));
    this.pathParts.push(this.paths.join(''));
    this.oids = [];
    this.paths = [];
  }
}

const PART = 4096;
