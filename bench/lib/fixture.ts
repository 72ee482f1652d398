/**
 * A committed synthetic benchmark repository of N labels under /tmp (never in the repository), made once
 * and reused by every benchmark that asks for the same N: labels from scripts/make-synthetic-benchmark.ts
 * (an imported benchmark: original labels, no relabels or sign-offs, so the release gate passes), written
 * with synchronous writes and committed with the git CLI. Building it is not measured.
 *
 *   npx tsx bench/lib/fixture.ts 100000      builds (or reuses) /tmp/steward-bench/n100000
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOG } from '../../src/calculators/catalog.js';
import { initBenchmark } from '../../src/init/init-benchmark.js';
import type { Label } from '../../src/label/types.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { labelPath } from '../../src/store/paths.js';
import { mulberry32 } from '../../src/stats/random.js';
import { syntheticLabel } from '../../scripts/make-synthetic-benchmark.js';

export const FIXTURE_ROOT = process.env.STEWARD_BENCH_DIR ?? '/tmp/steward-bench';
export const author = { name: 'Bench Runner', email: 'bench@medcalc-steward.invalid' };
export const gitIdentity = ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`];

/** The label the fixture holds at index i (deterministic: seed 7). */
export function fixtureLabels(count: number): (i: number) => Label {
  const random = mulberry32(7).uniform;
  const width = Math.max(6, String(count).length);
  return (i) => {
    const generated = syntheticLabel(i, 'synth', width, random);
    const answer = generated.revision?.previous ?? generated.answer;
    return { ...generated, answer, status: 'original', revision: null, signoffs: [] };
  };
}

/**
 * The repository of `count` labels, committed (built the first time, reused after: a `.complete` marker says it
 * finished).
 */
export async function committedFixture(count: number): Promise<string> {
  const dir = join(FIXTURE_ROOT, `n${count}`);
  if (existsSync(join(dir, '.git', 'steward-bench-complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.env.GIT_AUTHOR_NAME = author.name;
  process.env.GIT_AUTHOR_EMAIL = author.email;
  await initBenchmark({ dir, name: `bench ${count}` });
  const label = fixtureLabels(count);
  const slugs = new Map(CATALOG.map((c) => [c.id, c.slug]));
  const made = new Set<string>();
  for (let i = 0; i < count; i++) {
    const l = label(i);
    const path = join(dir, labelPath(l.split, slugs.get(l.calculator.id)!, l.id));
    const folder = path.slice(0, path.lastIndexOf('/'));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(path, canonicalJson(l));
  }
  // A million loose objects would start `git gc --auto` inside the commit (34 minutes seen), and in
  // every git-side commit the benchmark times after; the benchmark packs when it means to.
  execFileSync('git', ['config', 'gc.auto', '0'], { cwd: dir });
  execFileSync('git', ['add', '-A'], { cwd: dir, stdio: 'ignore' });
  execFileSync('git', [...gitIdentity, 'commit', '-q', '-m', `synthetic fixture of ${count} labels`], {
    cwd: dir,
    stdio: 'ignore',
  });
  writeFileSync(join(dir, '.git', 'steward-bench-complete'), '');
  return dir;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const n of process.argv.slice(2).map(Number)) {
    const start = performance.now();
    console.log(`${await committedFixture(n)} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  }
}
