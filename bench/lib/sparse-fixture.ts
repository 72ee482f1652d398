/**
 * A benchmark repository of N labels whose objects are made by `git fast-import` (one pack, no files
 * written for the labels) and whose working tree is sparse: every label is in the index with git's
 * skip-worktree bit, so `git status`, `git add -A` and `steward commit` treat them as unchanged, and
 * only the labels a benchmark rewrites are on disk. This is how the engine's own costs at 1,000,000
 * labels (a commit of 100, a diff of 1,000) are measured in minutes, beside git's, without a 4 GB
 * working tree whose scan would swamp both (the full-checkout numbers are bench/cli.ts's).
 *
 * The pack has no deltas (`--depth=0`): fast-import's default chains each blob onto the one before it,
 * 50 deep, and then git's own read of 2,000 blobs took 0.44 s at 100k instead of 0.05 s, which would
 * flatter any reader compared with it. Undeltified, git reads as fast as it can: the strictest comparison.
 *
 * Two tags: v1 (N labels of scripts/make-synthetic-benchmark.ts) and v2 (`changes` of them edited,
 * spread evenly). Kept under FIXTURE_ROOT/sparse-<N>x<changes>; a fixture whose tags are there is reused.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticLabel } from '../../scripts/make-synthetic-benchmark.js';
import { CATALOG } from '../../src/calculators/catalog.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { mulberry32 } from '../../src/stats/random.js';
import { FIXTURE_ROOT } from './fixture.js';
import { benchEnv } from './git-lines.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const git = (dir: string, args: string[], input?: string): string =>
  execFileSync('git', args, { cwd: dir, env: benchEnv, input, encoding: 'utf8', maxBuffer: 1 << 30 });

export interface SparseFixture {
  dir: string;
  count: number;
  /** Repository paths of every label, in tree order. */
  paths: string[];
}

export async function sparseFixture(count: number, changes: number): Promise<SparseFixture> {
  // The change count is part of the name: a fixture kept for another --changes is not this one.
  const dir = join(FIXTURE_ROOT, `sparse-${count}x${changes}`);
  if (existsSync(join(dir, '.git')) && tagExists(dir, 'v2')) return { dir, count, paths: labelPaths(dir) };
  rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, [join(ROOT, 'bin/steward.js'), 'init', dir], { env: benchEnv });
  git(dir, ['config', 'gc.auto', '0']);
  const branch = git(dir, ['symbolic-ref', 'HEAD']).trim();
  const base = git(dir, ['rev-parse', 'HEAD']).trim();
  const step = Math.max(1, Math.floor(count / changes));
  const edited = new Set(Array.from({ length: Math.min(changes, count) }, (_, k) => k * step));
  const v2: Array<[string, string]> = [];
  const width = Math.max(6, String(count).length);
  const random = mulberry32(1).uniform; // as make-synthetic-benchmark.ts: the same labels for a count

  await fastImport(dir, function* () {
    yield commitHeader(branch, base, 'Synthetic labels', 1);
    for (let i = 0; i < count; i++) {
      const item = syntheticLabel(i, 'synth', width, random);
      const path = `labels/synth/${CATALOG[i % CATALOG.length].slug}/${item.id}.json`;
      yield inline(path, canonicalJson(item));
      if (edited.has(i)) v2.push([path, canonicalJson({ ...item, explanation: `${item.explanation} (v2)` })]);
    }
    yield '\nreset refs/tags/v1\nfrom :1\n\n';
    yield commitHeader(branch, null, `${v2.length} changes`, 2);
    for (const [p, text] of v2) yield inline(p, text);
    yield '\nreset refs/tags/v2\nfrom :2\n\n';
  });
  // The index holds every label (git read-tree), each marked skip-worktree; the steward files are on disk.
  git(dir, ['read-tree', 'HEAD']);
  const paths = labelPaths(dir);
  git(dir, ['update-index', '-z', '--skip-worktree', '--stdin'], paths.join('\0') + '\0');
  return { dir, count, paths };
}

function labelPaths(dir: string): string[] {
  return git(dir, ['ls-tree', '-r', '-z', '--name-only', 'v1', '--', 'labels'])
    .split('\0')
    .filter((p) => p.endsWith('.json'));
}

function tagExists(dir: string, tag: string): boolean {
  try {
    git(dir, ['rev-parse', '--verify', '-q', `refs/tags/${tag}`]);
    return true;
  } catch {
    return false;
  }
}

function commitHeader(branch: string, from: string | null, message: string, n: number): string {
  const data = Buffer.byteLength(message);
  return (
    `commit ${branch}\nmark :${n}\ncommitter Bench <bench@example.org> ${1_700_000_000 + n} +0000\n` +
    `data ${data}\n${message}\n${from ? `from ${from}\n` : ''}`
  );
}

function inline(path: string, text: string): string {
  return `M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
}

/** Streams the commands into `git fast-import`, waiting on the pipe when it is full. */
async function fastImport(dir: string, commands: () => Generator<string>): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet', '--done', '--depth=0'], {
    cwd: dir,
    env: benchEnv,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  let chunk = '';
  for (const command of commands()) {
    chunk += command;
    if (chunk.length > 1 << 20) {
      if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
      chunk = '';
    }
  }
  child.stdin.end(`${chunk}done\n`);
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import failed (${code}) in ${dir}`);
}
