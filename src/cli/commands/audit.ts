import { resolve } from 'node:path';
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
    const { auditJson, auditMarkdown } = await import('../../audit/report.js');
    const { auditLabels } = await import('../../audit/run-audit.js');
    const { readAllLabels } = await import('../../store/read.js');
    const { writeFilesAtomically } = await import('../../store/atomic.js');
    const dir = resolve(args.dir);
    const all = await readAllLabels(dir);
    const labels = args.split ? all.filter((f) => f.label.split === args.split) : all;
    const tick = progress(io, !args.json && !args.quiet);
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
