import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const showCommand = defineCommand({
  command: 'show <id>',
  describe: 'One label as it is now, or as it was at a version (--at)',
  positionals: {
    id: { type: 'string', describe: 'Label id', demandOption: true },
  },
  options: {
    at: { type: 'string', describe: 'Tag, branch, commit or HEAD (default: working tree)' },
  },
  async run(args, io) {
    const { openRepo } = await import('../../git/index.js');
    const { readLabelAt } = await import('../../history/find-label.js');
    const { formatAnswerValue } = await import('../../label/answer.js');
    const { canonicalJson } = await import('../../store/canonical.js');
    const repo = await openRepo({ dir: resolve(args.dir) });
    const { path, label } = await readLabelAt(repo, args.id, args.at);
    if (args.json) {
      io.out(canonicalJson(label));
      return 0;
    }
    const lines = [
      `${label.id}  ${path}${args.at ? `  at ${args.at}` : ''}`,
      `calculator: ${label.calculator.name} (${label.calculator.id})`,
      `answer: ${formatAnswerValue(label.answer)} ` +
        `(${label.answer.kind})` +
        ('lower' in label.answer
          ? ` limits ${JSON.stringify(label.answer.lower)}–${JSON.stringify(label.answer.upper)}`
          : ''),
      `status: ${label.status}`,
      ...(label.revision
        ? [
            `revision: ${label.revision.category} by ${label.revision.proposer} at ${label.revision.time}: ` +
              `${label.revision.rationale}`,
          ]
        : []),
      `sign-offs: ` +
        `${label.signoffs.length ? label.signoffs.map((s) => `${s.reviewer} ${s.decision}`).join(', ') : 'none'}`,
      `entities: ${JSON.stringify(label.entities)}`,
      '',
      label.question,
      '',
      label.note,
    ];
    io.out(lines.join('\n') + '\n');
    return 0;
  },
});
