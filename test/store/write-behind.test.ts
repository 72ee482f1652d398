import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStaged } from '../../src/exporters/sink.js';
import { mulberry32 } from '../../src/stats/random.js';
import { SLOT_BYTES, WriteBehind, WriterFailed } from '../../src/store/write-behind.js';
import { testdir } from '../helpers/tempdir.js';

/** Random text of awkward pieces: multi-byte characters, lone surrogates, lines longer than a slot. */
function pieces(seed: number, count: number): string[] {
  const random = mulberry32(seed).uniform;
  const kinds = ['a', 'é', '🩺', '\ud800', '体', '\n', 'x'.repeat(5000), '€'.repeat(1_600_000)];
  return Array.from({ length: count }, (_, k) =>
    Array.from(
      { length: 1 + Math.floor(random() * 4) },
      () => kinds[Math.floor(random() * (k % 400 === 0 ? kinds.length : kinds.length - 1))],
    ).join(''),
  );
}

describe('WriteBehind', () => {
  it('a staged file written through the helper thread holds exactly the UTF-8 of what was written, in order', async () => {
    const dir = testdir();
    const texts = pieces(11, 6000);
    const out = join(dir, 'out.txt');
    await writeStaged([out], async ([file]) => {
      for (const [k, text] of texts.entries()) file.write(k % 5 === 0 ? Buffer.from(text, 'utf8') : text);
    });
    const expected = Buffer.from(texts.join(''), 'utf8');
    // Several slots' worth: the thread wrote most of it.
    expect(expected.length).toBeGreaterThan(4 * SLOT_BYTES);
    expect(readFileSync(out).equals(expected)).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('a file of less than one buffer is written without the thread, byte for byte', async () => {
    const dir = testdir();
    const out = join(dir, 'small.txt');
    await writeStaged([out], async ([file]) => file.write('{"id": "test-0001"}\n'));
    expect(readFileSync(out, 'utf8')).toBe('{"id": "test-0001"}\n');
  });

  it('a write that fails on the thread is the fs error, from finish and from writeStaged, and nothing is left', async () => {
    // /dev/full takes no bytes: the thread's first write fails with ENOSPC.
    const fd = openSync('/dev/full', 'w');
    try {
      const behind = new WriteBehind(fd);
      behind.write(Buffer.alloc(0)); // the first (synchronous) write: nothing to write, then the thread starts
      const slot = behind.nextBuffer();
      slot.fill(0x61, 0, 100);
      behind.write(slot.subarray(0, 100));
      await expect(behind.finish()).rejects.toMatchObject({ code: 'ENOSPC', syscall: 'write' });
    } finally {
      closeSync(fd);
    }
    const fd2 = openSync('/dev/full', 'w');
    try {
      const behind = new WriteBehind(fd2);
      behind.write(Buffer.alloc(0));
      // The caller keeps filling slots; once the thread has stopped, the next wait says so.
      const thrown = (() => {
        try {
          for (let k = 0; k < 1000; k++) behind.write(behind.nextBuffer().subarray(0, 10));
          behind.end();
        } catch (error) {
          return error;
        }
      })();
      expect(thrown).toBeInstanceOf(WriterFailed);
      expect(await behind.failure()).toMatchObject({ code: 'ENOSPC' });
    } finally {
      closeSync(fd2);
    }
  });

  it('an export abandoned half-way stops the thread and leaves no file', async () => {
    const dir = testdir();
    const out = join(dir, 'out.txt');
    const big = 'x'.repeat(SLOT_BYTES / 2);
    await expect(
      writeStaged([out], async ([file]) => {
        for (let k = 0; k < 20; k++) file.write(big);
        throw new Error('the release did not verify');
      }),
    ).rejects.toThrow('the release did not verify');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
