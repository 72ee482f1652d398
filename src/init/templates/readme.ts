/** The table of who does what: each kind of user, what they do, and the commands they run. */
const USERS: { who: string; what: string; commands: string[] }[] = [
  {
    who: 'maintainer',
    what: 'import the data, validate, audit, propose relabels on a branch, open the pull request, release',
    commands: [
      '`npx steward import medcalc-bench <csv> --split test`',
      '`npx steward validate`',
      '`npx steward audit`',
      '`npx steward propose <id> --value <v>` or `--from <verifier.csv>`',
      '`npx steward pr open`',
      '`npx steward release minor`',
    ],
  },
  {
    who: 'physician',
    what: 'make a signing key once (outside the repository), review a relabel and sign it',
    commands: [
      '`npx steward keygen --out ~/.steward/<you>.pem`',
      '`npx steward signoff <id> --reviewer <you> --key ~/.steward/<you>.pem --decision approve --value <your value>`',
    ],
  },
  {
    who: 'evaluator',
    what: 'cite a version, export it for a harness or Hugging Face, verify an export, score predictions',
    commands: [
      '`npx steward cite`',
      '`npx steward export --version X --split test --out test_data.csv`',
      '`npx steward export --version X --format hf --out hf/`',
      '`npx steward verify <file>`',
      '`npx steward score <predictions> --version X --compare Y --per-item items.jsonl`',
    ],
  },
  {
    who: 'anyone',
    what: "see a label's past",
    commands: ['`npx steward show <id> --at <version>`', '`npx steward log <id>`', '`npx steward diff <from> [to]`'],
  },
];

/**
 * The benchmark's README: what the repository is, and for each kind of user the commands they run.
 * Written once by init; the maintainers make it their own afterwards.
 */
export function readmeTemplate(options: { name: string; toolName: string; toolVersion: string }): string {
  const { name } = options;
  const tool = `[${options.toolName}](https://www.npmjs.com/package/${options.toolName}) ${options.toolVersion}`;
  return `# ${name}

A clinical calculation benchmark kept alive with ${tool}:
every label is a JSON file under \`labels/\`, recomputed by a re-implemented calculator, corrected only
through reviewed pull requests with physician sign-off, and published as versioned releases whose
notes say how many labels changed and why.

Set up once: \`npm install\` (it installs the pinned tool), commit \`package-lock.json\`, and edit
\`CODEOWNERS\` to name this benchmark's maintainers. The workflow in \`.github/workflows/\` runs the gate
on every pull request.

## What each user does

| who | what | commands |
|---|---|---|
${USERS.map((u) => `| ${u.who} | ${u.what} | ${u.commands.join(', ')} |`).join('\n')}

Every command takes \`--help\`. Exit codes: 0 ok, 1 findings or a failed check, 2 bad input.

## Layout

\`\`\`
labels/<split>/<calculator>/<id>.json   one label per file
schema/                                 the label schema and this benchmark's error taxonomy
reviewers/                              physicians' and maintainers' public keys
changelogs/                             release notes, records (statistics, manifest) and charts
steward.config.json                     the sign-off policy and citation details
\`\`\`

## Licence

Data derived from MedCalc-Bench is CC-BY-SA 4.0: credit MedCalc-Bench (CITATION.cff lists it) and
share alike.
`;
}
