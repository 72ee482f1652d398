/**
 * The writing commands the kill tests and scripts/fault-injection.ts interrupt: how to set each up
 * (once, as a template copied per trial), its arguments, and how to tell that its job is done.
 * No vitest here: the fault script runs these outside the test runner.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { medcalcCsv, medcalcRow } from '../helpers/medcalc-csv.js';

export interface Scenario {
  name: string;
  /** Builds the template repository; returns the arguments of the command to interrupt (`{dir}` is replaced). */
  setup(dir: string, aside: string): Promise<string[]>;
  /**
   * Null when the job's result is committed in `dir` (the working tree may still need tidying), else what is missing.
   */
  landed(dir: string): string | null;
}

async function steward(args: string[]): Promise<void> {
  let err = '';
  const code = await main(args, { out: () => {}, err: (t) => (err += t), isTTY: false });
  if (code !== 0) throw new Error(`steward ${args.join(' ')} failed (${code}): ${err}`);
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const ROWS = 24;

function csv(rows = ROWS, answerShift = 0): string {
  return medcalcCsv(
    Array.from({ length: rows }, (_, i) => {
      const weight = 60 + i;
      const bmi = weight / 1.75 ** 2 + answerShift;
      return medcalcRow({
        'Row Number': String(i + 1),
        'Note ID': `synthetic-${i + 1}`,
        'Patient Note': `A patient of ${weight} kg and 175 cm tall comes for a check-up.`,
        'Relevant Entities': `{'weight': [${weight}.0, 'kg'], 'height': [175.0, 'cm']}`,
        'Ground Truth Answer': bmi.toFixed(3),
        'Lower Limit': (bmi * 0.95).toFixed(5),
        'Upper Limit': (bmi * 1.05).toFixed(5),
      });
    }),
  );
}

async function imported(dir: string, aside: string): Promise<void> {
  await steward(['init', dir]);
  writeFileSync(join(aside, 'first.csv'), csv());
  await steward(['import', 'medcalc-bench', join(aside, 'first.csv'), '--dir', dir]);
}

function labelAtHead(
  dir: string,
  id: string,
  ref = 'HEAD',
): { answer: { value: unknown }; signoffs: Array<{ reviewer: string }> } | null {
  try {
    git(dir, ['rev-parse', '-q', '--verify', `${ref}^{commit}`]);
  } catch {
    return null; // the branch was never made
  }
  const path = git(dir, ['ls-tree', '-r', '--name-only', ref, 'labels'])
    .split('\n')
    .find((p) => p.endsWith(`/${id}.json`));
  return path ? JSON.parse(git(dir, ['show', `${ref}:${path}`])) : null;
}

export function clean(dir: string): string | null {
  const status = git(dir, ['status', '--porcelain', '--untracked-files=all']).trim();
  return status === '' ? null : `git status: ${status.split('\n').slice(0, 3).join('; ')}`;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'import',
    async setup(dir, aside) {
      await steward(['init', dir]);
      writeFileSync(join(aside, 'rows.csv'), csv());
      return ['import', 'medcalc-bench', join(aside, 'rows.csv'), '--dir', '{dir}'];
    },
    landed(dir) {
      const files = git(dir, ['ls-tree', '-r', '--name-only', 'HEAD', 'labels'])
        .split('\n')
        .filter((p) => p.endsWith('.json'));
      return files.length !== ROWS ? `${files.length} of ${ROWS} labels committed` : null;
    },
  },
  {
    name: 'propose',
    async setup(dir, aside) {
      await imported(dir, aside);
      return [
        'propose',
        'test-0003',
        '--value',
        '41.5',
        '--category',
        'calculator-logic-mismatch',
        '--rationale',
        'recomputed from the note',
        '--branch',
        'relabel/k',
        '--dir',
        '{dir}',
      ];
    },
    landed(dir) {
      const label = labelAtHead(dir, 'test-0003', 'relabel/k');
      return label?.answer.value !== 41.5 ? `relabel/k has ${JSON.stringify(label?.answer.value)}` : null;
    },
  },
  {
    name: 'signoff',
    async setup(dir, aside) {
      await imported(dir, aside);
      const key = join(aside, 'dr-a.pem');
      await steward(['keygen', '--out', key, '--dir', dir]);
      await steward(['reviewer', 'add', 'dr-a', '--name', 'Dr A', '--role', 'physician', '--key', key, '--dir', dir]);
      return [
        'signoff',
        'test-0002',
        'test-0005',
        '--reviewer',
        'dr-a',
        '--decision',
        'reject',
        '--note',
        'unit error',
        '--key',
        key,
        '--dir',
        '{dir}',
      ];
    },
    landed(dir) {
      for (const id of ['test-0002', 'test-0005']) {
        const count = labelAtHead(dir, id)?.signoffs.filter((s) => s.reviewer === 'dr-a').length ?? 0;
        if (count !== 1) return `${id} has ${count} sign-offs by dr-a`;
      }
      return null;
    },
  },
  {
    name: 'reviewer add',
    async setup(dir, aside) {
      await imported(dir, aside);
      const key = join(aside, 'dr-b.pem');
      await steward(['keygen', '--out', key, '--dir', dir]);
      return ['reviewer', 'add', 'dr-b', '--name', 'Dr B', '--role', 'physician', '--key', key, '--dir', '{dir}'];
    },
    landed(dir) {
      const has = git(dir, ['ls-tree', '--name-only', 'HEAD', 'reviewers/']).includes('reviewers/dr-b.json');
      return has ? null : 'reviewers/dr-b.json not committed';
    },
  },
  {
    name: 'release',
    async setup(dir, aside) {
      await imported(dir, aside);
      return ['release', '1.0.0', '--dir', '{dir}'];
    },
    landed(dir) {
      const tags = git(dir, ['tag', '-l']).trim();
      return tags !== 'v1.0.0' ? `tags: ${JSON.stringify(tags)}` : null;
    },
  },
];

/** A fresh copy of a template repository for one trial. */
export function copyTemplate(template: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'steward-trial-')), 'bench');
  cpSync(template, dir, { recursive: true });
  return dir;
}

export function makeTemplate(): { dir: string; aside: string } {
  const root = mkdtempSync(join(tmpdir(), 'steward-template-'));
  const aside = join(root, 'aside');
  mkdirSync(aside);
  return { dir: join(root, 'bench'), aside };
}

/** Temp files of atomic writes anywhere in the working tree (there should be none after a command). */
export function leftoverTemps(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter(
    (p) => p.includes('.steward-tmp-') && !p.startsWith('.git'),
  );
}

export interface TrialOutcome {
  /** How the interrupted run ended: SIGKILL, or an exit code when it finished before the point. */
  killed: string;
  fsckAfterKill: boolean;
  validateAfterKill: boolean;
  /** The killed run's commit had landed (the kill came after the branch moved). */
  landedBeforeRerun: boolean;
  /** The re-run: the same command when the job had not landed, else any writer (`steward commit`) tidying up. */
  rerunCode: number | null;
  /** Null when complete: committed, clean tree, no temp files, fsck clean. */
  problem: string | null;
}

type Run = (
  args: string[],
  env?: Record<string, string>,
  options?: { killAfterMs?: number },
) => Promise<{ code: number | null; signal: string | null; err: string }>;

/** One trial on a fresh copy of the template: interrupt, inspect, re-run, inspect. */
export async function trial(
  scenario: Scenario,
  template: string,
  args: string[],
  run: Run,
  interrupt: { env?: Record<string, string>; killAfterMs?: number },
): Promise<TrialOutcome> {
  const dir = copyTemplate(template);
  const argv = args.map((a) => (a === '{dir}' ? dir : a));
  const first = await run(argv, interrupt.env ?? {}, { killAfterMs: interrupt.killAfterMs });
  const fsckAfterKill = fsckOk(dir);
  let validateAfterKill = true;
  try {
    await steward(['validate', '--dir', dir]);
  } catch {
    validateAfterKill = false;
  }
  const landedBeforeRerun = scenario.landed(dir) === null;
  const again = landedBeforeRerun ? await run(['commit', '-m', 'tidy', '--dir', dir]) : await run(argv);
  const problem =
    (again.code !== 0 ? `re-run exit ${again.code}: ${again.err.trim()}` : null) ??
    scenario.landed(dir) ??
    clean(dir) ??
    (leftoverTemps(dir).length > 0 ? `temp files left: ${leftoverTemps(dir).join(', ')}` : null) ??
    (fsckOk(dir) ? null : 'fsck failed after the re-run');
  return {
    killed: first.signal ?? `exit ${first.code}`,
    fsckAfterKill,
    validateAfterKill,
    landedBeforeRerun,
    rerunCode: again.code,
    problem,
  };
}

function fsckOk(dir: string): boolean {
  try {
    git(dir, ['fsck', '--strict', '--no-progress', '--no-dangling']);
    return true;
  } catch {
    return false;
  }
}
