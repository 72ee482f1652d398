/**
 * Does a commit, a diff or a read of every label cost more as the repository grows? The CLI
 * (`node bin/steward.js`, built by `npm run build`) against git doing the same work, in the same run,
 * at each of --sizes, on the sparse fixtures of bench/lib/sparse-fixture.ts (objects by fast-import;
 * only the labels rewritten are on disk, the rest skip-worktree, so neither side's time is a scan of a
 * 4 GB working tree):
 *
 *   (a) `steward commit` of --commit-changes labels rewritten on disk vs `git add -A labels && git commit`;
 *   (b) `steward diff v1 v2` of the fixture's --changes vs `git diff-tree -r -z` + `git cat-file --batch`
 *       of both sides;
 *   (c) every label at v1 read from the pack: bench/read-all.mjs (streamLabelsAt, the read of export,
 *       verify and release) vs `git ls-tree -r -z` + `git cat-file --batch`.
 *
 * Then each row's growth from the smallest size to the largest, steward's beside git's.
 *
 * npm run build && npx tsx bench/scale.ts [--sizes 10000,100000,1000000] [--runs 5] [--changes 1000]
 * [--commit-changes 100] [--json out.json]. Building the 1M fixture took 406 s here (once; it is kept).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Sample, benchEnv, catFileBoth, readAllGit, stats, sum, timed } from './lib/git-lines.js';
import { sparseFixture } from './lib/sparse-fixture.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};

interface Row {
  operation: string;
  size: number;
  steward: ReturnType<typeof stats>;
  git: ReturnType<typeof stats>;
}

/** Alternating runs of both sides, `before` ahead of each. */
function measure(runs: number, ours: () => Sample, theirs: () => Sample, before: () => void = () => {}) {
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    before();
    a.push(ours());
    before();
    b.push(theirs());
  }
  return { steward: stats(a), git: stats(b) };
}

const git = (dir: string, args: string[], input?: string): string =>
  execFileSync('git', args, { cwd: dir, env: benchEnv, input, encoding: 'utf8', maxBuffer: 1 << 30 });

/** Puts `paths` on disk as tracked files (no longer skip-worktree), as a user would before editing them. */
function checkOut(dir: string, paths: string[]): void {
  git(dir, ['update-index', '-z', '--no-skip-worktree', '--stdin'], paths.join('\0') + '\0');
  git(dir, ['checkout-index', '-f', '-z', '--stdin'], paths.join('\0') + '\0');
}

let round = 0;
/** A change git and steward both see: the note id of each file gets a new suffix. */
function rewrite(dir: string, paths: string[]): void {
  round++;
  for (const path of paths) {
    const file = join(dir, path);
    const label = JSON.parse(readFileSync(file, 'utf8'));
    label.source.noteId = `${String(label.source.noteId).replace(/~.*$/, '')}~r${round}`;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(label, null, 2) + '\n');
  }
}

async function main(): Promise<void> {
  const sizes = option('sizes', '10000,100000').split(',').map(Number);
  const runs = Number(option('runs', '5'));
  const changes = Number(option('changes', '1000'));
  const commitChanges = Number(option('commit-changes', '100'));
  const steward = (dir: string, ...args: string[]): Sample =>
    timed(process.execPath, [join(ROOT, 'bin/steward.js'), ...args, '--dir', dir], dir);
  const rows: Row[] = [];
  for (const size of sizes) {
    const started = performance.now();
    const fixture = await sparseFixture(size, changes);
    process.stderr.write(`fixture ${size}: ${fixture.dir} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    const { dir, paths } = fixture;
    const step = Math.max(1, Math.floor(paths.length / commitChanges));
    const edited = Array.from({ length: Math.min(commitChanges, paths.length) }, (_, k) => paths[k * step]);
    checkOut(dir, edited);
    const commit = measure(
      runs,
      () => steward(dir, 'commit', '-m', 'steward'),
      () => sum([timed('git', ['add', '-A', 'labels'], dir), timed('git', ['commit', '-q', '-m', 'git'], dir)]),
      () => rewrite(dir, edited),
    );
    rows.push({ operation: `commit of ${edited.length} changed labels`, size, ...commit });
    const diff = measure(
      runs,
      () => steward(dir, 'diff', 'v1', 'v2'),
      () => catFileBoth(dir, 'v1', 'v2'),
    );
    rows.push({ operation: `diff of ${changes} changes between two tags`, size, ...diff });
    const read = measure(
      runs,
      () => timed(process.execPath, [join(ROOT, 'bench/read-all.mjs'), dir, 'v1'], ROOT),
      () => readAllGit(dir, 'v1'),
    );
    rows.push({ operation: 'read all labels at a tag, packed', size, ...read });
    process.stderr.write(
      `${size}: commit ${commit.steward.median} s (git ${commit.git.median} s), ` +
        `diff ${diff.steward.median} s (git ${diff.git.median} s), ` +
        `read ${read.steward.median} s (git ${read.git.median} s)\n`,
    );
  }
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(`\n${runs} runs each, alternating; load average ${load} at the end\n`);
  console.log(
    '| operation | labels | steward min / median s | git min / median s | ratio (medians) ' +
      '| steward / git peak RSS MB |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.operation} | ${r.size.toLocaleString('en')} | ` +
        `${r.steward.min.toFixed(2)} / ${r.steward.median.toFixed(2)} | ` +
        `${r.git.min.toFixed(2)} / ${r.git.median.toFixed(2)} | ${(r.steward.median / r.git.median).toFixed(1)}× | ` +
        `${r.steward.rssMb.toFixed(0)} / ${r.git.rssMb.toFixed(0)} |`,
    );
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  if (small !== large) {
    console.log(`\n| operation | steward growth ${small} → ${large} | git growth |\n|---|---|---|`);
    for (const op of new Set(rows.map((r) => r.operation))) {
      const a = rows.find((r) => r.operation === op && r.size === small)!;
      const b = rows.find((r) => r.operation === op && r.size === large)!;
      console.log(
        `| ${op} | ×${(b.steward.median / a.steward.median).toFixed(2)} | ` +
          `×${(b.git.median / a.git.median).toFixed(2)} |`,
      );
    }
  }
  const json = option('json', '');
  if (json) writeFileSync(json, JSON.stringify({ sizes, runs, load, rows }, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
