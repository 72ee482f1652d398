import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';

export const exportCommand: CommandSpec = {
  command: 'export',
  describe: 'Write labels as a MedCalc-Bench CSV (a drop-in for existing harnesses), JSONL, or a Hugging Face dataset folder (hf); --version pins a release',
  builder: (y) =>
    y
      .option('format', { choices: ['medcalc-csv', 'jsonl', 'hf'] as const, default: 'medcalc-csv', describe: 'Output format (hf: Parquet per split + dataset card, needs --version and --out <folder>)' })
      .option('split', { type: 'string', describe: 'Only this split (with --version: its own sidecar <out>.manifest.json, checked by verify)' })
      .option('version', { type: 'string', describe: 'Export the labels exactly as released in this version (read from git, verified)' })
      .option('out', { alias: 'o', type: 'string', describe: 'Output file (default: standard output; required for a pinned CSV, whose sidecar is <out>.manifest.json)' }),
  async run(args, io) {
    const { inputError } = await import('../../errors/index.js');
    const { exportLabelLines } = await import('../../exporters/export.js');
    const { loadLabels } = await import('../../release/load-labels.js');
    const { pinnedCsv, pinnedJsonl } = await import('../../release/pinned-export.js');
    const { writeFileAtomically, writeFilesAtomically } = await import('../../store/atomic.js');
    const { batches } = await import('../../store/batches.js');
    const dir = resolve(args.dir);
    const format = args.format as 'medcalc-csv' | 'jsonl';
    const out = args.out ? resolve(String(args.out)) : undefined;
    if (args.format === 'hf' || (args.version && args.split)) {
      const { exportPinnedPart } = await import('../../exporters/pinned-part-cli.js');
      return exportPinnedPart({ dir, format: args.format as 'medcalc-csv' | 'jsonl' | 'hf', version: args.version as string | undefined, split: args.split as string | undefined, out }, io, args);
    }
    const progress = (await import('../../progress/progress.js')).progressFor(io, args);
    progress.phase(args.version ? `reading release ${String(args.version)}` : 'reading labels');
    if (args.version) {
      const release = await loadLabels({ dir, version: String(args.version) });
      progress.end();
      if (format === 'jsonl') {
        const lines = pinnedJsonl(release);
        if (out) await writeFileAtomically(out, lines);
        else for (const text of batches(lines)) io.out(text);
      } else {
        if (!out) throw inputError('OUT_REQUIRED', 'a pinned CSV export needs --out (its sidecar <out>.manifest.json carries the version and root hash)', {});
        const { csv, sidecar } = pinnedCsv(release);
        await writeFilesAtomically([
          { path: out, content: csv },
          { path: `${out}.manifest.json`, content: sidecar },
        ]);
      }
      if (out) io.err(`exported release ${release.version} (root ${release.record.manifest.root}) to ${out}\n`);
      return 0;
    }
    const lines = await exportLabelLines({ dir, format, split: args.split as string | undefined });
    progress.end();
    if (out) await writeFileAtomically(out, lines);
    else for (const text of batches(lines)) io.out(text);
    return 0;
  },
};
