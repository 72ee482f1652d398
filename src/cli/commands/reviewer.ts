import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';

export const reviewerCommand: CommandSpec = {
  command: 'reviewer <action> <id>',
  describe: 'Register a reviewer and the public key of their key file (reviewer add <id>)',
  builder: (y) =>
    y
      .positional('action', { choices: ['add'] as const, describe: 'What to do', demandOption: true })
      .positional('id', { type: 'string', describe: 'Reviewer id, e.g. dr-lee', demandOption: true })
      .option('name', { type: 'string', demandOption: true, describe: 'Full name' })
      .option('role', { type: 'string', demandOption: true, describe: 'physician, maintainer, ...' })
      .option('specialty', { type: 'string', describe: 'Clinical specialty' })
      .option('orcid', { type: 'string', describe: 'ORCID iD (0000-0000-0000-0000)' })
      .option('key', { type: 'string', demandOption: true, describe: "The reviewer's key file (private key from keygen, or a public key PEM)" })
      .option('replace', { type: 'boolean', default: false, describe: "Replace an existing reviewer (a new key invalidates the reviewer's earlier signatures)" })
      .option('author', { type: 'string', describe: 'Commit author "Name <email>"' }),
  async run(args, io) {
    const { addReviewer } = await import('../../review/add-reviewer.js');
    const result = await addReviewer({
      dir: resolve(args.dir),
      id: String(args.id),
      name: String(args.name),
      role: String(args.role),
      specialty: args.specialty as string | undefined,
      orcid: args.orcid as string | undefined,
      keyPath: resolve(String(args.key)),
      replace: Boolean(args.replace),
      author: args.author as string | undefined,
    });
    if (args.json) io.out(JSON.stringify(result, null, 2) + '\n');
    else io.out(`registered ${result.reviewer.id} (${result.reviewer.role}) in ${result.file}${result.commit ? `; committed ${result.commit.slice(0, 10)}` : ''}\n`);
    return 0;
  },
};
