import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';

export const exportCommand: CommandSpec = {
  command: 'export',
  describe: 'Write labels as a MedCalc-Bench CSV (a drop-in for existing harnesses), JSONL, or a Hugging Face dataset ' +
      'folder (hf); --version pins a release',
  builder: (y) =>
    y
      .option('format', { choices: ['medcalc-csv', 'jsonl', 'hf'] as const, default: 'medcalc-csv', describe: 'Output format (hf: Parquet per split + dataset card, needs --version and --out <folder>)' })
      .option('split', { type: 'string', describe: 'Only this split (with --version: its own sidecar <out>.manifest.json, checked by verify)' })
      .option('version', { type: 'string', describe: 'Export the labels exactly as released in this version (read from git, verified)' })
      .option('out', { alias: 'o', type: 'string', describe: 'Output file (default: standard output; required for a pinned CSV, whose sidecar is <out>.manifest.json)' }),
  async run(args, io) {
    const { runExport } = await import('../../exporters/run-export.js');
    const { EXPORT_FORMATS } = await import('../../exporters/formats.js');
    const out = args.out ? resolve(String(args.out)) : undefined;
    if (args.format === 'hf' || (args.version && args.split)) {
      const { exportPinnedPart } = await import('../../exporters/pinned-part-cli.js');
      return exportPinnedPart({ dir: resolve(args.dir), format: args.format as 'medcalc-csv' | 'jsonl' | 'hf', version: args.version as string | undefined, split: args.split as string | undefined, out }, io, args);
    }
    // yargs has already reported a format outside the choices (it runs the handler anyway): do nothing.
    if (!(String(args.format) in EXPORT_FORMATS)) return 2;
    const done = await runExport({
      dir: resolve(args.dir),
      format: String(args.format),
      split: args.split as string | undefined,
      version: args.version === undefined ? undefined : String(args.version),
      out,
      stdout: (text) => io.out(text),
    });
    if (out && done.version) io.err(`exported release ${done.version} (root ${done.root}) to ${out}\n`);
    return 0;
  },
};
