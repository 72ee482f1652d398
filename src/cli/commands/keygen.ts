import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const keygenCommand = defineCommand({
  command: 'keygen',
  describe: 'Create an ed25519 signing key (mode 0600, outside the repository) and print its public key',
  options: {
    out: { type: 'string', demandOption: true, describe: 'Where to write the private key, e.g. ~/.steward/<id>.pem' },
  },
  async run(args, io) {
    const { keygen } = await import('../../review/keygen.js');
    const result = await keygen({ dir: resolve(args.dir), out: args.out });
    if (args.json) io.out(JSON.stringify(result, null, 2) + '\n');
    else io.out(`private key written to ${result.path} (keep it secret)\npublic key: ${result.publicKey}\n`);
    return 0;
  },
});
