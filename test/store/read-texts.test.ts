import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextsInOrder } from '../../src/store/read-texts.js';
import { testdir } from '../helpers/tempdir.js';

async function readAll(files: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readTextsInOrder(files)) out.push(...batch);
  return out;
}

describe('readTextsInOrder', () => {
  // 2,500 files: above the threshold at which a reader thread reads ahead.
  const make = () => {
    const dir = testdir();
    const files = Array.from({ length: 2_500 }, (_, i) => {
      const file = join(dir, `f${i}.json`);
      writeFileSync(file, `{"i": ${i}, "text": "${'é✓'.repeat(i % 50)}"}\n`);
      return file;
    });
    return { dir, files };
  };

  it('gives every text, in order, through the reader thread', async () => {
    const { files } = make();
    const texts = await readAll(files);
    expect(texts).toHaveLength(files.length);
    expect(texts.every((t, i) => t === readFileSync(files[i], 'utf8'))).toBe(true);
  });

  it('fails on an unreadable file exactly as readFileSync does', async () => {
    const { dir, files } = make();
    files.splice(2_200, 0, join(dir, 'missing.json'));
    await expect(readAll(files)).rejects.toThrow(/ENOENT.*missing\.json/);
  });
});
