import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { GitStoreError } from './errors.js';
import type { LooseObjects } from './object-io.js';
import type { Repo } from './repo.js';

/**
 * A reader for a repository's object database: loose objects (objects/xx/yyyy, zlib of
 * "type size\0content") and packs (objects/pack/*.idx + *.pack). isomorphic-git's pack reader hands
 * the whole rest of the packfile to the decompressor for every object it reads (quadratic in the size
 * of the pack: 28 s for a 10,000-label tree) and re-inflates delta chains; here each entry is inflated
 * from exactly its own bytes (bounded by the next entry's offset), with Node's zlib, and delta bases
 * are kept in a byte-bounded LRU so a chain is decoded once. Everything is synchronous: one object is
 * a few microseconds of work, less than a promise's round trip.
 *
 * One per repository handle (objectDatabase); the pack indexes are loaded once and the pack list is
 * read again only when an object is not found (a `git gc` or fetch meanwhile).
 */

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface GitObject {
  type: ObjectType;
  content: Buffer;
}

const TYPE_NAMES: Record<number, ObjectType | undefined> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OBJECT_TYPES = new Set<string>(['commit', 'tree', 'blob', 'tag']);
const OFS_DELTA = 6;
const REF_DELTA = 7;

/** The handle's object database, made on first use and kept on its memo. */
export function objectDatabase(repo: Repo): ObjectDatabase {
  return (repo.objects.database ??= new ObjectDatabase(repo.gitdir));
}

export class ObjectDatabase {
  private packs: Pack[] | undefined;
  private readonly packFolder: string;
  private readonly bases = new ByteLru(64 * 1024 * 1024);

  constructor(private readonly gitdir: string) {
    this.packFolder = join(gitdir, 'objects', 'pack');
  }

  /** The object, or MISSING_OBJECT. `loose`, an operation's listing of loose objects, saves failed opens. */
  read(oid: string, loose?: LooseObjects): GitObject {
    const found = this.tryRead(oid, loose);
    if (!found) throw new GitStoreError('MISSING_OBJECT', `object ${oid} is not in the repository (neither loose nor in a pack)`, { oid });
    return found;
  }

  tryRead(oid: string, loose?: LooseObjects): GitObject | undefined {
    if (!/^[0-9a-f]{40}$/.test(oid)) return undefined;
    const key = Buffer.from(oid, 'hex');
    const hit = this.findPacked(key, this.loadedPacks());
    if (hit) return this.readPacked(hit.pack, hit.offset);
    const listed = loose ? (loose.has(oid) ? readLooseFile(this.gitdir, oid) : undefined) : readLooseFile(this.gitdir, oid);
    if (listed) return inflateLoose(listed, oid);
    // Not where we looked: a pack written since the list was read, or a loose object written since
    // the operation's listing was taken.
    const added = this.rescanPacks();
    const late = this.findPacked(key, added);
    if (late) return this.readPacked(late.pack, late.offset);
    if (loose) {
      const direct = readLooseFile(this.gitdir, oid);
      if (direct) return inflateLoose(direct, oid);
    }
    return undefined;
  }

  private loadedPacks(): Pack[] {
    if (!this.packs) {
      this.packs = [];
      this.rescanPacks();
    }
    return this.packs!;
  }

  /** Load packs not loaded yet; returns the new ones. */
  private rescanPacks(): Pack[] {
    const packs = (this.packs ??= []);
    let names: string[];
    try {
      names = readdirSync(this.packFolder);
    } catch {
      return [];
    }
    const known = new Set(packs.map((p) => p.name));
    const added: Pack[] = [];
    for (const name of names.sort()) {
      if (!name.endsWith('.idx')) continue;
      const base = name.slice(0, -4);
      if (known.has(base)) continue;
      let pack: Pack;
      try {
        pack = Pack.open(this.packFolder, base);
      } catch (error) {
        // A pack being written (idx without its pack yet) or removed meanwhile: skip it for now.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      packs.push(pack);
      added.push(pack);
    }
    return added;
  }

  private findPacked(key: Buffer, packs: Pack[]): { pack: Pack; offset: number } | undefined {
    for (const pack of packs) {
      const offset = pack.index.find(key);
      if (offset !== undefined) return { pack, offset };
    }
    return undefined;
  }

  /** Resolve the entry at `offset`: follow its delta chain down to a cached or whole base, then apply. */
  private readPacked(pack: Pack, offset: number): GitObject {
    const chain: Array<{ pack: Pack; offset: number; delta: Buffer }> = [];
    let base: GitObject | undefined;
    let p = pack;
    let at = offset;
    for (;;) {
      const cached = this.bases.get(p.id, at);
      if (cached) {
        base = cached;
        break;
      }
      const entry = p.entry(at);
      const type = TYPE_NAMES[entry.type];
      if (type) {
        base = { type, content: p.inflate(entry) };
        if (chain.length > 0) this.bases.set(p.id, at, base);
        break;
      }
      if (chain.length > 10_000) throw corrupt(p, at, 'delta chain too long');
      chain.push({ pack: p, offset: at, delta: p.inflate(entry) });
      if (entry.type === OFS_DELTA) {
        at = entry.baseOffset!;
        continue;
      }
      // REF_DELTA: the base is named by oid, in this pack, another one, or (thin packs) loose.
      const hit = this.findPacked(entry.baseOid!, [p, ...this.loadedPacks().filter((other) => other !== p)]);
      if (hit) {
        p = hit.pack;
        at = hit.offset;
        continue;
      }
      const oid = entry.baseOid!.toString('hex');
      const loose = readLooseFile(this.gitdir, oid);
      if (!loose) throw new GitStoreError('MISSING_OBJECT', `object ${oid} (a delta base in ${p.name}.pack) is not in the repository`, { oid });
      base = inflateLoose(loose, oid);
      break;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i];
      let content: Buffer;
      try {
        content = applyDelta(base.content, link.delta);
      } catch (error) {
        throw corrupt(link.pack, link.offset, (error as Error).message);
      }
      base = { type: base.type, content };
      if (i > 0) this.bases.set(link.pack.id, link.offset, base);
    }
    return base;
  }
}

// ---------------------------------------------------------------------------------------------------
// Pack index (.idx)

/**
 * A pack index, version 2 (magic \377tOc, fanout, sorted oids, crc32s, 4-byte offsets whose top bit
 * points into a table of 8-byte offsets) or version 1 (fanout, then offset + oid per entry).
 */
export class PackIndex {
  readonly count: number;
  private readonly version: 1 | 2;
  private readonly fanoutAt: number;
  private readonly oidsAt: number;
  private readonly oidStride: number;
  private readonly offsetsAt: number;
  private readonly largeAt: number;
  /** Every entry's offset, ascending, with the pack's data end last: an entry ends where the next starts. */
  private sorted: Float64Array | undefined;

  constructor(private readonly buf: Buffer, private readonly packDataEnd = Infinity) {
    if (buf.length >= 8 && buf.readUInt32BE(0) === 0xff744f63) {
      const version = buf.readUInt32BE(4);
      if (version !== 2) throw new Error(`unsupported pack index version ${version}`);
      this.version = 2;
      this.fanoutAt = 8;
      this.count = this.fanout(255);
      this.oidsAt = 8 + 1024;
      this.oidStride = 20;
      this.offsetsAt = this.oidsAt + this.count * 24; // oids, then crc32s
      this.largeAt = this.offsetsAt + this.count * 4;
      if (buf.length < this.largeAt + 40) throw new Error('truncated pack index');
    } else {
      this.version = 1;
      this.fanoutAt = 0;
      this.count = buf.length >= 1024 ? this.fanout(255) : -1;
      this.oidsAt = 1024 + 4;
      this.oidStride = 24;
      this.offsetsAt = 1024;
      this.largeAt = -1;
      if (this.count < 0 || buf.length < 1024 + this.count * 24 + 40) throw new Error('truncated pack index');
    }
  }

  private fanout(byte: number): number {
    return this.buf.readUInt32BE(this.fanoutAt + byte * 4);
  }

  oidAt(i: number): string {
    const at = this.oidsAt + i * this.oidStride;
    return this.buf.toString('hex', at, at + 20);
  }

  offsetAt(i: number): number {
    if (this.version === 1) return this.buf.readUInt32BE(this.offsetsAt + i * 24);
    const small = this.buf.readUInt32BE(this.offsetsAt + i * 4);
    if ((small & 0x80000000) === 0) return small;
    const at = this.largeAt + (small & 0x7fffffff) * 8;
    if (at + 8 > this.buf.length - 40) throw new Error('pack index large offset out of range');
    return this.buf.readUInt32BE(at) * 2 ** 32 + this.buf.readUInt32BE(at + 4);
  }

  /** The pack offset of an object (20 raw bytes), or undefined. */
  find(key: Buffer): number | undefined {
    const first = key[0];
    let lo = first === 0 ? 0 : this.fanout(first - 1);
    let hi = this.fanout(first);
    const buf = this.buf;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.oidsAt + mid * this.oidStride;
      const c = buf.compare(key, 0, 20, at, at + 20);
      if (c === 0) return this.offsetAt(mid);
      if (c > 0) hi = mid;
      else lo = mid + 1;
    }
    return undefined;
  }

  /** Where the entry starting at `offset` ends: the next entry's offset, or the end of the pack's data. */
  endOf(offset: number): number {
    const sorted = (this.sorted ??= this.sortOffsets());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length ? sorted[lo] : this.packDataEnd;
  }

  private sortOffsets(): Float64Array {
    const out = new Float64Array(this.count + 1);
    for (let i = 0; i < this.count; i++) out[i] = this.offsetAt(i);
    out[this.count] = this.packDataEnd;
    return out.sort();
  }
}

// ---------------------------------------------------------------------------------------------------
// Pack file (.pack)

interface PackEntry {
  type: number;
  size: number;
  /** The entry's bytes from `offset` to the next entry; zlib data starts at `dataAt`. */
  bytes: Buffer;
  dataAt: number;
  baseOffset?: number;
  baseOid?: Buffer;
}

const WINDOW = 1 << 20;
const WINDOWS = 16;
const closeOnCollect = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});
let nextPackId = 0;

class Pack {
  readonly id = nextPackId++;
  private readonly windows = new Map<number, Buffer>();

  private constructor(
    readonly name: string,
    readonly index: PackIndex,
    private readonly fd: number,
    private readonly size: number,
  ) {}

  /** Open `<base>.idx` and `<base>.pack`; the pack stays open (so a gc removing it meanwhile is harmless). */
  static open(folder: string, base: string): Pack {
    const idx = readFileSync(join(folder, `${base}.idx`));
    const fd = openSync(join(folder, `${base}.pack`), 'r');
    try {
      const size = fstatSync(fd).size;
      const header = Buffer.alloc(12);
      readSync(fd, header, 0, 12, 0);
      if (header.toString('latin1', 0, 4) !== 'PACK') throw new Error(`${base}.pack is not a pack file`);
      const version = header.readUInt32BE(4);
      if (version !== 2 && version !== 3) throw new Error(`${base}.pack: unsupported pack version ${version}`);
      const index = new PackIndex(idx, size - 20);
      if (header.readUInt32BE(8) !== index.count) throw new Error(`${base}.pack and its index disagree on the object count`);
      const pack = new Pack(base, index, fd, size);
      closeOnCollect.register(pack, fd);
      return pack;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Bytes [start, end) of the pack, through a few 1 MiB windows (entries are small and mostly close together). */
  private read(start: number, end: number): Buffer {
    const first = Math.floor(start / WINDOW);
    if (end - start > WINDOW / 4 || Math.floor((end - 1) / WINDOW) !== first) {
      const out = Buffer.allocUnsafe(end - start);
      this.readFully(out, start);
      return out;
    }
    let window = this.windows.get(first);
    if (window) {
      this.windows.delete(first);
    } else {
      const from = first * WINDOW;
      window = Buffer.allocUnsafe(Math.min(WINDOW, this.size - from));
      this.readFully(window, from);
      if (this.windows.size >= WINDOWS) this.windows.delete(this.windows.keys().next().value as number);
    }
    this.windows.set(first, window);
    return window.subarray(start - first * WINDOW, end - first * WINDOW);
  }

  private readFully(into: Buffer, position: number): void {
    let done = 0;
    while (done < into.length) {
      const n = readSync(this.fd, into, done, into.length - done, position + done);
      if (n === 0) throw corrupt(this, position, 'pack file is shorter than its index says');
      done += n;
    }
  }

  entry(offset: number): PackEntry {
    const end = this.index.endOf(offset);
    if (!(end > offset) || end > this.size - 20) throw corrupt(this, offset, 'entry outside the pack');
    const bytes = this.read(offset, end);
    let at = 0;
    let c = bytes[at++];
    const type = (c >> 4) & 7;
    let size = c & 15;
    let scale = 16;
    while (c & 0x80) {
      if (at >= bytes.length) throw corrupt(this, offset, 'truncated entry header');
      c = bytes[at++];
      size += (c & 0x7f) * scale;
      scale *= 128;
    }
    const entry: PackEntry = { type, size, bytes, dataAt: at };
    if (type === OFS_DELTA) {
      c = bytes[at++];
      let back = c & 0x7f;
      while (c & 0x80) {
        if (at >= bytes.length) throw corrupt(this, offset, 'truncated delta offset');
        c = bytes[at++];
        back = (back + 1) * 128 + (c & 0x7f);
      }
      if (back <= 0 || back > offset) throw corrupt(this, offset, 'delta base offset out of range');
      entry.baseOffset = offset - back;
      entry.dataAt = at;
    } else if (type === REF_DELTA) {
      entry.baseOid = Buffer.from(bytes.subarray(at, at + 20));
      entry.dataAt = at + 20;
    } else if (!TYPE_NAMES[type]) {
      throw corrupt(this, offset, `unknown entry type ${type}`);
    }
    return entry;
  }

  /** An entry's zlib data, inflated (the object, or for deltas the delta). */
  inflate(entry: PackEntry): Buffer {
    const out = inflateSync(entry.bytes.subarray(entry.dataAt), { chunkSize: Math.max(64, Math.min(entry.size + 64, 64 * 1024 * 1024)) });
    if (out.length !== entry.size) throw corrupt(this, -1, `an entry inflated to ${out.length} bytes, its header says ${entry.size}`);
    return out;
  }
}

function corrupt(pack: Pack, offset: number, what: string): Error {
  return new Error(`${pack.name}.pack${offset >= 0 ? ` at offset ${offset}` : ''}: ${what}`);
}

/**
 * Git's delta format: the base's size and the result's size (little-endian base-128), then
 * instructions: 1xxxxxxx copies from the base (offset and size bytes present per bit; size 0 means
 * 0x10000), 0nnnnnnn (n > 0) inserts the next n bytes.
 */
export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    let c: number;
    do {
      if (at >= delta.length) throw bad('truncated size');
      c = delta[at++];
      value += (c & 0x7f) * scale;
      scale *= 128;
    } while (c & 0x80);
    return value;
  };
  const bad = (what: string): Error => new Error(`bad delta: ${what}`);
  const sourceSize = varint();
  if (sourceSize !== base.length) throw bad(`base is ${base.length} bytes, the delta expects ${sourceSize}`);
  const targetSize = varint();
  const out = Buffer.allocUnsafe(targetSize);
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++];
    if (op & 0x80) {
      let from = 0;
      let size = 0;
      if (op & 0x01) from |= delta[at++];
      if (op & 0x02) from |= delta[at++] << 8;
      if (op & 0x04) from |= delta[at++] << 16;
      if (op & 0x08) from += delta[at++] * 0x1000000;
      if (op & 0x10) size |= delta[at++];
      if (op & 0x20) size |= delta[at++] << 8;
      if (op & 0x40) size |= delta[at++] << 16;
      if (size === 0) size = 0x10000;
      if (at > delta.length || from + size > base.length || written + size > targetSize) throw bad('copy out of range');
      base.copy(out, written, from, from + size);
      written += size;
    } else if (op !== 0) {
      if (at + op > delta.length || written + op > targetSize) throw bad('insert out of range');
      delta.copy(out, written, at, at + op);
      at += op;
      written += op;
    } else {
      throw bad('reserved instruction 0');
    }
  }
  if (written !== targetSize) throw bad(`produced ${written} bytes, expected ${targetSize}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Loose objects

function readLooseFile(gitdir: string, oid: string): Buffer | undefined {
  try {
    return readFileSync(join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function inflateLoose(deflated: Buffer, oid: string): GitObject {
  const wrapped = inflateSync(deflated, { chunkSize: Math.max(1024, deflated.length * 4) });
  const space = wrapped.indexOf(0x20);
  const nul = space < 0 ? -1 : wrapped.indexOf(0, space);
  const name = space < 0 ? '' : wrapped.toString('latin1', 0, space);
  const type = OBJECT_TYPES.has(name) ? (name as ObjectType) : undefined;
  const content = wrapped.subarray(nul + 1);
  if (!type || nul < 0 || Number(wrapped.toString('latin1', space + 1, nul)) !== content.length) throw new Error(`malformed loose object ${oid}`);
  return { type, content };
}

// ---------------------------------------------------------------------------------------------------

/** Resolved objects by pack and offset, up to a total size (git's delta base cache, in effect). */
class ByteLru {
  private readonly map = new Map<string, GitObject>();
  private bytes = 0;

  constructor(private readonly capacity: number) {}

  get(pack: number, offset: number): GitObject | undefined {
    const key = `${pack}:${offset}`;
    const value = this.map.get(key);
    if (value) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(pack: number, offset: number, value: GitObject): void {
    if (value.content.length > this.capacity / 8) return;
    const key = `${pack}:${offset}`;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.content.length;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.bytes += value.content.length;
    while (this.bytes > this.capacity) {
      const [oldest, entry] = this.map.entries().next().value as [string, GitObject];
      this.map.delete(oldest);
      this.bytes -= entry.content.length;
    }
  }
}
