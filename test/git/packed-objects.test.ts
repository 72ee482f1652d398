import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedPaths, fileHistory, isGitStoreError, openRepo, readLabelsAt, type Repo } from '../../src/git/index.js';
import { PackIndex, applyDelta, objectDatabase } from '../../src/git/packed-objects.js';
import { cli, label, tempDir } from './helpers.js';

const ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };

function git(dir: string, ...args: string[]): string {
  return cli(dir, '-c', 'user.name=Pack Tester', '-c', 'user.email=pack@example.org', '-c', 'gc.auto=0', ...args);
}

/** `git cat-file --batch` of many objects: oid → type and bytes. */
function catFileBatch(dir: string, oids: string[]): Map<string, { type: string; content: Buffer }> {
  const raw = execFileSync('git', ['cat-file', '--batch'], { cwd: dir, env: ENV, input: oids.join('\n') + '\n', maxBuffer: 1 << 30 });
  const out = new Map<string, { type: string; content: Buffer }>();
  let at = 0;
  while (at < raw.length) {
    const eol = raw.indexOf(10, at);
    const [oid, type, size] = raw.toString('latin1', at, eol).split(' ');
    const start = eol + 1;
    out.set(oid, { type, content: raw.subarray(start, start + Number(size)) });
    at = start + Number(size) + 1;
  }
  return out;
}

const FOLDERS = ['bmi', 'ckd-epi', 'wells'];

/** Text that barely compresses, so its pack entry is large too. */
function bulky(seed: number, bytes: number): string {
  return `{"seed":${seed},"data":"${randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64')}"}\n`;
}

async function put(dir: string, files: Record<string, string | null>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    if (text === null) await rm(full, { force: true });
    else {
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text);
    }
  }
}

/**
 * A history with the shapes packs are made of: many small labels edited over several commits (long
 * delta chains once repacked), a 100 KiB and a 400 KiB blob (one edited, so a large delta base), a
 * dot file, a file replaced by a folder, a deleted and re-added label, a README outside labels/.
 */
async function buildHistory(): Promise<{ dir: string; tags: string[]; tracked: string }> {
  const dir = await tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  const first: Record<string, string> = { 'README.md': '# labels\n', 'labels/.keep': '' };
  for (const slug of FOLDERS) {
    for (let i = 0; i < 40; i++) first[`labels/test/${slug}/test-${slug}-${String(i).padStart(3, '0')}.json`] = label(`${slug}-${i}`, i * 1.5, slug);
  }
  first['labels/test/big/large.json'] = bulky(1, 100 * 1024);
  first['labels/test/big/huge.json'] = bulky(2, 400 * 1024);
  first['labels/test/odd'] = 'a file that becomes a folder\n';
  await put(dir, first);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'v0');
  git(dir, 'tag', 'v0');
  const tags = ['v0'];
  for (let version = 1; version <= 6; version++) {
    const edit: Record<string, string | null> = {};
    for (const slug of FOLDERS) {
      for (let i = version; i < 40; i += 3) edit[`labels/test/${slug}/test-${slug}-${String(i).padStart(3, '0')}.json`] = label(`${slug}-${i}`, i * 1.5 + version, slug);
    }
    const huge = first['labels/test/big/huge.json'];
    edit['labels/test/big/huge.json'] = huge.slice(0, 1000 * version) + `edit ${version}` + huge.slice(1000 * version);
    if (version === 2) {
      edit['labels/test/wells/test-wells-000.json'] = null;
      edit['labels/test/odd'] = null;
      edit['labels/test/odd/inner.json'] = label('odd', 1, 'odd');
    }
    if (version === 4) edit['labels/test/wells/test-wells-000.json'] = label('wells-0', 99, 'wells');
    if (version === 5) edit['README.md'] = '# labels, edited\n';
    await put(dir, edit);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `v${version}`);
    if (version % 2 === 0) {
      git(dir, 'tag', '-a', '-m', `release v${version}`, `v${version}`);
      tags.push(`v${version}`);
    }
  }
  return { dir, tags, tracked: 'labels/test/wells/test-wells-000.json' };
}

type Layout = 'loose' | 'gc --aggressive' | 'repack -adf' | 'ref deltas';

function arrange(dir: string, layout: Layout): void {
  if (layout === 'gc --aggressive') git(dir, 'gc', '-q', '--aggressive', '--prune=now');
  if (layout === 'repack -adf') git(dir, 'repack', '-q', '-adf', '--depth=100', '--window=50');
  if (layout === 'ref deltas') git(dir, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-q', '-adf');
}

/** What the CLI says the files under labels/ are at a ref (dot names left out, as the module does). */
function cliFiles(dir: string, ref: string): Map<string, string> {
  const rows = git(dir, 'ls-tree', '-r', '-z', ref, '--', 'labels').split('\0').filter(Boolean);
  const entries = rows.map((row) => {
    const [meta, path] = row.split('\t');
    return { oid: meta.split(' ')[2], path };
  }).filter(({ path }) => !path.split('/').some((s) => s.startsWith('.')));
  const blobs = catFileBatch(dir, entries.map((e) => e.oid));
  return new Map(entries.map(({ path, oid }) => [path, blobs.get(oid)!.content.toString('utf8')]));
}

function cliChanges(dir: string, from: string, to: string): Array<{ path: string; change: string; oldOid?: string; newOid?: string }> {
  const rows = git(dir, 'diff', '--raw', '--no-abbrev', '--no-renames', '-z', from, to, '--', 'labels').split('\0').filter(Boolean);
  const out = [];
  for (let i = 0; i < rows.length; i += 2) {
    const [, , oldOid, newOid, status] = rows[i].slice(1).split(' ');
    const path = rows[i + 1];
    if (path.split('/').some((s) => s.startsWith('.'))) continue;
    const change = status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified';
    out.push({ path, change, ...(status !== 'A' && { oldOid }), ...(status !== 'D' && { newOid }) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const LAYOUTS: Layout[] = ['loose', 'gc --aggressive', 'repack -adf', 'ref deltas'];

describe.each(LAYOUTS)('object reads, %s', (layout) => {
  it('reads every object as git cat-file does', async () => {
    const { dir } = await buildHistory();
    arrange(dir, layout);
    if (layout !== 'loose') expect(git(dir, 'count-objects', '-v')).toMatch(/^count: 0$/m);
    const oids = git(dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname)').trim().split('\n');
    const expected = catFileBatch(dir, oids);
    const repo = await openRepo({ dir });
    const db = objectDatabase(repo);
    for (const oid of oids) {
      const object = db.read(oid);
      const want = expected.get(oid)!;
      expect(object.type, oid).toBe(want.type);
      expect(object.content.equals(want.content), oid).toBe(true);
    }
  });

  it('readLabelsAt, changedPaths and fileHistory give what the CLI gives', async () => {
    const { dir, tags, tracked } = await buildHistory();
    arrange(dir, layout);
    const repo = await openRepo({ dir });
    for (const ref of [...tags, 'HEAD', 'HEAD~1']) {
      const files = await readLabelsAt(repo, { ref });
      const want = cliFiles(dir, ref);
      expect([...files.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [path, text] of want) expect(files.get(path), `${ref} ${path}`).toBe(text);
    }
    for (const [from, to] of [['v0', 'v2'], ['v2', 'v6'], ['v6', 'v0'], ['v4', 'HEAD'], ['HEAD~1', 'HEAD']]) {
      const changes = await changedPaths(repo, { from, to, withContent: true });
      expect(changes.map(({ path, change, oldOid, newOid }) => ({ path, change, ...(oldOid && { oldOid }), ...(newOid && { newOid }) })))
        .toEqual(cliChanges(dir, from, to));
      const texts = catFileBatch(dir, changes.flatMap((c) => [c.oldOid, c.newOid].filter((x): x is string => x !== undefined)));
      for (const change of changes) {
        if (change.oldOid) expect(change.oldText).toBe(texts.get(change.oldOid)!.content.toString('utf8'));
        if (change.newOid) expect(change.newText).toBe(texts.get(change.newOid)!.content.toString('utf8'));
      }
    }
    for (const path of [tracked, 'labels/test/big/huge.json', 'labels/test/bmi/test-bmi-004.json', 'README.md']) {
      const history = await fileHistory(repo, { path });
      expect(history.map((v) => v.oid)).toEqual(git(dir, 'log', '--format=%H', '--', path).trim().split('\n'));
      for (const version of history) {
        const want = version.blob ? git(dir, 'cat-file', 'blob', version.blob) : null;
        expect(version.text).toBe(want);
      }
    }
  });
});

describe('packs and handles', () => {
  it('keeps reading through one handle while git gc packs, repacks and prunes under it', async () => {
    const { dir } = await buildHistory();
    const repo = await openRepo({ dir });
    const loose = await readLabelsAt(repo, { ref: 'v4' });
    git(dir, 'gc', '-q', '--prune=now');
    expect(await readLabelsAt(repo, { ref: 'v4' })).toEqual(loose);
    expect(await readLabelsAt(repo, { ref: 'v6' })).toEqual(cliFiles(dir, 'v6'));
    git(dir, 'repack', '-q', '-adf');
    expect(await readLabelsAt(repo, { ref: 'v2' })).toEqual(cliFiles(dir, 'v2'));
    expect((await changedPaths(repo, { from: 'v0', to: 'v6' })).length).toBe(cliChanges(dir, 'v0', 'v6').length);
  });

  it('reads loose objects written on top of a pack', async () => {
    const { dir } = await buildHistory();
    git(dir, 'repack', '-q', '-ad');
    await put(dir, { 'labels/test/bmi/test-bmi-001.json': label('bmi-1', 1234), 'labels/test/new/one.json': label('new', 1, 'new') });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'after the pack');
    expect(Number(/^count: (\d+)$/m.exec(git(dir, 'count-objects', '-v'))![1])).toBeGreaterThan(0);
    const repo = await openRepo({ dir });
    expect(await readLabelsAt(repo, { ref: 'HEAD' })).toEqual(cliFiles(dir, 'HEAD'));
    const changes = await changedPaths(repo, { from: 'v6', to: 'HEAD' });
    expect(changes.map(({ path, change, oldOid, newOid }) => ({ path, change, ...(oldOid && { oldOid }), ...(newOid && { newOid }) })))
      .toEqual(cliChanges(dir, 'v6', 'HEAD'));
  });

  it('says which object is missing', async () => {
    const { dir } = await buildHistory();
    git(dir, 'gc', '-q');
    const repo = await openRepo({ dir });
    let error: unknown;
    try {
      objectDatabase(repo).read('0123456789abcdef0123456789abcdef01234567');
    } catch (caught) {
      error = caught;
    }
    expect(isGitStoreError(error, 'MISSING_OBJECT')).toBe(true);
    expect((error as { data: { oid: string } }).data.oid).toBe('0123456789abcdef0123456789abcdef01234567');
  });
});

describe('pack index and delta format', () => {
  /** A version-2 index for `objects` (oid → offset), large offsets in the 8-byte table. */
  function craftIndex(objects: Array<[string, number]>): Buffer {
    const sorted = [...objects].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const fanout = Buffer.alloc(1024);
    for (let byte = 0; byte < 256; byte++) fanout.writeUInt32BE(sorted.filter(([oid]) => parseInt(oid.slice(0, 2), 16) <= byte).length, byte * 4);
    const oids = Buffer.concat(sorted.map(([oid]) => Buffer.from(oid, 'hex')));
    const crcs = Buffer.alloc(4 * sorted.length);
    const small = Buffer.alloc(4 * sorted.length);
    const large: Buffer[] = [];
    sorted.forEach(([, offset], i) => {
      if (offset < 0x80000000) small.writeUInt32BE(offset, i * 4);
      else {
        small.writeUInt32BE((0x80000000 | large.length) >>> 0, i * 4);
        const entry = Buffer.alloc(8);
        entry.writeBigUInt64BE(BigInt(offset));
        large.push(entry);
      }
    });
    return Buffer.concat([Buffer.from([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]), fanout, oids, crcs, small, ...large, Buffer.alloc(40)]);
  }

  it('finds objects and reads 4-byte and 8-byte offsets', () => {
    const objects: Array<[string, number]> = [
      ['00aa' + '1'.repeat(36), 12],
      ['7f00' + '2'.repeat(36), 0x7fffffff],
      ['7f01' + '3'.repeat(36), 0x80000000],
      ['ff00' + '4'.repeat(36), 2 ** 33 + 5],
      ['ffff' + 'f'.repeat(36), 5000],
    ];
    const index = new PackIndex(craftIndex(objects), 2 ** 34);
    expect(index.count).toBe(5);
    for (const [oid, offset] of objects) expect(index.find(Buffer.from(oid, 'hex'))).toBe(offset);
    expect(index.find(Buffer.from('7f02' + '0'.repeat(36), 'hex'))).toBeUndefined();
    expect(index.find(Buffer.from('0'.repeat(40), 'hex'))).toBeUndefined();
    expect(index.endOf(12)).toBe(5000);
    expect(index.endOf(0x80000000)).toBe(2 ** 33 + 5);
    expect(index.endOf(2 ** 33 + 5)).toBe(2 ** 34);
    expect(index.oidAt(4)).toBe('ffff' + 'f'.repeat(36));
  });

  it('applies copy and insert instructions, and refuses a delta for another base', () => {
    const base = Buffer.from('0123456789'.repeat(10000)); // 100,000 bytes: a copy of 0x10000 needs the size-0 rule
    const target = Buffer.concat([Buffer.from('AB'), base.subarray(5, 5 + 0x10000), Buffer.from('Z'), base.subarray(70000, 70100)]);
    const varint = (n: number): number[] => {
      const out: number[] = [];
      do {
        let byte = n & 0x7f;
        n = Math.floor(n / 128);
        if (n > 0) byte |= 0x80;
        out.push(byte);
      } while (n > 0);
      return out;
    };
    const instructions = Buffer.from([
      ...varint(base.length), ...varint(target.length),
      0x02, 0x41, 0x42, // insert "AB"
      0x81, 0x05, // copy from 5, size absent → 0x10000
      0x01, 0x5a, // insert "Z"
      0x97, 70000 & 0xff, (70000 >> 8) & 0xff, (70000 >> 16) & 0xff, 100, // copy 100 from 70000
    ]);
    expect(applyDelta(base, instructions).equals(target)).toBe(true);
    expect(() => applyDelta(base.subarray(1), instructions)).toThrow(/bad delta/);
  });
});
