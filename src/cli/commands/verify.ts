import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const verifyCommand = defineCommand({
  command: 'verify <file>',
  describe:
    'Check an export made with --version against its release: every item present once, with the released content',
  positionals: {
    file: {
      type: 'string',
      describe: 'A JSONL export (with its header line) or a MedCalc CSV (with <file>.manifest.json)',
      demandOption: true,
    },
  },
  options: {
    version: { type: 'string', describe: 'The release it must be (default: the one its header names)' },
    release: {
      type: 'string',
      describe: 'Verify against this release record (changelogs/v<version>.json) instead of the repository',
    },
  },
  async run(args, io) {
    const { verifyExport } = await import('../../release/verify-export.js');
    const { readSplitSidecar, verifySplitExport } = await import('../../release/verify-split.js');
    const { readEachRecordOnce } = await import('../../release/record-reads.js');
    // The record read to verify is the one whose signer is named after.
    const readRecord = readEachRecordOnce();
    const options = {
      file: resolve(args.file),
      dir: resolve(args.dir),
      version: args.version,
      releaseFile: args.release ? resolve(args.release) : undefined,
      readRecord,
    };
    // An export of one split (its sidecar names the split) is checked against that split of the release.
    const seen: { json?: unknown } = {};
    const splitSidecar = await readSplitSidecar(options.file, seen);
    const splitReport = splitSidecar ? await verifySplitExport(options, splitSidecar) : undefined;
    const sidecar = 'json' in seen ? { json: seen.json } : undefined;
    const report = splitReport ?? (await verifyExport({ ...options, sidecar }));
    // The record was read at its tag, which checks its signature and the tag; say who signed.
    const trust = args.release ? null : (await readRecord(resolve(args.dir), report.version)).trust;
    if (args.json) io.out(JSON.stringify(trust ? { ...report, signedBy: trust.signer } : report, null, 2) + '\n');
    else if (report.ok)
      io.out(
        `OK: ${report.items} items match ${splitSidecar ? `split ${splitSidecar.split} of ` : ''}release ` +
          `${report.version} (root ${report.root})${trust ? `; ${trust.note}` : ''}\n`,
      );
    else {
      const lines = [`MISMATCH against release ${report.version} (root ${report.root}):`];
      const { changed, missing, unexpected, duplicated } = report;
      for (const [name, ids] of Object.entries({ changed, missing, unexpected, duplicated })) {
        if (ids.length) lines.push(`  ${name} (${ids.length}): ${ids.join(', ')}`);
      }
      for (const u of report.unreadable) lines.push(`  unreadable: ${u.place}: ${u.message}`);
      const mismatch = splitReport?.sidecarMismatch ?? [];
      if (mismatch.length)
        lines.push(`  sidecar hashes that are not the release's (${mismatch.length}): ${mismatch.join(', ')}`);
      io.out(lines.join('\n') + '\n');
    }
    return report.ok ? 0 : 1;
  },
});
