import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Label } from '../../src/label/types.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { pathOfLabel } from '../../src/store/write.js';
import { runCli } from '../helpers/cli.js';
import { makeLabel } from '../helpers/labels.js';

/**
 * The corpus of malformed inputs (test/fixtures/bad-inputs/cases.json): each case runs through the real
 * CLI entry on a fresh copy of a small released benchmark, and must exit with its code, print a message
 * naming the file and the place, and leave the benchmark byte-identical: every file, link and folder,
 * .git included (objects, refs, HEAD, index).
 */
interface BadInputCase {
  name: string;
  why?: string;
  /** A fixture file (relative to the corpus folder), copied to a scratch folder outside the benchmark: {input}. */
  input?: string;
  /** Where in the benchmark the fixture is placed instead (a label, the config, a release record). */
  into?: string;
  /**
   * Done to the benchmark before its state is taken: folders, links, FIFOs, git commands (e.g. commit a placed file).
   */
  setup?: ({ mkdir: string } | { symlink: string; to: string } | { fifo: string } | { git: string[] })[];
  argv: string[];
  exit: 1 | 2;
  message: string;
}

const CORPUS = fileURLToPath(new URL('../fixtures/bad-inputs/', import.meta.url));
const cases = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8')) as BadInputCase[];

let root: string;
let base: string;
const work: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'steward-bad-inputs-'));
  base = await releasedBenchmark(root);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  while (work.length) rmSync(work.pop()!, { recursive: true, force: true });
});

/** init, two demo labels (the test helper's own synthetic BMI items), committed, released as 1.0.0. */
async function releasedBenchmark(parent: string): Promise<string> {
  expect((await runCli(['init', 'b', '--name', 'bad-inputs', '--dir', parent])).code).toBe(0);
  const dir = join(parent, 'b');
  const labels: Label[] = [
    makeLabel(),
    makeLabel({ id: 'demo-0002', source: { ...makeLabel().source, row: 2, noteId: 'n-2' } }),
  ];
  for (const label of labels) {
    const path = join(dir, pathOfLabel(label));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, canonicalJson(label));
  }
  expect((await runCli(['commit', '-m', 'two labels', '--dir', dir])).code).toBe(0);
  const released = await runCli(['release', '1.0.0', '--dir', dir]);
  expect(released.code, released.err).toBe(0);
  return dir;
}

/**
 * Every entry under dir (.git included) with what it is: file bytes' hash, link target, folder, FIFO. Never reads a
 * FIFO.
 */
function treeState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs).sort()) {
      const childAbs = join(abs, name);
      const childRel = rel ? `${rel}/${name}` : name;
      const info = lstatSync(childAbs);
      if (info.isSymbolicLink()) out[childRel] = `link → ${readlinkSync(childAbs)}`;
      else if (info.isDirectory()) {
        out[childRel] = 'folder';
        walk(childAbs, childRel);
      } else if (info.isFile())
        out[childRel] =
          `file ${createHash('sha256').update(readFileSync(childAbs)).digest('hex')} mode ` +
          `${(info.mode & 0o777).toString(8)}`;
      else out[childRel] = 'special';
    }
  };
  walk(dir, '');
  return out;
}

function prepare(c: BadInputCase): { bench: string; scratch: string; input?: string } {
  const dir = mkdtempSync(join(root, 'case-'));
  work.push(dir);
  const bench = join(dir, 'b');
  cpSync(base, bench, { recursive: true, verbatimSymlinks: true });
  const scratch = join(dir, 'scratch');
  mkdirSync(scratch);
  let input: string | undefined;
  if (c.input) {
    input = join(scratch, basename(c.input));
    copyFileSync(join(CORPUS, c.input), input);
  }
  if (c.into) {
    mkdirSync(dirname(join(bench, c.into)), { recursive: true });
    copyFileSync(join(CORPUS, c.input!), join(bench, c.into));
  }
  for (const step of c.setup ?? []) {
    if ('mkdir' in step) mkdirSync(join(bench, step.mkdir), { recursive: true });
    else if ('symlink' in step) symlinkSync(step.to, join(bench, step.symlink));
    else if ('fifo' in step) execFileSync('mkfifo', [join(bench, step.fifo)]);
    else
      execFileSync('git', ['-c', 'user.name=Corpus', '-c', 'user.email=corpus@example.org', ...step.git], {
        cwd: bench,
      });
  }
  return { bench, scratch, input };
}

describe('bad-input corpus', () => {
  it('has at least 60 cases, uniquely named, each expecting exit 1 or 2 and a message', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const c of cases) {
      expect([1, 2], c.name).toContain(c.exit);
      expect(c.message.length, c.name).toBeGreaterThan(5);
    }
  });

  for (const c of cases) {
    it(`${c.name}: exit ${c.exit}, names the place, changes nothing`, async () => {
      const { bench, scratch, input } = prepare(c);
      const before = treeState(bench);
      const fill = (arg: string) =>
        arg
          .replaceAll('{input}', input ?? '')
          .replaceAll('{scratch}', scratch)
          .replaceAll('{bench}', bench);
      const argv = c.argv.map(fill);
      if (!argv.includes('--dir')) argv.push('--dir', bench);
      const r = await runCli(argv);
      expect(r.out + r.err, `${c.name} printed: ${(r.out + r.err).slice(0, 1000)}`).toContain(c.message);
      expect(r.err).not.toMatch(/internal error/);
      expect(r.code, r.err).toBe(c.exit);
      expect(treeState(bench)).toEqual(before);
    });
  }
});
