import { readFile } from 'node:fs/promises';
import type { CalcResult } from '../../calculators/types.js';
import { defineCommand } from '../command.js';

export const calcCommand = defineCommand({
  command: 'calc <calculator>',
  describe: 'Compute one calculator from entities, with its step-by-step trace',
  positionals: {
    calculator: { type: 'string', describe: 'MedCalc calculator id or name', demandOption: true },
  },
  options: {
    entities: {
      type: 'string',
      demandOption: true,
      describe:
        'Entities as JSON (MedCalc format), or @file.json, e.g. \'{"weight": [70, "kg"], "height": ' + '[175, "cm"]}\'',
    },
    convention: {
      choices: ['reference', 'medcalc-v1.0'],
      default: 'reference',
      describe:
        'reference (clinically correct) or medcalc-v1.0 (reproduces the original label code, to explain old ' +
        'labels)',
    },
  },
  async run(args, io) {
    const { runCalculator } = await import('../../calculators/run-calculator.js');
    const { inputError } = await import('../../errors/index.js');
    const raw = args.entities;
    const text = raw.startsWith('@')
      ? await readFile(raw.slice(1), 'utf8').catch(() => {
          throw inputError('FILE_NOT_READABLE', `${raw.slice(1)}: cannot be read`, { file: raw.slice(1) });
        })
      : raw;
    let entities: unknown;
    try {
      entities = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw inputError('BAD_ENTITIES_JSON', `--entities is not JSON: ${message}`, {});
    }
    const { convention } = args;
    const { calculator, result } = runCalculator({ calculator: args.calculator, entities, convention });
    if (args.json) io.out(JSON.stringify(calcJson(result), null, 2) + '\n');
    else io.out(calcText(calculator.names[0], result));
    return 0;
  },
});

/** The --json shape: { value, kind, steps } or { incomputable: true, missing }. */
function calcJson(result: CalcResult): unknown {
  if (result.incomputable) return { incomputable: true, missing: result.missing };
  return { value: result.value, kind: result.kind, steps: result.steps };
}

function calcText(name: string, result: CalcResult): string {
  const steps = result.steps.map(
    (s, k) => `  ${k + 1}. ${s.what}${s.inputs ? ` ${JSON.stringify(s.inputs)}` : ''} → ${JSON.stringify(s.result)}`,
  );
  const head = result.incomputable
    ? `${name}: incomputable; missing ${result.missing.join(', ')}`
    : `${name}: ${Array.isArray(result.value) ? `${result.value[0]} weeks ${result.value[1]} days` : result.value}`;
  return [head, ...steps].join('\n') + '\n';
}
