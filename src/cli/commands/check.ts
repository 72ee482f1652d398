import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const checkCommand = defineCommand({
  command: 'check',
  describe:
    'The pull-request gate: labels valid, sign-offs signed, current and as the policy asks (exit 1 lists what is ' +
    'missing)',
  options: {
    base: {
      type: 'string',
      describe: 'Compare with this ref (default: the latest release tag vX.Y.Z, else the first commit)',
    },
    'allow-verifier-only': {
      type: 'boolean',
      default: false,
      describe: 'Let relabels with a verifier and no physician sign-off pass (flagged)',
    },
  },
  async run(args, io) {
    const { formatCheck } = await import('../../check/format-check.js');
    const { runCheck } = await import('../../check/run-check.js');
    const progress = (await import('../../progress/progress.js')).progressFor(io, args);
    let read = 0;
    const result = await runCheck({
      dir: resolve(args.dir),
      base: args.base,
      allowVerifierOnly: args.allowVerifierOnly,
      onFile: () => progress.tick('checking label files', ++read),
    });
    progress.end();
    io.out(args.json ? JSON.stringify(result, null, 2) + '\n' : formatCheck(result));
    return result.passed ? 0 : 1;
  },
});
