/**
 * Kills each writing command (import, propose, signoff, reviewer add, release) with SIGKILL at 20
 * points, then checks what is left: `git fsck --strict`, `steward validate`, and whether re-running
 * the command (or, when the killed run's commit had already landed, the next writer) leaves the job
 * committed on a clean tree with no temp files. 9 trials stop at the named points of src/git/fault.ts
 * (STEWARD_FAULT_AT), the others at random delays within one undisturbed run's duration.
 *
 *   npx tsx scripts/fault-injection.ts [--trials 20] [--seed 1] [--only signoff] [--json out.json]
 *
 * Prints a Markdown table (docs/fault-injection.md holds a run's numbers).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { FAULT_POINTS } from '../src/git/fault.js';
import { mulberry32 } from '../src/stats/random.js';
import { runSteward } from '../test/safety/child.js';
import { SCENARIOS, type TrialOutcome, copyTemplate, makeTemplate, trial } from '../test/safety/scenarios.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

process.env.GIT_AUTHOR_NAME ??= 'Fault Script';
process.env.GIT_AUTHOR_EMAIL ??= 'fault@example.org';
const trials = Number(option('trials', '20'));
const random = mulberry32(Number(option('seed', '1')));
const only = option('only', '');
const rows: Array<{ name: string; outcomes: Array<TrialOutcome & { at: string }> }> = [];

for (const scenario of SCENARIOS.filter((s) => !only || s.name === only)) {
  const template = makeTemplate();
  const args = await scenario.setup(template.dir, template.aside);
  const probe = copyTemplate(template.dir);
  const started = performance.now();
  const undisturbed = await runSteward(args.map((a) => (a === '{dir}' ? probe : a)));
  const duration = performance.now() - started;
  if (undisturbed.code !== 0) throw new Error(`${scenario.name} fails undisturbed: ${undisturbed.err}`);
  const outcomes: Array<TrialOutcome & { at: string }> = [];
  for (let t = 0; t < trials; t++) {
    const named = t < FAULT_POINTS.length ? FAULT_POINTS[t] : undefined;
    const delay = Math.round(duration * (0.2 + 0.8 * random.uniform()));
    const outcome = await trial(
      scenario,
      template.dir,
      args,
      runSteward,
      named ? { env: { STEWARD_FAULT_AT: named } } : { killAfterMs: delay },
    );
    outcomes.push({ ...outcome, at: named ?? `${delay} ms` });
    process.stderr.write(
      `${scenario.name} #${t + 1} at ${named ?? `${delay} ms`}: ${outcome.killed}, ${outcome.problem ?? 'ok'}\n`,
    );
  }
  rows.push({ name: scenario.name, outcomes });
}

const count = (list: TrialOutcome[], test: (o: TrialOutcome) => boolean): number => list.filter(test).length;
const lines = [
  '| command | trials | killed (SIGKILL) | `fsck --strict` clean after the kill | `validate` passes after the ' +
    'kill | commit had landed | re-run exit 0 | job complete after the re-run |',
  '|---|---|---|---|---|---|---|---|',
];
for (const { name, outcomes } of rows) {
  const n = outcomes.length;
  lines.push(
    `| ${name} | ${n} | ${count(outcomes, (o) => o.killed === 'SIGKILL')} | ` +
      `${count(outcomes, (o) => o.fsckAfterKill)}/${n} | ${count(outcomes, (o) => o.validateAfterKill)}/${n} | ` +
      `${count(outcomes, (o) => o.landedBeforeRerun)} | ${count(outcomes, (o) => o.rerunCode === 0)}/${n} | ` +
      `${count(outcomes, (o) => o.problem === null)}/${n} |`,
  );
}
const failures = rows.flatMap(({ name, outcomes }) =>
  outcomes
    .filter((o) => o.problem || !o.fsckAfterKill || !o.validateAfterKill)
    .map(
      (o) =>
        `- ${name} at ${o.at}: ` +
        `${o.problem ?? ''}${o.fsckAfterKill ? '' : ' fsck failed after the kill;'}` +
        `${o.validateAfterKill ? '' : ' validate failed after the kill'}`,
    ),
);
process.stdout.write(
  lines.join('\n') + '\n' + (failures.length ? `\nProblems:\n${failures.join('\n')}\n` : '\nNo problems.\n'),
);
const json = option('json', '');
if (json) writeFileSync(json, JSON.stringify(rows, null, 2) + '\n');
