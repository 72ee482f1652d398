/**
 * The storage engine against git plumbing doing the same I/O, in the same run, through separate
 * processes (the CLI built by `npm run build`, `node bin/steward.js`), min and median of --runs,
 * peak RSS from /usr/bin/time:
 *
 *   (a) diff of --changes labels between two tags: `steward diff v1 v2` vs `git diff-tree -r -z` +
 *       `git cat-file --batch` of both sides' blobs;
 *   (b) commit of --commit-changes labels rewritten on disk: `steward commit` vs
 *       `git add -A labels && git commit`;
 *   (c) read all labels at a tag, loose then packed (`git repack -ad`): bench/read-all.mjs
 *       (streamLabelsAt, built) vs `git ls-tree -r -z` + `git cat-file --batch`;
 *   the same three in-process through src/git (no process start-up, no label parsing or rendering:
 *   the engine alone), against the same git plumbing;
 *   and process start-up alone (`steward --help` vs `git --version`), which every steward row
 *   includes: Node's start-up is paid once per command, git's once per plumbing process.
 *
 * npm run build && npx tsx bench/git.ts [--count 10000] [--changes 1000] [--commit-changes 100] [--runs 3] [--json
 * out.json]
 *
 * The fixture is scripts/make-synthetic-benchmark.ts's labels, committed with the git CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { makeSyntheticBenchmark } from '../scripts/make-synthetic-benchmark.js';
import { type Sample, benchEnv, catFileBoth, readAllGit, stats, sum, timed } from './lib/git-lines.js';
import { changedPaths, commitFiles, openRepo, pendingLabelChanges, streamLabelsAt } from '../src/git/index.js';

export { buildFixture, labelPathOf, slugOf, syntheticLabel } from './git-fixture.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const count = Number(option('count', '10000'));
const changes = Number(option('changes', '1000'));
const commitChanges = Number(option('commit-changes', '100'));
const runs = Number(option('runs', '3'));
const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd: dir, env: benchEnv, encoding: 'utf8', maxBuffer: 1 << 30 });
const steward = (dir: string, ...args: string[]): Sample =>
  timed(process.execPath, [join(ROOT, 'bin/steward.js'), ...args, '--dir', dir], dir);

/** Rewrite `n` labels (every count/n-th), a field git and steward both see as a change. */
function rewrite(dir: string, n: number, tag: string): void {
  const files = git(dir, 'ls-files', 'labels')
    .split('\n')
    .filter((p) => p.endsWith('.json'));
  const step = Math.max(1, Math.floor(files.length / n));
  for (let i = 0; i < n; i++) {
    const path = join(dir, files[(i * step) % files.length]);
    const label = JSON.parse(readFileSync(path, 'utf8')) as { source: { noteId: string } };
    label.source.noteId = `${label.source.noteId.replace(/~.*$/, '')}~${tag}`;
    writeFileSync(path, JSON.stringify(label, null, 2) + '\n');
  }
}

/** An in-process call: wall seconds; RSS is this process's peak so far (it includes the fixture's). */
async function inProcess(task: () => Promise<unknown>): Promise<Sample> {
  const started = performance.now();
  await task();
  return { seconds: (performance.now() - started) / 1000, rssMb: process.resourceUsage().maxRSS / 1024 };
}

async function measureAsync(
  operation: string,
  ours: () => Promise<Sample>,
  theirs: () => Sample,
  before?: () => void,
): Promise<void> {
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    before?.();
    a.push(await ours());
    before?.();
    b.push(theirs());
  }
  rows.push({ operation, steward: stats(a), git: stats(b) });
  process.stderr.write(`${operation}: steward ${stats(a).median}s, git ${stats(b).median}s\n`);
}

const rows: Array<{ operation: string; steward: ReturnType<typeof stats>; git: ReturnType<typeof stats> }> = [];
function measure(operation: string, ours: () => Sample, theirs: () => Sample, before?: () => void): void {
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    before?.();
    a.push(ours());
    before?.();
    b.push(theirs());
  }
  rows.push({ operation, steward: stats(a), git: stats(b) });
  process.stderr.write(`${operation}: steward ${stats(a).median}s, git ${stats(b).median}s\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

async function main(): Promise<void> {
  const dir = join(mkdtempSync(join(tmpdir(), 'steward-bench-git-')), 'bench');
  process.stderr.write(`fixture: ${count} labels in ${dir}\n`);
  execFileSync(process.execPath, [join(ROOT, 'bin/steward.js'), 'init', dir], { env: benchEnv });
  await makeSyntheticBenchmark({ dir, count });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Synthetic labels');
  git(dir, 'tag', 'v1');
  rewrite(dir, changes, 'v2');
  git(dir, 'commit', '-q', '-am', `${changes} changes`);
  git(dir, 'tag', 'v2');

  measure(
    'process start-up (steward --help, git --version)',
    () => timed(process.execPath, [join(ROOT, 'bin/steward.js'), '--help'], dir),
    () => timed('git', ['--version'], dir),
  );
  measure(
    `diff of ${changes} changes between two tags`,
    () => steward(dir, 'diff', 'v1', 'v2'),
    () => catFileBoth(dir, 'v1', 'v2'),
  );
  let round = 0;
  measure(
    `commit of ${commitChanges} changed labels`,
    () => steward(dir, 'commit', '-m', `steward ${round}`),
    () => sum([timed('git', ['add', '-A', 'labels'], dir), timed('git', ['commit', '-q', '-m', `git ${round}`], dir)]),
    () => rewrite(dir, commitChanges, `c${round++}`),
  );
  await measureAsync(
    `engine: changedPaths of ${changes} changes with both texts`,
    () => inProcess(async () => changedPaths(await openRepo({ dir }), { from: 'v1', to: 'v2', withContent: true })),
    () => catFileBoth(dir, 'v1', 'v2'),
  );
  await measureAsync(
    `engine: commitFiles of ${commitChanges} changed labels`,
    () =>
      inProcess(async () => {
        const repo = await openRepo({ dir });
        await commitFiles(repo, {
          paths: (await pendingLabelChanges(repo)).map((p) => p.path),
          message: `engine ${round}`,
          author: { name: 'Bench', email: 'bench@example.org' },
        });
      }),
    () => sum([timed('git', ['add', '-A', 'labels'], dir), timed('git', ['commit', '-q', '-m', `git ${round}`], dir)]),
    () => rewrite(dir, commitChanges, `e${round++}`),
  );
  const streamAll = (): Promise<Sample> =>
    inProcess(async () => {
      for await (const file of streamLabelsAt(await openRepo({ dir }), { ref: 'v2' })) void file;
    });
  await measureAsync(`engine: streamLabelsAt of all ${count} labels, loose`, streamAll, () => readAllGit(dir, 'v2'));
  const readAll = (): Sample => timed(process.execPath, [join(ROOT, 'bench/read-all.mjs'), dir, 'v2'], ROOT);
  measure(`read all ${count} labels at a tag, loose`, readAll, () => readAllGit(dir, 'v2'));
  git(dir, 'repack', '-adq');
  git(dir, 'prune-packed');
  measure(`read all ${count} labels at a tag, packed`, readAll, () => readAllGit(dir, 'v2'));
  await measureAsync(`engine: streamLabelsAt of all ${count} labels, packed`, streamAll, () => readAllGit(dir, 'v2'));

  const lines = [
    `${count} labels, ${runs} runs each, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} at the end`,
    '',
    '| operation | steward min / median s | git min / median s | ratio (medians) | steward peak RSS MB | git ' +
      'peak RSS MB |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.operation} | ${r.steward.min.toFixed(2)} / ${r.steward.median.toFixed(2)} | ` +
        `${r.git.min.toFixed(2)} / ${r.git.median.toFixed(2)} | ${(r.steward.median / r.git.median).toFixed(1)}× ` +
        `| ${r.steward.rssMb.toFixed(0)} | ${r.git.rssMb.toFixed(0)} |`,
    ),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const json = option('json', '');
  if (json) writeFileSync(json, JSON.stringify({ count, runs, rows }, null, 2) + '\n');
  rmSync(join(dir, '..'), { recursive: true, force: true });
}
