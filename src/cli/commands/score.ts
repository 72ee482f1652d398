import { basename, extname, resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const scoreCommand = defineCommand({
  command: 'score <predictions>',
  describe: 'Score model predictions against a label version as the MedCalc-Bench harness grades, and compare versions',
  positionals: {
    predictions: {
      type: 'string',
      demandOption: true,
      describe: 'JSONL {id|row, answer, model?}, or the harness output CSV/JSONL; - reads stdin',
    },
  },
  options: {
    version: {
      type: 'string',
      describe: 'Release version (1.1.0 = tag v1.1.0) or git ref (default: the working tree)',
    },
    compare: { type: 'string', describe: 'A second version: accuracy under both, paired difference, flipped items' },
    md: { type: 'boolean', default: false, describe: 'Markdown' },
    by: { choices: ['calculator', 'category'], default: 'category', describe: 'Accuracy breakdown' },
    extract: {
      type: 'boolean',
      default: false,
      describe: 'Answers are raw model output: take the last "answer": field, as the harness does',
    },
    split: { type: 'string', describe: 'Score only the items of this split' },
    model: { type: 'string', describe: 'Model name for records without one (default: the file name)' },
    'per-item': {
      type: 'string',
      describe:
        "Also write every item's grade as JSONL to this file (id, calculator, label, prediction, correct; " +
        'with --compare both versions)',
    },
    chart: {
      type: 'string',
      describe: 'Also write an SVG chart of the scores (with --compare: both versions) to this file',
    },
  },
  async run(args, io) {
    const { inputError } = await import('../../errors/index.js');
    const { readSourceText } = await import('../../core/source-text.js');
    const { parsePredictionsInTurns } = await import('../../score/predictions.js');
    const { scoreMarkdown } = await import('../../score/render-markdown.js');
    const { scoreText } = await import('../../score/render-text.js');
    const { scorePredictions } = await import('../../score/score-predictions.js');
    const { scoreOutputs } = await import('../../score/score-outputs.js');
    const source = args.predictions;
    // yargs hands a lone "-" positional over as "".
    const fromStdin = source === '-' || source === '';
    if (fromStdin && !io.stdin) throw inputError('NO_STDIN', 'cannot read predictions from standard input here', {});
    const file = fromStdin ? '<stdin>' : source;
    const defaultModel = args.model ?? (fromStdin ? 'model' : basename(source, extname(source)));
    // Read and parsed while the version's labels are read from git (scorePredictions calls this once the
    // release record is read); scorePredictions reports their errors first, as when they were read first.
    const predictions = () =>
      (fromStdin ? io.stdin!() : readSourceText(source))
        .then((text) => parsePredictionsInTurns(text, { file, defaultModel }))
        .then((parsed) => {
          // An empty file scores nothing: saying "No predictions." with success would hide a broken pipeline.
          if (parsed.length === 0) throw inputError('NO_PREDICTIONS', `${file}: no predictions in the file`, { file });
          return parsed;
        });
    const { version, compare, extract, split, perItem, chart, by } = args;
    const options = { dir: resolve(args.dir), version, compare, predictions, extract, split, file };
    const report = await scoreOutputs(options, { perItem, chart, io, args }, scorePredictions);
    if (args.json) io.out(JSON.stringify(report, null, 2) + '\n');
    else if (args.md) io.out(scoreMarkdown(report, { by }));
    else io.out(scoreText(report, { by }));
    return 0;
  },
});
