import { resolve } from 'node:path';
import { StewardError } from '../../errors/index.js';
import type { CommandSpec } from '../command.js';

const ACTIONS = ['add', 'revoke', 'set-policy'] as const;

const usageError = (message: string) => new StewardError('USAGE', message, {}, 'usage');

export const reviewerCommand: CommandSpec = {
  command: 'reviewer <action> [id]',
  describe: 'Change who may sign off, with a change record signed by a maintainer: reviewer add <id>, reviewer revoke ' +
      '<id>, reviewer set-policy',
  builder: (y) =>
    y
      .positional('action', { choices: ACTIONS, describe: 'What to do', demandOption: true })
      .positional('id', { type: 'string', describe: 'Reviewer id, e.g. dr-lee (add, revoke)' })
      .option('name', { type: 'string', describe: 'Full name (add)' })
      .option('role', { type: 'string', describe: 'physician, maintainer, ... (add)' })
      .option('specialty', { type: 'string', describe: 'Clinical specialty' })
      .option('orcid', { type: 'string', describe: 'ORCID iD (0000-0000-0000-0000)' })
      .option('key', { type: 'string', describe: "The reviewer's key file (private key from keygen, or a public key PEM) (add)" })
      .option('replace', { type: 'boolean', default: false, describe: "Replace an existing reviewer (a new key invalidates the reviewer's earlier signatures)" })
      .option('signer', { type: 'string', describe: 'The registered maintainer who signs the change record' })
      .option('signer-key', { type: 'string', describe: "The signer's private key (outside the repository)" })
      .option('reason', { type: 'string', describe: 'Why the reviewer is revoked (revoke)' })
      .option('relabel', { type: 'number', describe: 'Physician sign-offs a relabel needs (set-policy)' })
      .option('contentious', { type: 'number', describe: 'Physician sign-offs a contentious relabel needs (set-policy)' })
      .option('physician-roles', { type: 'string', describe: 'Comma-separated roles that count as physicians (set-policy)' })
      .option('allow-verifier-only', { type: 'boolean', describe: 'Let verifier-only relabels pass (set-policy)' })
      .option('author', { type: 'string', describe: 'Commit author "Name <email>"' }),
  async run(args, io) {
    const dir = resolve(args.dir);
    const action = String(args.action) as (typeof ACTIONS)[number];
    const signer = args.signer as string | undefined;
    const signerKeyPath = args['signer-key'] === undefined ? undefined : resolve(String(args['signer-key']));
    const author = args.author as string | undefined;
    const need = (name: string) => {
      if (args[name] === undefined) throw usageError(`reviewer ${action} needs --${name}`);
      return String(args[name]);
    };
    if (action !== 'set-policy' && args.id === undefined) throw usageError(`reviewer ${action} needs a reviewer id`);
    if (action === 'add') {
      const { addReviewer } = await import('../../review/add-reviewer.js');
      const result = await addReviewer({
        dir,
        id: String(args.id),
        name: need('name'),
        role: need('role'),
        specialty: args.specialty as string | undefined,
        orcid: args.orcid as string | undefined,
        keyPath: resolve(need('key')),
        replace: Boolean(args.replace),
        signer,
        signerKeyPath,
        author,
      });
      if (args.json) io.out(JSON.stringify(result, null, 2) + '\n');
      else {
        io.out(`registered ${result.reviewer.id} (${result.reviewer.role}) in ` +
            `${result.file}${result.signer ? `, signed by ${result.signer} (${result.record})` : ''}` +
                `${result.commit ? `; committed ${result.commit.slice(0, 10)}` : ''}\n`);
        if (!result.signer) io.err('warning: unsigned reviewer change (no maintainer is registered); the gate refuses it in a pull request\n');
      }
      return 0;
    }
    const { revokeReviewer, setPolicy } = await import('../../review/revoke-reviewer.js');
    if (!signer || !signerKeyPath) throw usageError(`reviewer ${action} needs --signer <maintainer> and --signer-key <key>`);
    if (action === 'revoke') {
      const result = await revokeReviewer({ dir, id: String(args.id), reason: args.reason as string | undefined, signer, signerKeyPath, author });
      io.out(args.json ? JSON.stringify(result, null, 2) + '\n' : `revoked ${result.reviewer.id}, signed by ${result.signer} ` +
          `(${result.record})${result.commit ? `; committed ${result.commit.slice(0, 10)}` : ''}\n`);
      return 0;
    }
    const roles = args['physician-roles'] === undefined ? undefined : String(args['physician-roles']).split(',').map((r) => r.trim()).filter(Boolean);
    const result = await setPolicy({
      dir,
      signer,
      signerKeyPath,
      author,
      policy: { relabel: args.relabel as number | undefined, contentious: args.contentious as number | undefined, physicianRoles: roles, allowVerifierOnly: args['allow-verifier-only'] as boolean | undefined },
    });
    io.out(args.json ? JSON.stringify(result, null, 2) + '\n' : `policy set (${JSON.stringify(result.policy)}), signed by ${result.signer} ` +
        `(${result.record})${result.commit ? `; committed ${result.commit.slice(0, 10)}` : ''}\n`);
    return 0;
  },
};
