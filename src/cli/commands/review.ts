import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';

export const reviewCommand: CommandSpec = {
  command: 'review',
  describe: "The physician's review page: a local web server on 127.0.0.1 with a one-time URL",
  builder: (y) =>
    y
      .option('reviewer', { type: 'string', describe: 'Registered reviewer id (reviewers/<id>.json); without it the page only reads' })
      .option('key', { type: 'string', describe: "The reviewer's private key (outside the repository; never leaves this process)" })
      .option('branch', { type: 'string', describe: 'Check out this relabel branch first (refused when label files have uncommitted changes)' })
      .option('base', { type: 'string', describe: 'Base the queue is computed against, as steward check (default: the latest v<semver> tag)' })
      .option('port', { type: 'number', default: 0, describe: 'Port on 127.0.0.1 (0: any free port)' })
      .option('open', { type: 'boolean', default: false, describe: 'Open the URL in the default browser' })
      .option('blind', { type: 'boolean', default: false, describe: 'Blind protocol: your own value first, the answers after' })
      .option('undo-seconds', { type: 'number', default: 4, describe: 'How long a submitted decision can be undone before it is signed' })
      .option('export-sheet', { type: 'string', describe: 'Write the queue as a CSV (the paper\'s columns + structured decision columns) and exit; read it back ' +
          'with signoff --from' })
      .option('author', { type: 'string', describe: 'Commit author "Name <email>" (default: GIT_AUTHOR_*, then git config)' }),
  async run(args, io) {
    const { inputError } = await import('../../errors/index.js');
    const { prepareReview, serveUntilSignal } = await import('../../review-app/run-review.js');
    const dir = resolve(args.dir);
    if (args.key !== undefined && args.reviewer === undefined) throw inputError('USAGE', '--key needs --reviewer (whose key it is)', {});
    if (args.reviewer !== undefined && args.key === undefined && args['export-sheet'] === undefined) throw inputError('USAGE', '--reviewer needs --key to sign (the key stays in this process)', {});
    const port = Number(args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw inputError('USAGE', `--port must be 0–65535, not ${args.port}`, {});
    const options = await prepareReview({
      dir,
      reviewer: args.reviewer as string | undefined,
      keyPath: args.key === undefined ? undefined : resolve(String(args.key)),
      branch: args.branch as string | undefined,
      base: args.base as string | undefined,
      blind: Boolean(args.blind),
      author: args.author as string | undefined,
      undoMs: Math.max(0, Number(args['undo-seconds'])) * 1000,
    });
    if (args['export-sheet'] !== undefined) {
      const { ReviewService } = await import('../../review-app/service.js');
      const { writeSheetAtomically } = await import('../../review-app/sheet.js');
      const file = resolve(String(args['export-sheet']));
      const sheet = await new ReviewService(options).sheet();
      await writeSheetAtomically(file, sheet.text);
      io.out(`${sheet.rows} item(s) to review written to ${file}; fill in decision (approve, keep-previous, correct, ` +
          `incomputable), corrected value, incomputable reason, error category; then steward signoff --from ` +
          `${file}\n`);
      return 0;
    }
    return serveUntilSignal({ ...options, port }, io, { open: Boolean(args.open) });
  },
};
