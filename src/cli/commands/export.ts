import { resolve } from 'node:path';
import { exportLabels } from '../../exporters/export.js';
import { writeFileAtomically } from '../../store/atomic.js';
import type { CommandSpec } from '../command.js';

export const exportCommand: CommandSpec = {
  command: 'export',
  describe: 'Write labels as a MedCalc-Bench CSV (a drop-in for existing harnesses) or JSONL',
  builder: (y) =>
    y
      .option('format', { choices: ['medcalc-csv', 'jsonl'] as const, default: 'medcalc-csv', describe: 'Output format' })
      .option('split', { type: 'string', describe: 'Only this split' })
      .option('out', { alias: 'o', type: 'string', describe: 'Output file (default: standard output)' }),
  async run(args, io) {
    const dir = resolve(args.dir);
    const text = await exportLabels({ dir, format: args.format as 'medcalc-csv' | 'jsonl', split: args.split as string | undefined });
    if (args.out) await writeFileAtomically(resolve(String(args.out)), text);
    else io.out(text);
    return 0;
  },
};
