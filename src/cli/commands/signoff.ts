import { resolve } from 'node:path';
import { defineCommand } from '../command.js';
import { DECISIONS } from '../../review/decisions.js';

export const signoffCommand = defineCommand({
  command: 'signoff [ids..]',
  describe: 'Sign off labels as a reviewer (ed25519), or import a physician adjudication CSV (--from)',
  positionals: {
    ids: { type: 'string', array: true, describe: 'Labels to sign off' },
  },
  options: {
    reviewer: { type: 'string', demandOption: true, describe: 'Registered reviewer id (reviewers/<id>.json)' },
    key: { type: 'string', demandOption: true, describe: "The reviewer's private key (outside the repository)" },
    decision: { choices: DECISIONS, describe: 'approve, reject, or amend (amend applies --value as the answer)' },
    value: { type: 'string', describe: "The physician's own value (required for amend)" },
    note: { type: 'string', describe: 'A note kept with the sign-off' },
    from: {
      type: 'string',
      describe: 'Physician adjudications CSV (uid, y* (Physician label), Physician Note (Optional))',
    },
    'id-column': { type: 'string', default: 'uid', describe: 'CSV column naming the item (label id or Row Number)' },
    'value-column': {
      type: 'string',
      default: 'y* (Physician label)',
      describe: 'CSV column with the physician value',
    },
    'note-column': {
      type: 'string',
      describe: 'CSV column with the note (default: Physician Note (Optional), when present)',
    },
    'decision-column': {
      type: 'string',
      describe:
        'CSV column with the value the reviewers decided the label becomes (e.g. y_final; default: the ' +
        'physician value)',
    },
    read: {
      type: 'string',
      array: true,
      describe:
        "How to read a free-text physician value: 'TEXT=VALUE' (VALUE a value, N/A, or reject), e.g. " +
        "'Multiple=N/A'",
    },
    split: { type: 'string', default: 'test', describe: 'Split whose Row Numbers numeric ids refer to' },
    author: { type: 'string', describe: 'Commit author "Name <email>" (default: GIT_AUTHOR_*, then git config)' },
  },
  async run(args, io) {
    const { inputError } = await import('../../errors/index.js');
    const { importSignoffs } = await import('../../review/import-signoffs.js');
    const { formatReadings, parseTextReadings } = await import('../../review/free-text-readings.js');
    const { signLabels } = await import('../../review/sign-labels.js');
    const dir = resolve(args.dir);
    const ids = args.ids ?? [];
    const common = { dir, reviewer: args.reviewer, keyPath: resolve(args.key), author: args.author };
    if (args.from !== undefined) {
      if (ids.length > 0 || args.decision !== undefined)
        throw inputError('USAGE', 'give either label ids with --decision, or --from <csv>, not both', {});
      // A sheet `steward review --export-sheet` wrote: its structured decision columns win over free text.
      const sheet = await import('../../review-app/import-sheet.js');
      const file = args.from;
      const isSheet = await sheet.isReviewSheet(file);
      const result = isSheet
        ? await sheet.importReviewSheet({ ...common, file })
        : await importSignoffs({
            ...common,
            file,
            idColumn: args.idColumn,
            valueColumn: args.valueColumn,
            noteColumn: args.noteColumn,
            decisionColumn: args.decisionColumn,
            readings: parseTextReadings((args.read ?? []).map(String)),
            split: args.split,
          });
      if (args.json) io.out(JSON.stringify(result, null, 2) + '\n');
      else {
        io.out(
          `${result.signoffs.length} sign-off(s) by ${args.reviewer}: ${result.approved.length} approve, ` +
            `${result.amended.length} amend, ${result.rejected.length} reject` +
            `${result.unchanged.length ? `; ${result.unchanged.length} already signed` : ''}\n`,
        );
        for (const r of result.rejected)
          io.out(`  ${r.id} (row ${r.row}): "${r.value}" recorded as a rejection: ${r.reason}\n`);
        for (const l of formatReadings(result.readings)) io.out(`${l}\n`);
        if (result.commit) io.out(`committed ${result.commit.slice(0, 10)}\n`);
      }
      return 0;
    }
    if (ids.length === 0 || args.decision === undefined)
      throw inputError('USAGE', 'name the labels and a --decision, or give --from <csv>', {});
    const { decision, value, note } = args;
    const result = await signLabels({ ...common, ids, decision, value, note });
    if (args.json) io.out(JSON.stringify(result, null, 2) + '\n');
    else
      io.out(
        `${result.signoffs.length} sign-off(s): ${args.decision} by ${args.reviewer}` +
          `${result.commit ? `; committed ${result.commit.slice(0, 10)}` : ''}\n`,
      );
    return 0;
  },
});
