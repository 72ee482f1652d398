/**
 * `npm run bench`: runs every benchmark in bench/ (each *.ts file but this one), one after another,
 * each in its own Node process (`node --import tsx`) with its output passed through, so one bench's
 * memory and warm-up do not colour the next one's numbers. Both measure the CLI in fresh processes
 * against git doing the same I/O in the same run; results and method: docs/benchmarks.md.
 *
 *   npm run bench                 every benchmark, in file-name order (bench/cli.ts, bench/git.ts)
 *   npm run bench -- cli          only bench/cli.ts (options such as --sizes and --runs: see its header)
 *
 * Exits 1 when a benchmark fails (the others still run).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const SELF = basename(fileURLToPath(import.meta.url));

const wanted = process.argv.slice(2).map((name) => name.replace(/\.ts$/, ''));
const all = readdirSync(BENCH_DIR)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && name !== SELF)
  .sort();
const unknown = wanted.filter((name) => !all.includes(`${name}.ts`));
if (unknown.length > 0) {
  console.error(
    `no such benchmark: ${unknown.join(', ')} (bench/ has ${all.map((name) => name.replace(/\.ts$/, '')).join(', ')})`,
  );
  process.exit(2);
}
const selected = wanted.length > 0 ? all.filter((name) => wanted.includes(name.replace(/\.ts$/, ''))) : all;

const failed: string[] = [];
for (const name of selected) {
  console.log(`\n=== bench/${name}\n`);
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, name)], {
    cwd: join(BENCH_DIR, '..'),
    stdio: 'inherit',
  });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (run.status !== 0) {
    failed.push(name);
    console.log(`\n=== bench/${name} failed (${run.signal ?? `exit ${run.status}`}) after ${seconds} s`);
  } else console.log(`\n=== bench/${name} done in ${seconds} s`);
}
if (failed.length > 0) {
  console.error(`\n${failed.length} of ${selected.length} benchmark(s) failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
