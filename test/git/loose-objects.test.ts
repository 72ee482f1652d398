/**
 * readBlobs reads loose objects from their files instead of asking git: what it reads must be what
 * `git cat-file blob` gives, whether the objects are loose, packed, a mix of both, corrupt, or replaced.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type Repo, listBlobsAt, openRepo, readBlobs } from '../../src/git/index.js';
import { looseBlobsAhead } from '../../src/git/loose-ahead.js';
import { LooseObjectReader, blobContent } from '../../src/git/loose-objects.js';
import { cli, makeRepo } from './helpers.js';

/** Files of awkward content: empty, multi-byte, NUL bytes, larger than the reader's first read. */
function awkwardFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let k = 0; k < count; k++) {
    const body =
      k === 0 ? '' : k % 5 === 1 ? `café 🩺 ${'x'.repeat(70_000 + k)}` : `{"k": ${k}, "t": "a\\u0000b\\n"}\n`;
    files[`labels/s/c${k % 3}/item-${String(k).padStart(3, '0')}.json`] = body;
  }
  return files;
}

async function readAll(repo: Repo): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for await (const { path, bytes } of readBlobs(repo, await listBlobsAt(repo, { ref: 'HEAD' })))
    out.push({ path, text: bytes.toString('latin1') });
  return out;
}

/** What git itself gives for every blob under labels/ at HEAD, in the same order (one `cat-file --batch`). */
function gitsOwn(repo: Repo): { path: string; text: string }[] {
  const listed = cli(repo.dir, 'ls-tree', '-r', '-z', 'HEAD', 'labels').split('\0').filter(Boolean);
  const entries = listed.map((record) => {
    const [meta, path] = record.split('\t');
    return { path, oid: meta.split(' ')[2] };
  });
  const out = execFileSync('git', ['cat-file', '--batch'], {
    cwd: repo.dir,
    input: entries.map((e) => `${e.oid}\n`).join(''),
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  let at = 0;
  return entries.map(({ path }) => {
    const newline = out.indexOf(0x0a, at);
    const size = Number(out.toString('latin1', at, newline).split(' ')[2]);
    at = newline + 1 + size + 1;
    return { path, text: out.toString('latin1', newline + 1, newline + 1 + size) };
  });
}

function looseFiles(repo: Repo): string[] {
  const objects = join(repo.commonDir, 'objects');
  return readdirSync(objects)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => readdirSync(join(objects, d)).map((f) => join(objects, d, f)));
}

describe('blobContent', () => {
  it('takes "blob <size>\\0" with the exact size and nothing else', () => {
    const ok = (text: string) => blobContent(Buffer.from(text, 'latin1'))?.toString('latin1');
    expect(ok('blob 5\0hello')).toBe('hello');
    expect(ok('blob 0\0')).toBe('');
    expect(ok('blob 6\0a\0b\nc\0')).toBe('a\0b\nc\0');
    for (const bad of [
      'blob 4\0hello',
      'blob 6\0hello',
      'blob 05\0hello',
      'blob +5\0hello',
      'blob -5\0hello',
      'blob  5\0hello',
      'blob 5 \0hello',
      'blob 5hello',
      'blob \0',
      'blob',
      '',
      'tree 5\0hello',
      'Blob 5\0hello',
      'blob5\0hello',
      'commit 5\0hello',
      `blob ${'9'.repeat(20)}\0x`,
    ])
      expect(ok(bad), JSON.stringify(bad)).toBeUndefined();
  });

  it('agrees with a direct parse on random headers, mutated byte by byte', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ['b', 'l', 'o', 'e', ' ', '0', '1', '5', '9', '\0', 'x', 't', 'r'];
    for (let round = 0; round < 5000; round++) {
      const content = 'y'.repeat(Math.floor(random() * 12));
      const chars = [...`blob ${content.length}\0${content}`];
      const edits = Math.floor(random() * 3);
      for (let e = 0; e < edits; e++)
        chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)];
      const text = chars.join('');
      const m = /^blob (0|[1-9][0-9]*)\0/s.exec(text);
      const expected = m && text.length - m[0].length === Number(m[1]) ? text.slice(m[0].length) : undefined;
      expect(blobContent(Buffer.from(text, 'latin1'))?.toString('latin1'), JSON.stringify(text)).toBe(expected);
    }
  });
});

describe('LooseObjectReader', () => {
  it('reads what git wrote, and nothing for a file that is missing, not zlib, or not a blob', async () => {
    const repo = await makeRepo({ 'labels/a.json': 'A\n', 'labels/b.json': 'B'.repeat(200_000) });
    const reader = new LooseObjectReader(join(repo.commonDir, 'objects'), repo.objectFormat);
    const [a, b] = await listBlobsAt(repo, { ref: 'HEAD' });
    expect(reader.readBlob(a.oid)?.toString()).toBe('A\n');
    expect(reader.readBlob(b.oid)?.toString()).toBe('B'.repeat(200_000));
    expect(reader.readBlob('0'.repeat(40))).toBeUndefined();
    const tree = cli(repo.dir, 'rev-parse', 'HEAD^{tree}').trim();
    expect(reader.readBlob(tree)).toBeUndefined();
    const file = join(repo.commonDir, 'objects', a.oid.slice(0, 2), a.oid.slice(2));
    rmSync(file, { force: true });
    writeFileSync(file, 'not zlib');
    expect(reader.readBlob(a.oid)).toBeUndefined();
    writeFileSync(file, deflateSync(Buffer.from('blob 3\0A\n')));
    expect(reader.readBlob(a.oid)).toBeUndefined();
    // A well-formed blob, but another one than its name says.
    writeFileSync(file, deflateSync(Buffer.from('blob 2\0B\n')));
    expect(reader.readBlob(a.oid)).toBeUndefined();
    writeFileSync(file, deflateSync(Buffer.from('blob 2\0A\n')));
    expect(reader.readBlob(a.oid)?.toString()).toBe('A\n');
  });
});

describe('readBlobs gives what git gives', () => {
  it('with every object loose', async () => {
    const repo = await makeRepo(awkwardFiles(30));
    expect(looseFiles(repo).length).toBeGreaterThan(30);
    expect(await readAll(repo)).toEqual(gitsOwn(repo));
  });

  it('with every object packed', async () => {
    const repo = await makeRepo(awkwardFiles(30));
    cli(repo.dir, 'repack', '-q', '-ad');
    cli(repo.dir, 'prune-packed');
    expect(looseFiles(repo)).toEqual([]);
    expect(await readAll(repo)).toEqual(gitsOwn(repo));
  });

  it('with some packed and some loose, in every arrangement of the order', async () => {
    const repo = await makeRepo(awkwardFiles(12));
    cli(repo.dir, 'repack', '-q', '-ad');
    cli(repo.dir, 'prune-packed');
    const more = awkwardFiles(24);
    for (const [path, text] of Object.entries(more))
      if (!path.includes('item-00')) writeFileSync(join(repo.dir, path), text);
    cli(repo.dir, 'add', '-A');
    cli(repo.dir, 'commit', '-qm', 'more');
    expect(looseFiles(repo).length).toBeGreaterThan(0);
    expect(await readAll(repo)).toEqual(gitsOwn(repo));
  });

  it('with a loose copy that is not the object its name says, beside the packed one (git reads the pack)', async () => {
    const repo = await makeRepo(awkwardFiles(6));
    cli(repo.dir, 'repack', '-q', '-a'); // packed, loose copies kept
    // Not the empty blob (item 0): git knows that one without reading it.
    const [, second] = await listBlobsAt(repo, { ref: 'HEAD' });
    const file = join(repo.commonDir, 'objects', second.oid.slice(0, 2), second.oid.slice(2));
    rmSync(file, { force: true });
    writeFileSync(file, deflateSync(Buffer.from('blob 1\0Z')));
    expect(await readAll(repo)).toEqual(gitsOwn(repo));
  });

  it('with replace refs, which git applies', async () => {
    const repo = await makeRepo(awkwardFiles(4));
    const [a, b] = await listBlobsAt(repo, { ref: 'HEAD' });
    cli(repo.dir, 'replace', a.oid, b.oid);
    const read = await readAll(repo);
    expect(read[0].text).toBe(read[1].text);
    expect(read).toEqual(gitsOwn(repo));
  });
});

describe('readBlobs through its reader thread (2,000 blobs and more)', () => {
  /** `count` small blobs and some large ones, committed by the git CLI (faster than one file at a time). */
  async function manyBlobs(count: number, objectFormat: 'sha1' | 'sha256' = 'sha1'): Promise<Repo> {
    const repo = await makeRepo();
    if (objectFormat === 'sha256') {
      rmSync(join(repo.dir, '.git'), { recursive: true, force: true });
      cli(repo.dir, 'init', '-q', '--object-format=sha256');
    }
    for (const [path, text] of Object.entries(awkwardFiles(count))) {
      mkdirSync(join(repo.dir, path, '..'), { recursive: true });
      writeFileSync(join(repo.dir, path), text);
    }
    cli(repo.dir, 'add', '-A');
    cli(repo.dir, '-c', 'user.name=A', '-c', 'user.email=a@example.org', 'commit', '-qm', 'many');
    return openRepo({ dir: repo.dir });
  }

  it('gives what git gives with every object loose, in a SHA-1 and a SHA-256 repository', async () => {
    for (const format of ['sha1', 'sha256'] as const) {
      const repo = await manyBlobs(2_600, format);
      expect(repo.objectFormat).toBe(format);
      expect(await readAll(repo)).toEqual(gitsOwn(repo));
    }
  });

  it('hands the rest to git from the first blob that is not loose, wherever it falls', async () => {
    const repo = await manyBlobs(2_600);
    const blobs = await listBlobsAt(repo, { ref: 'HEAD' });
    cli(repo.dir, 'repack', '-q', '-a'); // packed, loose copies kept
    // Loose copies removed at the start of a batch, inside one, in the last, and where the pack has it.
    for (const k of [700, 1_031, 2_599]) {
      rmSync(join(repo.commonDir, 'objects', blobs[k].oid.slice(0, 2), blobs[k].oid.slice(2)));
    }
    expect(await readAll(repo)).toEqual(gitsOwn(repo));
  });

  it('is the reader thread that reads them, up to the first it cannot read', async () => {
    const repo = await manyBlobs(2_100);
    const blobs = await listBlobsAt(repo, { ref: 'HEAD' });
    const objects = join(repo.commonDir, 'objects');
    const run = async () => {
      const read: string[] = [];
      const it = looseBlobsAhead(objects, 'sha1', blobs[Symbol.iterator]());
      for (let next = await it.next(); ; next = await it.next()) {
        if (next.done) return { read, left: next.value };
        read.push(next.value.path);
      }
    };
    const all = await run();
    expect(all.read).toEqual(blobs.map((b) => b.path));
    expect(all.left).toEqual([]);
    rmSync(join(objects, blobs[1_031].oid.slice(0, 2), blobs[1_031].oid.slice(2)));
    const cut = await run();
    expect(cut.read).toEqual(blobs.slice(0, 1_031).map((b) => b.path));
    expect(cut.left[0]).toEqual(blobs[1_031]);
    expect(cut.left).toEqual(blobs.slice(1_031, 1_031 + cut.left.length));
  });

  it('stops cleanly when the caller stops early', async () => {
    const repo = await manyBlobs(2_100);
    let seen = 0;
    for await (const _ of readBlobs(repo, await listBlobsAt(repo, { ref: 'HEAD' }))) if (++seen === 300) break;
    expect(seen).toBe(300);
  });
});
