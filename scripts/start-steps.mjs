// The steps of `npm start`, in order. Each step has a title, the command a user would type, one
// sentence on what it means, and `run(ctx)`, which does it in the demo copy and returns what to show.
// To add a step (a maintainer key, a verifier run), insert an object here; ctx is described in start.mjs.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BRANCH = 'relabel/demo-fixes';
const PHYSICIAN = 'dr-demo';

/** The five planted errors of the demo (scripts/build-demo.ts), as a maintainer would propose them. */
const RELABELS = [
  {
    id: 'demo-0008',
    value: '10',
    category: 'calculator-logic-mismatch',
    rationale: 'GCS counts the verbal response once: E2 + V3 + M5 = 10.',
  },
  {
    id: 'demo-0009',
    value: '10/12/2024',
    category: 'calculator-logic-mismatch',
    rationale: 'Naegele with a 24-day cycle: LMP + 280 days + (24 − 28) days = 10/12/2024.',
  },
  {
    id: 'demo-0003',
    value: '4',
    category: 'extraction-error',
    rationale: 'The note records type 2 diabetes, which the label missed: CHA2DS2-VASc is 4.',
  },
  {
    id: 'demo-0013',
    value: '29.984',
    category: 'extraction-error',
    rationale: 'The weight is 95 kg: 95 / 1.78² = 29.984.',
  },
  {
    id: 'demo-0017',
    value: 'N/A',
    category: 'incomputable',
    rationale: 'The note reports no chloride, so the anion gap cannot be computed.',
  },
];

/** Items the demo model gets wrong whatever the labels say (so its score is not a perfect 100%). */
const MODEL_MISTAKES = { 'demo-0002': '61', 'demo-0011': '380' };

const ok = (result, what, accepted = [0]) => {
  if (!accepted.includes(result.code)) throw new Error(`${what} exited ${result.code}: ${result.err || result.out}`);
  return result;
};
const lines = (text, pattern) =>
  text
    .split('\n')
    .filter((l) => pattern.test(l))
    .join('\n');
/** The Markdown between two headings (the first line starting with `from`, up to one starting with `to`). */
const section = (text, from, to) => {
  const start = text.indexOf(from);
  const end = to ? text.indexOf(to, start + 1) : -1;
  return start === -1 ? '' : text.slice(start, end === -1 ? undefined : end).trim();
};

export const steps = [
  {
    title: 'A copy of the demo benchmark, under git',
    command: 'git init && git add -A && git commit -m "demo benchmark"',
    meaning:
      'A benchmark is a git repository: one JSON file per label under labels/, so every change is a reviewable diff.',
    async run(ctx) {
      mkdirSync(ctx.dir, { recursive: true });
      for (const path of ['labels', 'schema', 'reviewers', 'changelogs', 'steward.config.json'])
        cpSync(join(ctx.root, path), join(ctx.dir, path), { recursive: true });
      ctx.git(['init', '-q', '-b', 'main']);
      ctx.git(['add', '-A']);
      ctx.git(['commit', '-q', '-m', 'The demo benchmark']);
      const count = readdirSync(join(ctx.dir, 'labels', 'demo'), { recursive: true }).filter((f) =>
        String(f).endsWith('.json'),
      ).length;
      return `${count} labels in labels/demo/, committed on main.`;
    },
  },
  {
    title: 'A demo physician makes a signing key',
    command: `steward keygen --out ~/.steward/${PHYSICIAN}.pem`,
    meaning:
      'Physicians sign with an ed25519 key that stays on their machine; only the public key goes into the repository.',
    async run(ctx) {
      mkdirSync(ctx.keys, { recursive: true });
      const r = ok(await ctx.steward(['keygen', '--out', join(ctx.keys, `${PHYSICIAN}.pem`)]), 'keygen');
      return lines(r.out, /^public key/);
    },
  },
  {
    title: 'The physician is registered as a reviewer',
    command: `steward reviewer add ${PHYSICIAN} --name "Dr. Demo" --role physician --key ~/.steward/${PHYSICIAN}.pem`,
    meaning: "reviewers/<id>.json holds the physician's public key and role; sign-offs are checked against it.",
    async run(ctx) {
      const r = ok(
        await ctx.steward([
          'reviewer',
          'add',
          PHYSICIAN,
          '--name',
          'Dr. Demo',
          '--role',
          'physician',
          '--specialty',
          'internal medicine',
          '--key',
          join(ctx.keys, `${PHYSICIAN}.pem`),
        ]),
        'reviewer add',
      );
      return lines(r.out, /registered/);
    },
  },
  {
    title: 'Release 0.1.0: the benchmark as first published, errors and all',
    command: 'steward release 0.1.0',
    meaning:
      'A release pins every label by its content hash (the root hash), so a score can always say exactly which ' +
      'labels it used.',
    async run(ctx) {
      const r = ok(await ctx.steward(['release', '0.1.0', '-m', 'The demo as first published.']), 'release 0.1.0');
      return lines(r.out, /^Released \d+\.\d+\.\d+:/);
    },
  },
  {
    title: 'Audit: recompute every label with a re-implemented calculator',
    command: 'steward audit',
    meaning:
      'Each label is recomputed from its entities; labels that disagree are triaged, most clinically significant ' +
      'first.',
    async run(ctx) {
      // exit 1: it found the planted errors;
      const r = ok(await ctx.steward(['audit', '--triage', '10']), 'audit', [0, 1]);
      return [lines(r.out, /^\d+ labels:/), '', section(r.out, '| item |')].join('\n');
    },
  },
  {
    title: 'Propose the relabels on a branch',
    command:
      `steward propose demo-0008 --value 10 --category calculator-logic-mismatch --rationale "…" --branch ` +
      `${BRANCH}   (and one per item)`,
    meaning:
      'A relabel is a commit on its own branch with the old answer, the new one, the error category and the ' +
      'rationale; nothing reaches main without review.',
    async run(ctx) {
      const out = [];
      for (const r of RELABELS) {
        const args = r.value === 'N/A' ? ['--incomputable'] : ['--value', r.value];
        const result = ok(
          await ctx.steward([
            'propose',
            r.id,
            ...args,
            '--category',
            r.category,
            '--rationale',
            r.rationale,
            '--branch',
            BRANCH,
          ]),
          `propose ${r.id}`,
        );
        out.push(lines(result.out, /→/));
      }
      return out.join('\n');
    },
  },
  {
    title: 'The physician reviews each relabel and signs it off',
    command:
      `steward signoff demo-0008 --reviewer ${PHYSICIAN} --key ~/.steward/${PHYSICIAN}.pem --decision approve ` +
      `--value 10`,
    meaning:
      "A sign-off is a signature over the label's exact content, with the physician's own value: change the " +
      'label afterwards and the sign-off no longer counts.',
    async run(ctx) {
      const out = [];
      for (const r of RELABELS) {
        const result = ok(
          await ctx.steward([
            'signoff',
            r.id,
            '--reviewer',
            PHYSICIAN,
            '--key',
            join(ctx.keys, `${PHYSICIAN}.pem`),
            '--decision',
            'approve',
            '--value',
            r.value,
          ]),
          `signoff ${r.id}`,
        );
        out.push(`${r.id}: ${result.out.trim()}`);
      }
      return out.join('\n');
    },
  },
  {
    title: 'The pull-request gate',
    command: 'steward check --base v0.1.0',
    meaning:
      'The same check runs on every pull request (.github/workflows/relabel-pr.yml): labels valid, each relabel ' +
      'signed off as the policy asks. `steward pr open` pushes the branch and opens the pull request with this ' +
      'description.',
    async run(ctx) {
      const r = await ctx.steward(['check', '--base', 'v0.1.0']);
      if (r.code !== 0) throw new Error(`the gate failed:\n${r.out}`);
      return r.out.trim();
    },
  },
  {
    title: 'Merge the pull request',
    command: `git checkout main && git merge --ff-only ${BRANCH}`,
    meaning: 'On GitHub this is the Merge button, enabled once the gate passes.',
    async run(ctx) {
      ctx.git(['checkout', '-q', 'main']);
      ctx.git(['merge', '-q', '--ff-only', BRANCH]);
      return `main is now at ${ctx.git(['rev-parse', '--short', 'HEAD']).trim()}.`;
    },
  },
  {
    title: 'Release 0.2.0 with its notes',
    command: 'steward release minor -m "Five planted errors corrected"',
    meaning:
      'The notes say what changed and why, with intervals, how far the labels agree with the physicians, and ' +
      'charts beside them (changelogs/v0.2.0-*.svg).',
    async run(ctx) {
      const r = ok(await ctx.steward(['release', 'minor', '-m', 'Five planted errors corrected.']), 'release 0.2.0');
      return [
        section(r.out, '## What changed', '## Changes by calculator'),
        '',
        section(r.out, '## Agreement', '## Method'),
        '',
        lines(r.out, /^Released \d+\.\d+\.\d+:/),
      ].join('\n');
    },
  },
  {
    title: "Score a model's predictions on 0.1.0 and on 0.2.0",
    command: 'steward score predictions.jsonl --version 0.1.0 --compare 0.2.0',
    meaning:
      'The same answers, graded as the MedCalc-Bench harness grades them, under the old and the corrected ' +
      "labels: the change is the labels' doing, with a paired interval.",
    async run(ctx) {
      const { formatAnswerValue } = await import('../dist/label/answer.js');
      const files = readdirSync(join(ctx.dir, 'labels', 'demo'), { recursive: true }).filter((f) =>
        String(f).endsWith('.json'),
      );
      const predictions = files.map((f) => {
        const label = JSON.parse(readFileSync(join(ctx.dir, 'labels', 'demo', String(f)), 'utf8'));
        return {
          id: label.id,
          model: 'demo-model',
          answer: MODEL_MISTAKES[label.id] ?? formatAnswerValue(label.answer),
        };
      });
      const file = join(ctx.work, 'predictions.jsonl');
      writeFileSync(file, predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
      const r = ok(
        await ctx.steward([
          'score',
          file,
          '--version',
          '0.1.0',
          '--compare',
          '0.2.0',
          '--per-item',
          join(ctx.work, 'per-item.jsonl'),
          '--chart',
          join(ctx.work, 'score.svg'),
        ]),
        'score',
      );
      return r.out.trim();
    },
  },
  {
    title: 'Cite the version you evaluated on',
    command: 'steward cite 0.2.0',
    meaning:
      'The citation names the version, the commit and the root hash; CITATION.cff (written by the release) also ' +
      'credits MedCalc-Bench, whose licence requires it.',
    async run(ctx) {
      return ok(await ctx.steward(['cite', '0.2.0']), 'cite').out.trim();
    },
  },
];

export const whatNext = `What to do next
  - Evaluators: \`npx steward export --version X --split test --out test_data.csv\` gives your harness the
    drop-in file of a pinned version (\`npx steward verify test_data.csv\` proves it is unchanged);
    \`--format hf --out hf/\` gives a Hugging Face dataset; \`npx steward score … --per-item items.jsonl\`
    gives every item's grade for your own analysis.
  - Maintainers: \`npx steward init ../my-benchmark\` makes a repository with the gate workflow;
    \`npx steward import medcalc-bench <test_data.csv> --split test\` brings in MedCalc-Bench; then audit,
    propose on a branch, and \`npx steward pr open\`.
  - Physicians: \`npx steward keygen --out ~/.steward/<you>.pem\` once; then \`npx steward signoff <id>\`
    for each relabel you are asked to review.
  - Everyone: \`npx steward --help\`, and README.md's "What a user does".`;
