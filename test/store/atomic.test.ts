import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically, writeFilesAtomically } from '../../src/store/atomic.js';
import { testdir } from '../helpers/tempdir.js';

describe('atomic writes', () => {
  it('writes, replaces and deletes several files in one step, leaving no temp files', async () => {
    const dir = testdir();
    writeFileSync(join(dir, 'old.txt'), 'old');
    writeFileSync(join(dir, 'gone.txt'), 'gone');
    await writeFilesAtomically([
      { path: join(dir, 'old.txt'), content: 'new' },
      { path: join(dir, 'sub/deep/added.txt'), content: 'added' },
      { path: join(dir, 'gone.txt'), content: null },
    ]);
    expect(readFileSync(join(dir, 'old.txt'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'sub/deep/added.txt'), 'utf8')).toBe('added');
    expect(existsSync(join(dir, 'gone.txt'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['old.txt', 'sub']);
  });

  it('writes content given as pieces, in order, as UTF-8', async () => {
    const dir = testdir();
    const pieces = Array.from({ length: 5000 }, (_, k) => `{"k":${k},"t":"Größe — 体重 🩺"}\n`);
    await writeFileAtomically(join(dir, 'big.jsonl'), pieces);
    expect(readFileSync(join(dir, 'big.jsonl'), 'utf8')).toBe(pieces.join(''));
  });

  it('changes nothing when one of the files cannot be written', async () => {
    const dir = testdir();
    writeFileSync(join(dir, 'a.txt'), 'a');
    writeFileSync(join(dir, 'plain'), 'a file, not a folder');
    // The second target's folder would have to be made inside a file: fails before any rename.
    await expect(
      writeFilesAtomically([
        { path: join(dir, 'a.txt'), content: 'A' },
        { path: join(dir, 'plain/b.txt'), content: 'B' },
      ]),
    ).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('a');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'plain']);
  });

  it('puts back the files already replaced when a later rename fails', async () => {
    const dir = testdir();
    writeFileSync(join(dir, 'a.txt'), 'a');
    // The target of the second write is a non-empty folder: its temp file is written, its rename fails.
    mkdirSync(join(dir, 'b.txt'));
    writeFileSync(join(dir, 'b.txt/inside'), 'x');
    await expect(
      writeFilesAtomically([
        { path: join(dir, 'a.txt'), content: 'A' },
        { path: join(dir, 'b.txt'), content: 'B' },
      ]),
    ).rejects.toThrow();
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('a');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });
});
