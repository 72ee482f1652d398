import type { GlobalOptions } from '../cli/command.js';
import type { CliIO } from '../cli/io.js';
import { inputError } from '../errors/index.js';
import { loadLabels } from '../release/load-labels.js';
import { progressFor } from '../progress/progress.js';
import { writeFilesAtomically } from '../store/atomic.js';
import { exportHf } from './hf-export.js';
import { pinnedSplitCsv, pinnedSplitJsonl } from './split-export.js';

export interface PinnedPartOptions {
  dir: string;
  format: 'medcalc-csv' | 'jsonl' | 'hf';
  version?: string;
  split?: string;
  out?: string;
}

/**
 * The pinned exports that are not the whole release as one file: one split (CSV or JSONL, with its
 * sidecar) and the Hugging Face folder. Each needs --version (what it pins) and --out (the sidecar or
 * the folder must go somewhere).
 */
export async function exportPinnedPart(
  options: PinnedPartOptions,
  io: CliIO,
  args: Partial<GlobalOptions> & { quiet?: unknown },
): Promise<number> {
  const { version, split, out } = options;
  if (!version)
    throw inputError('VERSION_REQUIRED', `--format ${options.format} exports a release: name it with --version`, {});
  const progress = progressFor(io, args);
  if (options.format === 'hf') {
    if (!out) throw inputError('OUT_REQUIRED', '--format hf writes a folder: name it with --out <folder>', {});
    const result = await exportHf({ dir: options.dir, version, out, split, progress });
    if (args.json)
      io.out(JSON.stringify({ version: result.version, root: result.root, out, files: result.files }, null, 2) + '\n');
    else
      io.err(
        `exported release ${result.version} (root ${result.root}) as a Hugging Face dataset to ${out}: ` +
          `README.md, ${result.files.map((f) => f.path).join(', ')}\n`,
      );
    return 0;
  }
  if (!out)
    throw inputError(
      'OUT_REQUIRED',
      `a pinned export of split "${split}" needs --out (its sidecar <out>.manifest.json carries the version, ` +
        `root and per-item hashes)`,
      {},
    );
  progress.phase(`reading release ${version}`);
  const release = await loadLabels({ dir: options.dir, version });
  const part = options.format === 'jsonl' ? pinnedSplitJsonl(release, split!) : pinnedSplitCsv(release, split!);
  const body = 'csv' in part ? part.csv : part.lines;
  progress.phase(`writing ${out}`);
  await writeFilesAtomically([
    { path: out, content: body },
    { path: `${out}.manifest.json`, content: part.sidecar },
  ]);
  progress.end();
  io.err(
    `exported split ${split} of release ${release.version} (root ${release.record.manifest.root}) to ${out}, ` +
      `sidecar ${out}.manifest.json\n`,
  );
  return 0;
}
