import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { testdir } from '../helpers/tempdir.js';

describe('argv parsing', () => {
  const table: { argv: string[]; code: number; out?: RegExp; err?: RegExp }[] = [
    { argv: [], code: 2, err: /Name a command/ },
    { argv: ['--help'], code: 0, out: /steward <command> \[options\][\s\S]*import <format> <source>/ },
    { argv: ['validate', '--help'], code: 0, out: /Check labels against the schema/ },
    { argv: ['import', '--help'], code: 0, out: /--source-version/ },
    { argv: ['audit', '--help'], code: 0, out: /--triage/ },
    { argv: ['calc', '--help'], code: 0, out: /--convention/ },
    { argv: ['export', '--help'], code: 0, out: /medcalc-csv/ },
    { argv: ['frobnicate'], code: 2, err: /Unknown argument: frobnicate/ },
    { argv: ['validate', '--no-such-flag'], code: 2, err: /Unknown argument/ },
    { argv: ['import', 'other-format', 'x.csv'], code: 2, err: /Invalid values/ },
    { argv: ['export', '--format', 'xml'], code: 2, err: /Invalid values/ },
  ];
  for (const row of table) {
    it(`steward ${row.argv.join(' ') || '(nothing)'} → exit ${row.code}`, async () => {
      const r = await runCli([...row.argv, '--dir', testdir()]);
      expect(r.code).toBe(row.code);
      if (row.out) expect(r.out).toMatch(row.out);
      if (row.err) expect(r.err).toMatch(row.err);
    });
  }
});
