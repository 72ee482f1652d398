import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const logCommand = defineCommand({
  command: 'log <id>',
  describe:
    'The history of one label: every commit that changed it, with the change, its reason and the releases that ' +
    'contain it',
  positionals: {
    id: { type: 'string', describe: 'Label id, e.g. test-0001', demandOption: true },
  },
  async run(args, io) {
    const { describeField } = await import('../../diff/label-diff.js');
    const { labelHistory } = await import('../../history/label-history.js');
    const { formatAnswerValue } = await import('../../label/answer.js');
    const history = await labelHistory({ dir: resolve(args.dir), id: args.id });
    if (args.json) {
      io.out(JSON.stringify(history, null, 2) + '\n');
      return 0;
    }
    const lines = [`${history.id}  ${history.path}`];
    for (const e of history.entries) {
      lines.push(
        '',
        `${e.commit.slice(0, 10)}  ${e.date}  ${e.author}${e.tags.length ? `  [${e.tags.join(', ')}]` : ''}`,
        `    ${e.message.split('\n')[0]}`,
      );
      lines.push(
        `    ${e.change}; answer ${e.answer ? formatAnswerValue(e.answer) : '(removed)'}; status ${e.status ?? '–'}`,
      );
      if (e.category) lines.push(`    category ${e.category}: ${e.rationale ?? ''}`);
      for (const s of e.signoffsAdded)
        lines.push(
          `    sign-off: ${s.reviewer} (${s.role}) ${s.decision}` +
            `${s.value !== undefined ? ` value ${s.value}` : ''} at ${s.time}`,
        );
      if (e.change === 'modified')
        for (const f of e.fields.filter((f) => !f.path.startsWith('signoffs'))) lines.push(`      ${describeField(f)}`);
    }
    io.out(lines.join('\n') + '\n');
    return 0;
  },
});
