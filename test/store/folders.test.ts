import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders, makeFoldersSync } from '../../src/store/folders.js';
import { testdir } from '../helpers/tempdir.js';

describe('makeFolders', () => {
  it('makes every missing folder with the mode asked, and accepts one that exists', async () => {
    const dir = testdir();
    await makeFolders(join(dir, 'a/b/c'), { mode: 0o700 });
    expect(statSync(join(dir, 'a/b/c')).isDirectory()).toBe(true);
    expect(statSync(join(dir, 'a')).mode & 0o077).toBe(0);
    await makeFolders(join(dir, 'a/b/c'));
  });

  it('ends with an error under /proc, where mkdir({ recursive: true }) never returns', async () => {
    await expect(makeFolders('/proc/steward-nope/deeper')).rejects.toMatchObject({
      code: 'FOLDER_NOT_CREATABLE',
      message: expect.stringContaining('cannot create folder /proc/steward-nope'),
    });
  });

  it('has a synchronous twin that behaves the same', () => {
    const dir = testdir();
    makeFoldersSync(join(dir, 'x/y'));
    expect(statSync(join(dir, 'x/y')).isDirectory()).toBe(true);
    expect(() => makeFoldersSync('/proc/steward-nope/deeper')).toThrow(/cannot create folder \/proc\/steward-nope/);
    writeFileSync(join(dir, 'f'), 'x');
    expect(() => makeFoldersSync(join(dir, 'f/g'))).toThrow(/is not a folder/);
  });

  it('names a file in the way', async () => {
    const dir = testdir();
    writeFileSync(join(dir, 'f'), 'x');
    await expect(makeFolders(join(dir, 'f/g'))).rejects.toMatchObject({ code: 'NOT_A_FOLDER' });
    expect(existsSync(join(dir, 'f/g'))).toBe(false);
  });
});
