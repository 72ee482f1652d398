import { resolve } from 'node:path';
import { progress } from '../io.js';
import { defineCommand } from '../command.js';

export const validateCommand = defineCommand({
  command: 'validate [paths..]',
  describe: 'Check labels against the schema, their paths, the calculator catalog and each other',
  positionals: {
    paths: { type: 'string', array: true, describe: 'Label files or folders (default: all of labels/)' },
  },
  async run(args, io) {
    const { formatFinding } = await import('../../schema/findings.js');
    const { validateLabels } = await import('../../validate/validate-labels.js');
    const dir = resolve(args.dir);
    const paths = args.paths?.length ? args.paths : undefined;
    const tick = progress(io, !args.json && !args.quiet);
    const report = await validateLabels({ dir, paths, onProgress: (done, total) => tick('validating', done, total) });
    if (args.json) io.out(JSON.stringify(report, null, 2) + '\n');
    else {
      for (const f of report.findings) io.out(formatFinding(f) + '\n');
      io.out(`${report.files} label file(s), ${report.valid} valid, ${report.findings.length} finding(s)\n`);
    }
    return report.findings.length > 0 ? 1 : 0;
  },
});
