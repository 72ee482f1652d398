import { itemsOfSplit } from './items.js';
import { loadVersionItems } from './load-items.js';
import type { Prediction } from './predictions.js';
import { scoreModels } from './score-models.js';
import type { ScoreReport } from './types.js';

export interface ScorePredictionsOptions {
  /** The benchmark repository. */
  dir: string;
  /** A release version ("1.1.0", read at tag v1.1.0), a git ref, or undefined for the working tree. */
  version?: string;
  /** A second version to score against and compare with the first. */
  compare?: string;
  /** The predictions, or their parse still under way (the versions are read meanwhile: see parsePredictionsInTurns). */
  predictions: readonly Prediction[] | Promise<readonly Prediction[]>;
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
  const loading = Promise.all(
    names.map(async (version) => {
      // Only what scoring needs is kept, each label cut down as it is read (see loadVersionItems).
      const loaded = await loadVersionItems({ dir: options.dir, version, signal: abort.signal });
      return { name: loaded.name, note: loaded.note, items: itemsOfSplit(loaded.items, options.split) };
    }),
  );
  loading.catch(() => {}); // awaited below, after the predictions, whose errors come first as they always have
  let predictions: readonly Prediction[];
  try {
    predictions = await options.predictions;
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
