import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';

export const verifyCommand: CommandSpec = {
  command: 'verify <file>',
  describe: 'Check an export made with --version against its release: every item present once, with the released content',
  builder: (y) =>
    y
      .positional('file', { type: 'string', describe: 'A JSONL export (with its header line) or a MedCalc CSV (with <file>.manifest.json)', demandOption: true })
      .option('version', { type: 'string', describe: 'The release it must be (default: the one its header names)' })
      .option('release', { type: 'string', describe: 'Verify against this release record (changelogs/v<version>.json) instead of the repository' }),
  async run(args, io) {
    const { verifyExport } = await import('../../release/verify-export.js');
    const { readSplitSidecar, verifySplitExport } = await import('../../release/verify-split.js');
    const options = {
      file: resolve(String(args.file)),
      dir: resolve(args.dir),
      version: args.version as string | undefined,
      releaseFile: args.release ? resolve(String(args.release)) : undefined,
    };
    // An export of one split (its sidecar names the split) is checked against that split of the release.
    const splitSidecar = await readSplitSidecar(options.file);
    const report = splitSidecar ? await verifySplitExport(options, splitSidecar) : await verifyExport(options);
    if (args.json) io.out(JSON.stringify(report, null, 2) + '\n');
    else if (report.ok) io.out(`OK: ${report.items} items match ${splitSidecar ? `split ${splitSidecar.split} of ` : ''}release ${report.version} (root ${report.root})\n`);
    else {
      const lines = [`MISMATCH against release ${report.version} (root ${report.root}):`];
      for (const [name, ids] of [['changed', report.changed], ['missing', report.missing], ['unexpected', report.unexpected], ['duplicated', report.duplicated]] as const) {
        if (ids.length) lines.push(`  ${name} (${ids.length}): ${ids.join(', ')}`);
      }
      for (const u of report.unreadable) lines.push(`  unreadable: ${u.place}: ${u.message}`);
      const mismatch = (report as { sidecarMismatch?: string[] }).sidecarMismatch ?? [];
      if (mismatch.length) lines.push(`  sidecar hashes that are not the release's (${mismatch.length}): ${mismatch.join(', ')}`);
      io.out(lines.join('\n') + '\n');
    }
    return report.ok ? 0 : 1;
  },
};
