import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import git from 'isomorphic-git';
import type { ReadSession } from './bulk-fs.js';
import { objectDatabase } from './packed-objects.js';
import { type Repo, gitArgs } from './repo.js';

/**
 * Object reads and writes with the compression and hashing done by Node's zlib and crypto.
 * isomorphic-git's own path inflates in JavaScript (pako), deflates through a web CompressionStream
 * and re-hashes every object it reads, which costs several times more per object; the bytes on disk
 * are the same. Reads, loose and packed, go through the handle's ObjectDatabase (packed-objects.ts):
 * isomorphic-git's pack reader is quadratic in the pack's size.
 */
export async function readObjectBytes(repo: Repo, oid: string, session?: ReadSession): Promise<{ type: string; content: Buffer }> {
  return objectDatabase(repo).read(oid, session?.loose);
}

/** A loose object file's bytes → its type and content. */
export function inflateObject(deflated: Buffer): { type: string; content: Buffer } {
  // zlib's default 16 KB output chunk per call, for 1 KB labels, is most of the garbage of a full read.
  return unwrap(inflateSync(deflated, { chunkSize: Math.max(1024, deflated.length * 4) }));
}

/**
 * The loose objects of a repository, for reading many objects in one operation: each objects/xx
 * folder is listed once, so an object that is packed costs no failed open. Synchronous reads: a
 * promise per 1 KB file costs a thread-pool round trip several times the read itself. Make one per
 * operation (objects written later by someone else are not seen).
 */
export class LooseObjects {
  private readonly folders = new Map<string, Set<string> | null>();

  constructor(private readonly gitdir: string) {}

  read(oid: string): Buffer | undefined {
    return this.has(oid) ? readLoose(this.gitdir, oid) : undefined;
  }

  has(oid: string): boolean {
    const folder = oid.slice(0, 2);
    let names = this.folders.get(folder);
    if (names === undefined) {
      try {
        names = new Set(readdirSync(join(this.gitdir, 'objects', folder)));
      } catch {
        names = null;
      }
      this.folders.set(folder, names);
    }
    return names?.has(oid.slice(2)) ?? false;
  }
}

function readLoose(gitdir: string, oid: string): Buffer | undefined {
  try {
    return readFileSync(join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A blob's text (UTF-8). */
export async function blobText(repo: Repo, oid: string, session?: ReadSession): Promise<string> {
  return (await readObjectBytes(repo, oid, session)).content.toString('utf8');
}

/** Store an object (if not there yet) and return its oid; level 1, as git's core.looseCompression default. */
export async function writeObjectBytes(repo: Repo, type: 'blob' | 'tree', content: Uint8Array): Promise<string> {
  const wrapped = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
  const oid = createHash('sha1').update(wrapped).digest('hex');
  await git.writeObject({ ...gitArgs(repo), type, object: deflateSync(wrapped, { level: 1 }), format: 'deflated', oid });
  return oid;
}

/** The blob oid git gives these bytes (git hash-object), without storing them. */
export function hashBlobBytes(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

function unwrap(wrapped: Buffer): { type: string; content: Buffer } {
  const space = wrapped.indexOf(0x20);
  const nul = wrapped.indexOf(0, space);
  const length = Number(wrapped.toString('latin1', space + 1, nul));
  const content = wrapped.subarray(nul + 1);
  if (space < 0 || nul < 0 || length !== content.length) throw new Error('malformed git object');
  return { type: wrapped.toString('latin1', 0, space), content };
}
