import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const proposeCommand = defineCommand({
  command: 'propose [id]',
  describe: 'Propose a relabel of one label, or a batch from verifier output (--from), committed on a branch',
  positionals: {
    id: { type: 'string', describe: 'The label to relabel (omit with --from)' },
  },
  options: {
    value: { type: 'string', describe: 'The new answer, read by the calculator kind (N/A makes it incomputable)' },
    incomputable: { type: 'boolean', describe: 'The note does not support an answer: make the label incomputable' },
    category: { type: 'string', describe: 'Error category (schema/error-categories.json)' },
    rationale: { type: 'string', describe: 'Why the label is wrong and the new answer right' },
    explanation: {
      type: 'string',
      describe: "The new answer's explanation (default: the reference calculator's trace when it gives the value)",
    },
    evidence: {
      type: 'string',
      describe: 'A file inside the repository (committed with the proposal), a URL, or a citation',
    },
    contentious: {
      type: 'boolean',
      describe: 'Mark the item contentious (the policy may ask for more physician sign-offs)',
    },
    from: {
      type: 'string',
      describe:
        'Verifier output: CSV (the stewardship files) or JSONL {"id"|"row", "value", "category"?, ' +
        '"rationale"?, "explanation"?, "evidence"?}',
    },
    verifier: { type: 'string', describe: 'Name of the verifier that produced --from, recorded in each revision' },
    'id-column': {
      type: 'string',
      describe:
        'CSV column naming the item: a label id or an upstream Row Number (default: Unique ID, uid, Row ' +
        'Number, id)',
    },
    'value-column': {
      type: 'string',
      describe: 'CSV column with the proposed value (default: Ground Truth Answer, value)',
    },
    split: { type: 'string', default: 'test', describe: 'Split whose Row Numbers numeric ids refer to' },
    branch: { type: 'string', describe: 'Commit on this branch, e.g. relabel/<name> (created from HEAD when new)' },
    author: { type: 'string', describe: '"Name <email>" (default: GIT_AUTHOR_*, then git config)' },
  },
  async run(args, io) {
    const { inputError } = await import('../../errors/index.js');
    const { formatAnswerValue } = await import('../../label/answer.js');
    const { proposeBatch } = await import('../../propose/propose-batch.js');
    const { proposeOne } = await import('../../propose/propose-one.js');
    const dir = resolve(args.dir);
    const common = { dir, branch: args.branch, author: args.author };
    if (args.from !== undefined) {
      if (args.id !== undefined || args.value !== undefined || args.incomputable)
        throw inputError('USAGE', 'give either a label id with --value, or --from <file>, not both', {});
      const progress = (await import('../../progress/progress.js')).progressFor(io, args);
      progress.phase(`proposing relabels from ${args.from}`);
      const result = await proposeBatch({
        ...common,
        file: args.from,
        verifier: args.verifier,
        split: args.split,
        idColumn: args.idColumn,
        valueColumn: args.valueColumn,
      });
      progress.end();
      if (args.json) io.out(JSON.stringify(result, null, 2) + '\n');
      else {
        io.out(
          `${result.rows} row(s): ${result.relabeled.length} relabeled, ${result.incomputable.length} ` +
            `incomputable, ${result.confirmed.length} confirmed, ${result.unchanged.length} unchanged\n` +
            (result.commit ? `committed ${result.commit.slice(0, 10)} on ${result.branch}\n` : 'nothing to commit\n'),
        );
      }
      return 0;
    }
    if (args.id === undefined) throw inputError('USAGE', 'name a label to relabel, or give --from <file>', {});
    if (args.category === undefined || args.rationale === undefined)
      throw inputError('USAGE', 'a proposal needs --category and --rationale', {});
    const evidence = args.evidence;
    const result = await proposeOne({
      ...common,
      id: args.id,
      value: args.value,
      incomputable: Boolean(args.incomputable),
      category: args.category,
      rationale: args.rationale,
      explanation: args.explanation,
      // A path that exists from where the user stands is a file; pass it absolute so it is found.
      evidence: evidence !== undefined && existsSync(evidence) ? resolve(evidence) : evidence,
      contentious: Boolean(args.contentious),
    });
    if (args.json) io.out(JSON.stringify(result, null, 2) + '\n');
    else {
      io.out(
        `${result.id}: ${formatAnswerValue(result.previous)} → ${formatAnswerValue(result.answer)} (` +
          `${result.status})\n`,
      );
      io.out(
        result.commit
          ? `committed ${result.commit.slice(0, 10)} on ${result.branch}\n`
          : 'written (not a git repository)\n',
      );
    }
    return 0;
  },
});
