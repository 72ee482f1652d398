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
    const { AuditRun } = await import('../../audit/run-audit.js');
    const { forEachLabelFile, listLabelFiles } = await import('../../store/read.js');
    const { inputError } = await import('../../errors/index.js');
    const { writeFilesAtomically } = await import('../../store/atomic.js');
    const dir = resolve(args.dir);
    const tick = progress(io, !args.json && !args.quiet);
    // Each file is read, audited and let go (streaming: memory holds the audit items, not the labels).
    // A broken file stops the audit before anything is written, with the error readAllLabels gives.
    const files = await listLabelFiles(dir);
    const run = new AuditRun();
    let done = 0;
    await forEachLabelFile(dir, files, (f) => {
      if (f.parseError) {
        throw inputError('LABEL_BROKEN_JSON', `${f.file}${f.parseError.line ? `:${f.parseError.line}:${f.parseError.column}` : ''}: ` +
            `${f.parseError.message}`, { file: f.file, ...f.parseError });
      }
      const label = f.json as import('../../label/types.js').Label;
      if (!args.split || label.split === args.split) run.add(label, f.file);
      if (++done % 200 === 0 || done === files.length) tick('auditing', run.size, files.length);
    });
    const report = run.report();
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
    // Findings (labels that disagree with their recomputation, or cannot be recomputed) exit 1, as validate's do.
    return report.triage.length > 0 ? 1 : 0;
  },
};
