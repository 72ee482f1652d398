import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const reviewCommand = defineCommand({
  command: 'review',
  describe: "The physician's review page: a local web server on 127.0.0.1 with a one-time URL",
  options: {
    reviewer: {
      type: 'string',
      describe: 'Registered reviewer id (reviewers/<id>.json); without it the page only reads',
    },
    key: { type: 'string', describe: "The reviewer's private key (outside the repository; never leaves this process)" },
    branch: {
      type: 'string',
      describe: 'Check out this relabel branch first (refused when label files have uncommitted changes)',
    },
    base: {
      type: 'string',
      describe: 'Base the queue is computed against, as steward check (default: the latest release tag vX.Y.Z)',
    },
    port: { type: 'number', default: 0, describe: 'Port on 127.0.0.1 (0: any free port)' },
    open: { type: 'boolean', default: false, describe: 'Open the URL in the default browser' },
    blind: { type: 'boolean', default: false, describe: 'Blind protocol: your own value first, the answers after' },
    'undo-seconds': {
      type: 'number',
      default: 4,
      describe: 'How long a submitted decision can be undone before it is signed',
    },
    'export-sheet': {
      type: 'string',
      describe:
        "Write the queue as a CSV (the paper's columns + structured decision columns) and exit; read it " +
        'back with signoff --from',
    },
    author: { type: 'string', describe: 'Commit author "Name <email>" (default: GIT_AUTHOR_*, then git config)' },
  },
  async run(args, io) {
    const { inputError } = await import('../../errors/index.js');
    const { prepareReview, serveUntilSignal } = await import('../../review-app/run-review.js');
    const dir = resolve(args.dir);
    if (args.key !== undefined && args.reviewer === undefined)
      throw inputError('USAGE', '--key needs --reviewer (whose key it is)', {});
    if (args.reviewer !== undefined && args.key === undefined && args.exportSheet === undefined) {
      throw inputError('USAGE', '--reviewer needs --key to sign (the key stays in this process)', {});
    }
    const port = args.port;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw inputError('USAGE', `--port must be 0–65535, not ${args.port}`, {});
    const options = await prepareReview({
      dir,
      reviewer: args.reviewer,
      keyPath: args.key === undefined ? undefined : resolve(args.key),
      branch: args.branch,
      base: args.base,
      blind: args.blind,
      author: args.author,
      undoMs: Math.max(0, args.undoSeconds) * 1000,
    });
    if (args.exportSheet !== undefined) {
      const { ReviewService } = await import('../../review-app/service.js');
      const { writeSheetAtomically } = await import('../../review-app/sheet.js');
      const file = resolve(args.exportSheet);
      const sheet = await new ReviewService(options).sheet();
      await writeSheetAtomically(file, sheet.text);
      io.out(
        `${sheet.rows} item(s) to review written to ${file}; fill in decision (approve, keep-previous, correct, ` +
          `incomputable), corrected value, incomputable reason, error category; then steward signoff --from ` +
          `${file}\n`,
      );
      return 0;
    }
    return serveUntilSignal({ ...options, port }, io, { open: args.open });
  },
});
