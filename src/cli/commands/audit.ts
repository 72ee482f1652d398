import { resolve } from 'node:path';
import { auditJson, auditMarkdown } from '../../audit/report.js';
import { auditLabels } from '../../audit/run-audit.js';
import { readAllLabels } from '../../store/read.js';
import { writeFilesAtomically } from '../../store/atomic.js';
import { progress } from '../io.js';
import type { CommandSpec } from '../command.js';

export const auditCommand: CommandSpec = {
  command: 'audit',
  describe: 'Recompute every label under both conventions, classify disagreements and triage them for review',
  builder: (y) =>
    y
      .option('split', { type: 'string', describe: 'Only this split' })
      .option('out', { type: 'string', describe: 'Write <out>.md and <out>.json reports (e.g. reports/audit)' })
      .option('triage', { type: 'number', default: 50, describe: 'Triage rows shown in the Markdown' }),
  async run(args, io) {
    const dir = resolve(args.dir);
    const all = await readAllLabels(dir);
    const labels = args.split ? all.filter((f) => f.label.split === args.split) : all;
    const tick = progress(io, !args.json);
    const report = auditLabels(labels, (done, total) => tick('auditing', done, total));
    const markdown = auditMarkdown(report, { triageLimit: Number(args.triage) });
    const json = JSON.stringify(auditJson(report), null, 2) + '\n';
    if (args.out) {
      const base = resolve(String(args.out));
      await writeFilesAtomically([
        { path: `${base}.md`, content: markdown },
        { path: `${base}.json`, content: json },
      ]);
    }
    io.out(args.json ? json : markdown);
    return 0;
  },
};
