import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createProgress } from '../../src/progress/progress.js';
import { useTestIdentity } from '../helpers/git.js';
import { testdir } from '../helpers/tempdir.js';
import { releasedDemo } from './demo-repo.js';

beforeAll(useTestIdentity);

async function run(argv: string[], isTTY: boolean) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), isTTY });
  return { code, out, err };
}

describe('the progress module', () => {
  it('draws one redrawn line on a terminal and clears it at the end', () => {
    let err = '';
    let t = 0;
    const p = createProgress({ io: { err: (s) => (err += s), isTTY: true }, interval: 100, now: () => t });
    p.tick('reading', 1, 3);
    t = 50;
    p.tick('reading', 2, 3); // within 100 ms of the last draw: skipped
    p.tick('reading', 3, 3); // the last one is always drawn
    p.tick('counted', 7);
    t = 500;
    p.tick('counted', 8);
    p.phase('writing');
    p.end();
    expect(err).toBe('\rreading 1/3\x1b[K\rreading 3/3\x1b[K\rcounted 8\x1b[K\rwriting…\x1b[K\r\x1b[K');
  });

  it('is silent when piped, with --json and with --quiet', () => {
    for (const options of [{ isTTY: false }, { isTTY: true, json: true }, { isTTY: true, quiet: true }]) {
      let err = '';
      const p = createProgress({
        io: { err: (s) => (err += s), isTTY: options.isTTY },
        json: options.json,
        quiet: options.quiet,
        interval: 0,
      });
      p.tick('x', 1, 1);
      p.phase('y');
      p.end();
      expect(err).toBe('');
    }
  });
});

describe('long commands report progress on a terminal only', () => {
  it('release, check, export, score; none with --quiet or when piped', async () => {
    const dir = await releasedDemo();
    const work = testdir({
      'p.jsonl': '{"id":"demo-0001","answer":"30.1"}\n',
      'verifier.jsonl': '{"id":"demo-0008","value":"10","category":"calculator-logic-mismatch"}\n',
    });
    const commands = [
      [['release', '0.1.1', '--dry-run', '--dir', dir], /checking labels against the previous release…/],
      [['check', '--dir', dir], /checking label files \d+/],
      [
        ['export', '--version', '0.1.0', '--format', 'hf', '--out', join(work, 'hf'), '--dir', dir],
        /writing data\/demo-00000-of-00001\.parquet 1\/1/,
      ],
      [
        ['export', '--version', '0.1.0', '--split', 'demo', '--out', join(work, 'demo.csv'), '--dir', dir],
        /reading release 0\.1\.0…/,
      ],
      [['score', join(work, 'p.jsonl'), '--version', '0.1.0', '--dir', dir], /scoring 1 predictions against 0\.1\.0…/],
      [['validate', '--dir', dir], /validating \d+\/\d+/],
      [
        [
          'propose',
          '--from',
          join(work, 'verifier.jsonl'),
          '--verifier',
          'demo',
          '--split',
          'demo',
          '--branch',
          'relabel/progress',
          '--dir',
          dir,
        ],
        /proposing relabels from .*verifier\.jsonl…/,
      ],
    ] as const;
    for (const [argv, pattern] of commands) {
      expect((await run([...argv], true)).err).toMatch(pattern);
      const quiet = await run([...argv, '--quiet'], true);
      expect(quiet.err).not.toMatch(pattern);
      expect((await run([...argv], false)).err).not.toMatch(pattern);
    }
  });
});
