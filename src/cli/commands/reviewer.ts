import { resolve } from 'node:path';
import { StewardError } from '../../errors/index.js';
import { defineCommand } from '../command.js';

const usageError = (message: string) => new StewardError('USAGE', message, {}, 'usage');

export const reviewerCommand = defineCommand({
  command: 'reviewer <action> [id]',
  describe:
    'Change who may sign off, with a change record signed by a maintainer: reviewer add <id>, reviewer revoke ' +
    '<id>, reviewer set-policy',
  positionals: {
    action: { choices: ['add', 'revoke', 'set-policy'], describe: 'What to do', demandOption: true },
    id: { type: 'string', describe: 'Reviewer id, e.g. dr-lee (add, revoke)' },
  },
  options: {
    name: { type: 'string', describe: 'Full name (add)' },
    role: { type: 'string', describe: 'physician, maintainer, ... (add)' },
    specialty: { type: 'string', describe: 'Clinical specialty' },
    orcid: { type: 'string', describe: 'ORCID iD (0000-0000-0000-0000)' },
    key: { type: 'string', describe: "The reviewer's key file (private key from keygen, or a public key PEM) (add)" },
    replace: {
      type: 'boolean',
      default: false,
      describe: "Replace an existing reviewer (a new key invalidates the reviewer's earlier signatures)",
    },
    signer: { type: 'string', describe: 'The registered maintainer who signs the change record' },
    'signer-key': { type: 'string', describe: "The signer's private key (outside the repository)" },
    reason: { type: 'string', describe: 'Why the reviewer is revoked (revoke)' },
    relabel: { type: 'number', describe: 'Physician sign-offs a relabel needs (set-policy)' },
    contentious: { type: 'number', describe: 'Physician sign-offs a contentious relabel needs (set-policy)' },
    'physician-roles': { type: 'string', describe: 'Comma-separated roles that count as physicians (set-policy)' },
    'allow-verifier-only': { type: 'boolean', describe: 'Let verifier-only relabels pass (set-policy)' },
    author: { type: 'string', describe: 'Commit author "Name <email>"' },
  },
  async run(args, io) {
    const dir = resolve(args.dir);
    const { action, signer, author } = args;
    const signerKeyPath = args.signerKey === undefined ? undefined : resolve(args.signerKey);
    const need = <T>(value: T | undefined, what: string): T => {
      if (value === undefined) throw usageError(`reviewer ${action} needs ${what}`);
      return value;
    };
    if (action !== 'set-policy') need(args.id, 'a reviewer id');
    if (action === 'add') {
      const { addReviewer } = await import('../../review/add-reviewer.js');
      const result = await addReviewer({
        dir,
        id: need(args.id, 'a reviewer id'),
        name: need(args.name, '--name'),
        role: need(args.role, '--role'),
        specialty: args.specialty,
        orcid: args.orcid,
        keyPath: resolve(need(args.key, '--key')),
        replace: args.replace,
        signer,
        signerKeyPath,
        author,
      });
      if (args.json) io.out(JSON.stringify(result, null, 2) + '\n');
      else {
        io.out(
          `registered ${result.reviewer.id} (${result.reviewer.role}) in ${result.file}` +
            `${result.signer ? `, signed by ${result.signer} (${result.record})` : ''}` +
            `${result.commit ? `; committed ${result.commit.slice(0, 10)}` : ''}\n`,
        );
        if (!result.signer)
          io.err(
            'warning: unsigned reviewer change (no maintainer is registered); the gate refuses it in a pull request\n',
          );
      }
      return 0;
    }
    const { revokeReviewer, setPolicy } = await import('../../review/revoke-reviewer.js');
    if (!signer || !signerKeyPath)
      throw usageError(`reviewer ${action} needs --signer <maintainer> and --signer-key <key>`);
    if (action === 'revoke') {
      const id = need(args.id, 'a reviewer id');
      const result = await revokeReviewer({ dir, id, reason: args.reason, signer, signerKeyPath, author });
      io.out(
        args.json
          ? JSON.stringify(result, null, 2) + '\n'
          : `revoked ${result.reviewer.id}, signed by ${result.signer} (${result.record})` +
              `${result.commit ? `; committed ${result.commit.slice(0, 10)}` : ''}\n`,
      );
      return 0;
    }
    const roles = args.physicianRoles
      ?.split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const result = await setPolicy({
      dir,
      signer,
      signerKeyPath,
      author,
      policy: {
        relabel: args.relabel,
        contentious: args.contentious,
        physicianRoles: roles,
        allowVerifierOnly: args.allowVerifierOnly,
      },
    });
    io.out(
      args.json
        ? JSON.stringify(result, null, 2) + '\n'
        : `policy set (${JSON.stringify(result.policy)}), signed by ${result.signer} (${result.record})` +
            `${result.commit ? `; committed ${result.commit.slice(0, 10)}` : ''}\n`,
    );
    return 0;
  },
});
