import { resolve } from 'node:path';
import { progress } from '../io.js';
import { defineCommand } from '../command.js';

export const auditCommand = defineCommand({
  command: 'audit',
  describe: 'Recompute every label under both conventions, classify disagreements and triage them for review',
  options: {
    split: { type: 'string', describe: 'Only this split' },
    out: { type: 'string', describe: 'Write <out>.md and <out>.json reports (e.g. reports/audit)' },
    triage: { type: 'number', default: 50, describe: 'Triage rows shown in the Markdown' },
  },
  async run(args, io) {
    const { AuditStream } = await import('../../audit/stream-audit.js');
    const { forEachLabelFile, listLabelFiles } = await import('../../store/read.js');
    const { inputError } = await import('../../errors/index.js');
    const { writeFilesAtomically } = await import('../../store/atomic.js');
    const dir = resolve(args.dir);
    const tick = progress(io, !args.json && !args.quiet);
    // Each file is read, audited and let go; the triage queue is spilled to an unnamed temp file
    // (AuditStream), so memory stays flat. A broken file stops the audit before anything is written.
    const files = await listLabelFiles(dir);
    const run = new AuditStream(args.triage);
    try {
      let done = 0;
      await forEachLabelFile(dir, files, (f) => {
        if (f.parseError) {
          const at = f.parseError.line ? `:${f.parseError.line}:${f.parseError.column}` : '';
          throw inputError('LABEL_BROKEN_JSON', `${f.file}${at}: ${f.parseError.message}`, {
            file: f.file,
            ...f.parseError,
          });
        }
        const label = f.json as import('../../label/types.js').Label;
        if (!args.split || label.split === args.split) run.add(label, f.file);
        if (++done % 200 === 0 || done === files.length) tick('auditing', run.size, files.length);
      });
      const markdown = run.markdown();
      if (args.out) {
        const base = resolve(args.out);
        await writeFilesAtomically([
          { path: `${base}.md`, content: markdown },
          { path: `${base}.json`, content: run.json() },
        ]);
      }
      if (args.json) {
        for (const piece of run.json()) {
          io.out(piece);
          // A pipe takes what its reader has read; the rest waits in memory (at 1M labels ~3 GB of JSON).
          if (process.stdout.writableNeedDrain) await new Promise((done) => process.stdout.once('drain', done));
        }
      } else io.out(markdown);
    } finally {
      run.close();
    }
    // Findings (labels that disagree with their recomputation, or cannot be recomputed) exit 1, as validate's do.
    return run.triageCount > 0 ? 1 : 0;
  },
});
