import { hash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBatchesInOrder, readTextsInOrder } from '../../src/store/read-texts.js';
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

  it("hashes each file's bytes on the reader thread: the sha256 of the file, and of its text's UTF-8", async () => {
    const { files } = make();
    let k = 0;
    let hashed = 0;
    for await (const batch of readBatchesInOrder(files, { sha256: true })) {
      for (let i = 0; i < batch.length; i++, k++) {
        const digest = batch.sha256(i);
        // Files read on this thread (the few after the reader stops, if any) have none; most do.
        if (!digest) continue;
        hashed++;
        expect(digest.toString('hex')).toBe(hash('sha256', readFileSync(files[k]), 'hex'));
        expect(digest.toString('hex')).toBe(hash('sha256', batch.text(i), 'hex'));
      }
    }
    expect(k).toBe(files.length);
    expect(hashed).toBe(files.length);
  });

  it('gives no hash for files it reads on the calling thread (too few for a reader)', async () => {
    const { files } = make();
    const few = files.slice(0, 10);
    for await (const batch of readBatchesInOrder(few, { sha256: true })) expect(batch.sha256(0)).toBeUndefined();
  });

  it('hashes nothing unless asked (validate has no use for the hashes), and gives the same texts', async () => {
    const { files } = make();
    let k = 0;
    for await (const batch of readBatchesInOrder(files)) {
      for (let i = 0; i < batch.length; i++, k++) {
        expect(batch.sha256(i)).toBeUndefined();
        expect(batch.text(i)).toBe(readFileSync(files[k], 'utf8'));
      }
    }
    expect(k).toBe(files.length);
  });

  it('fails on an unreadable file exactly as readFileSync does', async () => {
    const { dir, files } = make();
    files.splice(2_200, 0, join(dir, 'missing.json'));
    await expect(readAll(files)).rejects.toThrow(/ENOENT.*missing\.json/);
  });
});
