import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';

async function releaseTrustNote(dir: string, version: string) {
  const { openRepo } = await import('../../git/index.js');
  const { readReleaseRecord } = await import('../../release/load-labels.js');
  return (await readReleaseRecord(await openRepo({ dir }), version)).trust;
}

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
    // The record was read at its tag, which checks its signature and the tag; say who signed.
    const trust = args.release ? null : await releaseTrustNote(resolve(args.dir), report.version);
    if (args.json) io.out(JSON.stringify(trust ? { ...report, signedBy: trust.signer } : report, null, 2) + '\n');
    else if (report.ok) io.out(`OK: ${report.items} items match ${splitSidecar ? `split ${splitSidecar.split} of ` : ''}release ` +
        `${report.version} (root ${report.root})${trust ? `; ${trust.note}` : ''}\n`);
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
