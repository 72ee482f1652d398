import type { BlobRef } from '../git/index.js';

/**
 * Blobs to read in order, held as two string tables (blob ids, paths) instead of an object per blob:
 * a release's 1M label files listed as TreeEntry objects take ~250 MB for as long as they are read,
 * beside whatever the reader keeps (a score's items). Handed out one BlobRef at a time.
 */
export class BlobList {
  private readonly oids: string;
  private readonly paths: string;
  private readonly pathStarts: Uint32Array;
  private readonly oidLength: number;
  readonly length: number;

  constructor(refs: readonly BlobRef[]) {
    this.length = refs.length;
    // Every blob id of a repository has one length (40 hex digits, 64 in a SHA-256 repository).
    this.oidLength = refs[0]?.oid.length ?? 0;
    this.pathStarts = new Uint32Array(refs.length + 1);
    const oids: string[] = [];
    const paths: string[] = [];
    let at = 0;
    refs.forEach((ref, k) => {
      if (ref.oid.length !== this.oidLength) throw new Error(`blob ${ref.oid} of ${ref.path}: not a blob id`);
      oids.push(ref.oid);
      paths.push(ref.path);
      at += ref.path.length;
      this.pathStarts[k + 1] = at;
    });
    this.oids = oids.join('');
    this.paths = paths.join('');
  }

  at(k: number): BlobRef {
    return {
      path: this.paths.slice(this.pathStarts[k], this.pathStarts[k + 1]),
      oid: this.oids.slice(k * this.oidLength, (k + 1) * this.oidLength),
    };
  }

  *[Symbol.iterator](): Generator<BlobRef> {
    for (let k = 0; k < this.length; k++) yield this.at(k);
  }
}
