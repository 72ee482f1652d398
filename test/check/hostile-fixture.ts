import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type CheckResult, runCheck } from '../../src/check/run-check.js';
import { formatCheck } from '../../src/check/format-check.js';
import type { Label } from '../../src/label/types.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { writeLabels } from '../../src/store/write.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, tag } from '../helpers/git.js';
import { testdir } from '../helpers/tempdir.js';
import { demoLabels } from '../review/fixture.js';

export interface TrustedBench {
  dir: string;
  /** Private key paths (outside the repository), by reviewer id; `mallory` is registered for nobody. */
  keys: { maint: string; 'dr-a': string; 'dr-b': string; mallory: string };
}

/**
 * A benchmark as a careful maintainer sets it up: `init` registers the maintainer (the root of trust),
 * the demo labels are committed, two physicians are registered by change records the maintainer
 * signs, and v1.0.0 is tagged. Every hostile pull request below starts from a copy of it.
 */
export async function makeTrustedTemplate(): Promise<{ template: TrustedBench; cleanup: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'steward-hostile-'));
  const keyDir = mkdtempSync(join(tmpdir(), 'steward-hostile-keys-'));
  const keys = {
    maint: join(keyDir, 'maint.pem'),
    'dr-a': join(keyDir, 'dr-a.pem'),
    'dr-b': join(keyDir, 'dr-b.pem'),
    mallory: join(keyDir, 'mallory.pem'),
  };
  const init = await runCli([
    'init',
    'bench',
    '--maintainer',
    'maint',
    '--maintainer-name',
    'Maintainer M',
    '--maintainer-key',
    keys.maint,
    '--dir',
    root,
  ]);
  expect(init.code, init.err).toBe(0);
  const dir = join(root, 'bench');
  await writeLabels(dir, demoLabels());
  expect((await runCli(['commit', '-m', 'Add demo labels', '--dir', dir])).code).toBe(0);
  for (const id of ['dr-a', 'dr-b', 'mallory'] as const)
    expect((await runCli(['keygen', '--out', keys[id], '--dir', dir])).code).toBe(0);
  for (const id of ['dr-a', 'dr-b'] as const) {
    const r = await runCli([
      'reviewer',
      'add',
      id,
      '--name',
      `Dr ${id}`,
      '--role',
      'physician',
      '--key',
      keys[id],
      '--signer',
      'maint',
      '--signer-key',
      keys.maint,
      '--dir',
      dir,
    ]);
    expect(r.code, r.err).toBe(0);
  }
  await tag(dir, 'v1.0.0');
  return {
    template: { dir, keys },
    cleanup: () => [root, keyDir].forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
}

/** A fresh copy of the template's repository (keys shared: they live outside it). */
export function copyBench(t: TrustedBench): TrustedBench {
  const dir = join(testdir(), 'bench');
  cpSync(t.dir, dir, { recursive: true });
  return { dir, keys: t.keys };
}

export const cli = (dir: string, ...argv: string[]) => runCli([...argv, '--dir', dir]);

export async function ok(dir: string, ...argv: string[]): Promise<string> {
  const r = await cli(dir, ...argv);
  expect(r.code, `${argv.join(' ')}\n${r.err}`).toBe(0);
  return r.out;
}

export const propose = (dir: string, id: string, value: string, ...more: string[]) =>
  ok(
    dir,
    'propose',
    id,
    '--value',
    value,
    '--category',
    'extraction-error',
    '--rationale',
    `recomputed ${id}`,
    ...more,
  );
export const signoff = (
  b: TrustedBench,
  id: string,
  reviewer: string,
  key: string,
  decision = 'approve',
  ...more: string[]
) => ok(b.dir, 'signoff', id, '--reviewer', reviewer, '--decision', decision, '--key', key, ...more);

export function readJson<T = Label>(dir: string, path: string): T {
  return JSON.parse(readFileSync(join(dir, path), 'utf8')) as T;
}

export function writeJson(dir: string, path: string, value: unknown): void {
  writeFileSync(join(dir, path), canonicalJson(value));
}

/**
 * Runs the gate against v1.0.0 (library and CLI) and asserts it fails with a problem of `code` that
 * names the label, the reviewer and the reason: in the result, and in the CLI's output under the
 * label's own heading. Returns the result for further assertions.
 */
export async function expectRefused(
  dir: string,
  want: { label?: string; reviewer?: string; code: string; reason: RegExp; trust?: boolean },
): Promise<CheckResult> {
  const result = await runCheck({ dir, base: 'v1.0.0' });
  expect(result.passed, formatCheck(result)).toBe(false);
  if (want.trust) {
    const hit = result.trustProblems.find(
      (p) => p.code === want.code && (want.reviewer === undefined || p.reviewer === want.reviewer),
    );
    expect(hit, `no trust problem ${want.code} for ${want.reviewer}:\n${formatCheck(result)}`).toBeDefined();
    expect(hit!.message).toMatch(want.reason);
  } else {
    const label = result.labels.find((l) => l.id === want.label);
    expect(label, `no failing label ${want.label}:\n${formatCheck(result)}`).toBeDefined();
    const hit = label!.problems.find((p) => p.code === want.code);
    expect(hit, `${want.label} has no ${want.code}:\n${formatCheck(result)}`).toBeDefined();
    expect(hit!.message).toMatch(want.reason);
    if (want.reviewer) expect(hit!.reviewer ?? hit!.message).toContain(want.reviewer);
  }
  const r = await cli(dir, 'check', '--base', 'v1.0.0');
  expect(r.code).toBe(1);
  if (want.label) {
    const block = r.out.slice(r.out.indexOf(`${want.label}  `));
    expect(block.split('\n').slice(0, 12).join('\n')).toMatch(
      new RegExp(`^${want.label} [^\\n]*\\n(  [^\\n]*\\n)*  ${want.code}: [^\\n]*${want.reviewer ?? ''}`),
    );
  } else {
    expect(r.out).toContain(`${want.code}: `);
    if (want.reviewer) expect(r.out).toContain(want.reviewer);
  }
  return result;
}

export { demoLabels, tag, gitCli };
