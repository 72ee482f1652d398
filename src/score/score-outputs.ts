import { resolve } from 'node:path';
import type { CliIO } from '../cli/io.js';
import { progressFor } from '../progress/progress.js';
import { writeFilesAtomically } from '../store/atomic.js';
import { scoreChartSvg } from './chart.js';
import { perItemJsonl, scoreWithItems } from './per-item.js';
import type { ScorePredictionsOptions } from './score-predictions.js';
import type { ScoreReport } from './types.js';

export interface ScoreOutputs {
  /** Write every item's grade here (JSONL). */
  perItem?: string;
  /** Write the SVG chart here. */
  chart?: string;
  io: CliIO;
  args: { json?: unknown; quiet?: unknown };
}

/**
 * `steward score` with its optional files: the report, plus per-item JSONL and an SVG chart when asked
 * (written together, all or none). Progress on a terminal while the versions load and grade.
 */
export async function scoreOutputs(
  options: ScorePredictionsOptions,
  outputs: ScoreOutputs,
  score: (o: ScorePredictionsOptions) => Promise<ScoreReport>,
): Promise<ScoreReport> {
  const progress = progressFor(outputs.io, outputs.args);
  const against = [options.version ?? 'the working tree', options.compare].filter(Boolean).join(' and ');
  const phase = (predictions: readonly unknown[]) =>
    progress.phase(`scoring ${predictions.length} predictions against ${against}`);
  const source = options.predictions;
  if (Array.isArray(source)) phase(source);
  else if (typeof source === 'function') {
    options = {
      ...options,
      predictions: () => {
        const parsed = source();
        void parsed.then(phase, () => {});
        return parsed;
      },
    };
  } else void Promise.resolve(source).then(phase, () => {});
  let report: ScoreReport;
  const writes: { path: string; content: string | string[] }[] = [];
  if (outputs.perItem) {
    const result = await scoreWithItems(options);
    report = result.report;
    writes.push({ path: resolve(outputs.perItem), content: perItemJsonl(result.rows) });
  } else {
    report = await score(options);
  }
  if (outputs.chart) writes.push({ path: resolve(outputs.chart), content: scoreChartSvg(report) });
  if (writes.length) {
    progress.phase('writing');
    await writeFilesAtomically(writes);
  }
  progress.end();
  return report;
}
