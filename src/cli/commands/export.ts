import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const exportCommand = defineCommand({
  command: 'export',
  describe:
    'Write labels as a MedCalc-Bench CSV (a drop-in for existing harnesses), JSONL, or a Hugging Face dataset ' +
    'folder (hf); --version pins a release',
  options: {
    format: {
      choices: ['medcalc-csv', 'jsonl', 'hf'],
      default: 'medcalc-csv',
      describe: 'Output format (hf: Parquet per split + dataset card, needs --version and --out <folder>)',
    },
    split: {
      type: 'string',
      describe: 'Only this split (with --version: its own sidecar <out>.manifest.json, checked by verify)',
    },
    version: {
      type: 'string',
      describe: 'Export the labels exactly as released in this version (read from git, verified)',
    },
    out: {
      alias: 'o',
      type: 'string',
      describe:
        'Output file (default: standard output; required for a pinned CSV, whose sidecar is ' + '<out>.manifest.json)',
    },
  },
  async run(args, io) {
    const { runExport } = await import('../../exporters/run-export.js');
    const out = args.out ? resolve(args.out) : undefined;
    if (args.format === 'hf' || (args.version && args.split)) {
      const { exportPinnedPart } = await import('../../exporters/pinned-part-cli.js');
      const { format, version, split } = args;
      return exportPinnedPart({ dir: resolve(args.dir), format, version, split, out }, io, args);
    }
    const done = await runExport({
      dir: resolve(args.dir),
      format: args.format,
      split: args.split,
      version: args.version,
      out,
      stdout: (text) => io.out(text),
    });
    if (out && done.version) io.err(`exported release ${done.version} (root ${done.root}) to ${out}\n`);
    return 0;
  },
});
