import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { commitFiles, initRepo, type Repo } from '../../src/git/index.js';
import { canonicalJson } from '../../src/store/canonical.js';

const made: string[] = [];

afterEach(async () => {
  while (made.length > 0) await rm(made.pop()!, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'steward-git-test-'));
  made.push(dir);
  return dir;
}

export const ALICE = { name: 'Alice Reviewer', email: 'alice@example.org' };

/** Run the git CLI in `dir` (tests only: it is the yardstick the module is checked against). */
export function cli(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' },
  });
}

/** A small synthetic label's canonical text. */
export function label(id: string, value: number, slug = 'bmi'): string {
  return canonicalJson({
    id,
    split: 'test',
    calculator: { id: 6, name: slug, category: 'physical' },
    answer: { kind: 'decimal', value, lower: value * 0.95, upper: value * 1.05 },
    status: 'original',
    revision: null,
    signoffs: [],
  });
}

export function labelFile(id: string, slug = 'bmi'): string {
  return `labels/test/${slug}/${id}.json`;
}

/** Write (text) or delete (null) files under the repository. */
export async function writeFiles(dir: string, files: Record<string, string | null>): Promise<string[]> {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    if (text === null) await unlink(full).catch(() => undefined);
    else {
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text);
    }
  }
  return Object.keys(files);
}

/** A repository with a config identity (unless `identity: false`) and, if given, a first commit of `files`. */
export async function makeRepo(files: Record<string, string> = {}, { identity = true } = {}): Promise<Repo> {
  const dir = await tempDir();
  const repo = await initRepo({ dir });
  if (identity) {
    cli(dir, 'config', 'user.name', ALICE.name);
    cli(dir, 'config', 'user.email', ALICE.email);
  }
  if (Object.keys(files).length > 0) {
    const paths = await writeFiles(dir, files);
    await commitFiles(repo, { paths, message: 'Initial labels', author: identity ? undefined : ALICE });
  }
  return repo;
}

/** Write files and commit them through the module. */
export async function commitChange(repo: Repo, files: Record<string, string | null>, message: string): Promise<string> {
  const paths = await writeFiles(repo.dir, files);
  const oid = await commitFiles(repo, { paths, message, author: ALICE });
  if (!oid) throw new Error('expected a commit');
  return oid;
}

/** Three calculators' worth of labels. */
export function seedLabels(): Record<string, string> {
  return {
    'README.md': '# labels\n',
    [labelFile('test-0001')]: label('test-0001', 22.5),
    [labelFile('test-0002')]: label('test-0002', 30.1),
    [labelFile('test-0003', 'ckd-epi')]: label('test-0003', 61, 'ckd-epi'),
    [labelFile('test-0004', 'ckd-epi')]: label('test-0004', 45, 'ckd-epi'),
    [labelFile('test-0005', 'wells')]: label('test-0005', 3, 'wells'),
  };
}
