// `npm start`: the main job on the repository's own demo benchmark, using the built CLI (dist/).
// validate → summary → audit → a dry-run preview of the next release.
import { existsSync } from 'node:fs';
import { main } from '../dist/cli/main.js';

if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  console.error('dist/ is missing: run `npm install` (it builds) or `npm run build` first.');
  process.exit(2);
}

const steps = [
  ['Validate the demo labels', ['validate', '--dir', '.']],
  ['Summary', ['summary', '--dir', '.']],
  ['Audit: recompute every label and triage disagreements', ['audit', '--dir', '.', '--triage', '20']],
];
// The preview is information, not a gate: a working copy with local edits still gets one.
const preview = ['Preview of the next release (dry run: nothing is written)', ['release', 'minor', '--dry-run', '--dir', '.']];

let worst = 0;
for (const [title, argv] of steps) {
  process.stdout.write(`\n=== ${title}: steward ${argv.join(' ')}\n\n`);
  const code = await main(argv);
  // The demo has labels wrong on purpose: the audit finding them (exit 1) is the demo working.
  worst = Math.max(worst, argv[0] === 'audit' && code === 1 ? 0 : code);
}
if (existsSync(new URL('../.git', import.meta.url))) {
  process.stdout.write(`\n=== ${preview[0]}: steward ${preview[1].join(' ')}\n\n`);
  await main(preview[1]);
} else {
  process.stdout.write('\n(no .git here: the release preview needs the repository history)\n');
}
process.exitCode = worst;
