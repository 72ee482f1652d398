import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const releaseCommand = defineCommand({
  command: 'release <version>',
  describe:
    'Release a version: notes with statistics, manifest of content hashes, CITATION.cff, commit and annotated tag',
  positionals: {
    version: {
      type: 'string',
      describe: 'MAJOR.MINOR.PATCH greater than the latest release, or major|minor|patch to bump it',
      demandOption: true,
    },
  },
  options: {
    'dry-run': { type: 'boolean', default: false, describe: 'Print the notes and what would refuse; change nothing' },
    message: { alias: 'm', type: 'string', describe: 'A paragraph for the notes' },
    'allow-verifier-only': {
      type: 'boolean',
      default: false,
      describe: 'Allow relabels backed only by a verifier (no physician sign-off) for this release',
    },
    signer: {
      type: 'string',
      describe: 'The maintainer (registered at the previous release) who signs the release record',
    },
    key: { type: 'string', describe: "The signer's private key (outside the repository)" },
  },
  async run(args, io) {
    const { runCheck } = await import('../../check/run-check.js');
    const { release } = await import('../../release/release.js');
    const { progressFor } = await import('../../progress/progress.js');
    const progress = progressFor(io, args);
    let read = 0;
    progress.phase('checking labels against the previous release');
    const result = await release({
      dir: resolve(args.dir),
      version: args.version,
      dryRun: args.dryRun,
      message: args.message,
      allowVerifierOnly: args.allowVerifierOnly,
      gate: (o) =>
        runCheck({
          ...o,
          onFile: (f, info) => {
            o.onFile?.(f, info);
            progress.tick('checking label files', ++read);
          },
        }),
      signer: args.signer,
      keyPath: args.key === undefined ? undefined : resolve(args.key),
    });
    progress.end();
    if (args.json) {
      const { markdown: _markdown, ...rest } = result;
      io.out(JSON.stringify(rest, null, 2) + '\n');
    } else {
      io.out(result.markdown);
      const { files, all, unchangedSince } = result.checked;
      const unchanged = result.record.manifest.count - files;
      const checked = all
        ? `Checked all ${files} label files.`
        : `Checked ${files} label files (changed since ${unchangedSince}, or signed); the other ${unchanged} are ` +
          `byte-identical to ${unchangedSince} and passed its checks under the same rules.`;
      if (result.dryRun) {
        const refusals = result.refusals.map((r) => `- ${r}`).join('\n');
        const outcome = result.refusals.length
          ? `A release now would be refused:\n${refusals}`
          : `steward release ${result.version} would write changelogs/v${result.version}.{md,json}, CHANGELOG.md ` +
            `and CITATION.cff, commit, and tag ${result.tag}.`;
        io.out(`\n---\n${checked}\nDry run: nothing written. ${outcome}\n`);
      } else {
        io.out(
          `\n${checked}\nReleased ${result.version}: commit ${result.commit?.slice(0, 10)}, tag ${result.tag}, ` +
            `root ${result.record.manifest.root}\n`,
        );
      }
    }
    return result.refusals.length > 0 ? 1 : 0;
  },
});
