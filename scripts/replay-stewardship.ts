/**
 * Replays the MedCalc-Bench stewardship audit (Ye et al., arXiv 2512.19691) with steward commands, the
 * way a maintainer would run it, in a fresh benchmark repository:
 *
 *   init → import v1.0 → release 1.0.0
 *   → propose the pipeline's blind recomputation y_new as a batch (verifier "stewardship-pipeline")
 *   → register the physician panel, import its 50 adjudications as signed sign-offs: the physician's
 *     own value (y*) is what each sign-off records, the panel's decided label (y_final) what the label
 *     becomes (amend where it differs from the proposal at all); "Multiple" is read as N/A (--read)
 *   → release 1.1.0 (relabels without a physician are verifier-only)
 *   → cite 1.0.0, export 1.0.0 as it was released, verify the export.
 *
 * Run: npx tsx scripts/replay-stewardship.ts [--shared ../shared] [--keep]
 * The real data is read from ../shared and written only into a temp folder, never into this repository.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../src/cli/main.js';

export interface ReplayStep {
  argv: string[];
  code: number;
  out: string;
  err: string;
}

export interface ReplayResult {
  /** The benchmark repository the replay built (inside `workDir`). */
  dir: string;
  workDir: string;
  keyPath: string;
  steps: ReplayStep[];
  /** Release notes of 1.1.0 (Markdown). */
  notes: string;
}

export interface ReplayOptions {
  shared: string;
  /** Where to build (default: a new temp folder). */
  workDir?: string;
  /** Commit identity for the replay's commits and tags. */
  author?: { name: string; email: string };
  log?: (text: string) => void;
}

/** Runs the whole replay; throws when a step exits with an unexpected code. */
export async function replayStewardship(options: ReplayOptions): Promise<ReplayResult> {
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'steward-replay-'));
  const dir = join(workDir, 'medcalc-bench');
  const keyPath = join(workDir, 'stewardship-panel.key');
  const data = (...p: string[]) => join(options.shared, ...p);
  const author = options.author ?? { name: 'Stewardship replay', email: 'replay@medcalc-steward.invalid' };
  process.env.GIT_AUTHOR_NAME ??= author.name;
  process.env.GIT_AUTHOR_EMAIL ??= author.email;
  const steps: ReplayStep[] = [];
  const run = async (argv: string[], expected = 0): Promise<ReplayStep> => {
    let out = '';
    let err = '';
    options.log?.(`$ steward ${argv.join(' ')}\n`);
    const code = await main([...argv, '--dir', argv[0] === 'init' ? workDir : dir], {
      out: (t) => (out += t),
      err: (t) => (err += t),
      isTTY: false,
    });
    const step = { argv, code, out, err };
    steps.push(step);
    if (code !== expected)
      throw new Error(`steward ${argv.join(' ')} exited ${code} (expected ${expected}):\n${err || out}`);
    return step;
  };

  await run(['init', 'medcalc-bench', '--name', 'MedCalc-Bench (stewarded replay)']);
  await run([
    'import',
    'medcalc-bench',
    data('medcalc-bench', 'v1.0', 'test_data.csv'),
    '--split',
    'test',
    '--source-version',
    '1.0',
  ]);
  await run([
    'release',
    '1.0.0',
    '--message',
    'MedCalc-Bench v1.0 test set as published (ncbi-nlp/MedCalc-Bench, 2024-06-26).',
  ]);

  await run([
    'propose',
    '--from',
    data('medcalc-stewardship', 'derived_csv', 'y_new_and_sampled_MD_evals.csv'),
    '--id-column',
    'uid',
    '--value-column',
    'y_new',
    '--verifier',
    'stewardship-pipeline',
  ]);
  await run(['keygen', '--out', keyPath]);
  await run([
    'reviewer',
    'add',
    'stewardship-panel',
    '--name',
    'Stewardship physician panel',
    '--role',
    'physician',
    '--specialty',
    'pediatric critical care; anesthesiology; radiation oncology',
    '--key',
    keyPath,
  ]);
  // The panel's file has each physician's own value (y*, the ground truth of the agreement statistics)
  // and the label the panel settled on (y_final): the label becomes exactly y_final, the sign-off keeps y*.
  // "Multiple" on row 342 (several sodium values over time: no single answer) is read as N/A, as the
  // panel's y_final and the paper's script read it; the import prints this reading in its table.
  await run([
    'signoff',
    '--from',
    data('medcalc-stewardship', 'derived_csv', 'y_final_MD_evals_incorporated.csv'),
    '--decision-column',
    'y_final',
    '--read',
    'Multiple=N/A',
    '--reviewer',
    'stewardship-panel',
    '--key',
    keyPath,
  ]);
  const release = await run([
    'release',
    '1.1.0',
    '--allow-verifier-only',
    '--message',
    "Labels recomputed by the stewardship pipeline (supermajority of five runs), with the physician panel's " +
      'adjudications of 50 disputed items.',
  ]);
  await run(['cite', '1.0.0', '--format', 'bibtex']);
  const exported = join(workDir, 'medcalc-v1.0.0.csv');
  await run(['export', '--version', '1.0.0', '--out', exported]);
  await run(['verify', exported]);
  return { dir, workDir, keyPath, steps, notes: release.out };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const k = process.argv.indexOf(name);
    return k === -1 ? undefined : process.argv[k + 1];
  };
  const shared = resolve(arg('--shared') ?? join(import.meta.dirname ?? '.', '..', '..', 'shared'));
  const result = await replayStewardship({ shared, log: (t) => process.stderr.write(t) });
  process.stdout.write(result.notes);
  if (process.argv.includes('--keep')) process.stderr.write(`\nReplay repository kept at ${result.dir}\n`);
  else rmSync(result.workDir, { recursive: true, force: true });
}
