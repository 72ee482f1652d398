import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { Label } from '../../src/label/types.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { pathOfLabel } from '../../src/store/write.js';
import { runCli } from './cli.js';
import { testdir } from './tempdir.js';

/** A new benchmark repository (steward init) holding these labels, committed. Returns its folder. */
export async function benchmarkWith(name: string, labels: Label[]): Promise<string> {
  const parent = testdir();
  expect((await runCli(['init', 'b', '--name', name, '--dir', parent])).code).toBe(0);
  const dir = join(parent, 'b');
  for (const label of labels) {
    const path = join(dir, pathOfLabel(label));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, canonicalJson(label));
  }
  expect((await runCli(['commit', '-m', `${labels.length} labels`, '--dir', dir])).code).toBe(0);
  return dir;
}
