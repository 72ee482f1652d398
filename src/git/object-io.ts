import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import git from 'isomorphic-git';
import { type Repo, gitArgs } from './repo.js';

/**
 * Object reads and writes through isomorphic-git's store, with the compression and hashing done by
 * Node's zlib and crypto. isomorphic-git's own path inflates in JavaScript (pako), deflates through a
 * web CompressionStream and re-hashes every object it reads, which costs several times more per object;
 * the bytes on disk are the same.
 */
export async function readObjectBytes(repo: Repo, oid: string): Promise<{ type: string; content: Buffer }> {
  const result = await git.readObject({ ...gitArgs(repo), oid, format: 'deflated' });
  switch (result.format) {
    case 'deflated':
      return unwrap(inflateSync(result.object as Uint8Array));
    case 'wrapped':
      return unwrap(Buffer.from(result.object as Uint8Array));
    case 'content':
      return { type: result.type, content: Buffer.from(result.object as Uint8Array) };
    default:
      throw new Error(`unexpected object format ${result.format}`);
  }
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
