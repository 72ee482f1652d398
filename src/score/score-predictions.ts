import { itemsOfSplit } from './items.js';
import { loadVersionItems } from './load-items.js';
import type { Prediction } from './predictions.js';
import { scoreModels } from './score-models.js';
import type { ScoreReport } from './types.js';

export type PredictionsSource =
  | readonly Prediction[]
  | Promise<readonly Prediction[]>
  | (() => Promise<readonly Prediction[]>);

export interface ScorePredictionsOptions {
  /** The benchmark repository. */
  dir: string;
  /** A release version ("1.1.0", read at tag v1.1.0), a git ref, or undefined for the working tree. */
  version?: string;
  /** A second version to score against and compare with the first. */
  compare?: string;
  /**
   * The predictions; or their parse under way (the versions are read meanwhile: see parsePredictionsInTurns);
   * or a function that starts it, called once the version's release record is read (see below).
   */
  predictions: PredictionsSource;
  /** Answers are raw model outputs (take the last `"answer": …` field, as the harness does). */
  extract?: boolean;
  /** Score only the items of this split. */
  split?: string;
  /** Names the predictions in error messages. */
  file?: string;
}

/**
 * Library API: scores each model in `predictions` against a version's labels (and, with `compare`,
 * against a second version, with paired statistics and the items whose correctness the relabel flipped).
 */
export async function scorePredictions(options: ScorePredictionsOptions): Promise<ScoreReport> {
  const names = options.compare !== undefined ? [options.version, options.compare] : [options.version];
  const abort = new AbortController();
  // A source given as a function is started once the first version's record and file list are read, not
  // before: at 1M labels the record's 226 MB buffer and the parsed predictions (~170 MB) at once put the
  // score over 1 GiB. The predictions are still parsed while the labels are read (most of the time).
  let readyToParse!: () => void;
  const ready = new Promise<void>((resolve) => (readyToParse = resolve));
  const loading = Promise.all(
    names.map(async (version, k) => {
      // Only what scoring needs is kept, each label cut down as it is read (see loadVersionItems).
      const loaded = await loadVersionItems({
        dir: options.dir,
        version,
        signal: abort.signal,
        opened: k === 0 ? readyToParse : undefined,
      });
      return { name: loaded.name, note: loaded.note, items: itemsOfSplit(loaded.items, options.split) };
    }),
  );
  // Awaited below, after the predictions, whose errors come first as they always have (so a version that
  // fails before it is opened still lets them be read).
  loading.catch(() => {}).finally(readyToParse);
  let predictions: readonly Prediction[];
  try {
    const source = options.predictions;
    if (typeof source === 'function') await ready;
    predictions = await (typeof source === 'function' ? source() : source);
  } catch (error) {
    abort.abort();
    await loading.catch(() => {});
    throw error;
  }
  const versions = await loading;
  const [base, compare] = versions;
  const report = scoreModels({
    base,
    compare,
    predictions,
    extract: options.extract,
    file: options.file,
  });
  return { ...report, notes: versions.map((v) => v.note) };
}
