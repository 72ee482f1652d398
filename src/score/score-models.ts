import { inputError } from '../errors/index.js';
import { compareVersions, pairVersions } from './compare-versions.js';
import { buildItemIndex, type ItemIndex, type ScoringItem } from './items.js';
import type { Prediction } from './predictions.js';
import { resolvePredictions } from './resolve-predictions.js';
import { GradeMemo, gradeVersion, type IndexedVersion, summarizeVersion } from './score-version.js';
import type { ModelScore, ScoreReport } from './types.js';

/** A version's name (as the user gave it) and its items. */
export interface VersionItems {
  name: string;
  items: readonly ScoringItem[];
}

export interface ScoreModelsOptions {
  base: VersionItems;
  compare?: VersionItems;
  predictions: readonly Prediction[];
  /** Answers are raw model outputs: take the harness's last `"answer": …` field first. */
  extract?: boolean;
  /** Names the predictions in error messages. */
  file?: string;
}

/**
 * Scores every model in the predictions against one version, or two (with the paired comparison):
 * the pure core of `steward score`, over labels already loaded.
 */
export function scoreModels(options: ScoreModelsOptions): ScoreReport {
  const versions = options.compare ? [options.base, options.compare] : [options.base];
  for (const v of versions) {
    if (v.items.length === 0)
      throw inputError('NO_LABELS', `version ${v.name} has no labels to score against`, { version: v.name });
  }
  const index = buildItemIndex(versions.map((v) => v.items));
  const indexed = versions.map((v) => indexVersion(v, index));
  const models = resolvePredictions(options.predictions, index, {
    file: options.file ?? '<predictions>',
    versions: versions.map((v) => v.name).join(' or '),
  });
  const pairing = indexed.length === 2 ? pairVersions(indexed[0], indexed[1]) : undefined;
  const memos = indexed.map((version) => new GradeMemo(version.items.length));
  return {
    versions: versions.map((v) => ({ name: v.name, items: v.items.length })),
    notes: [],
    extract: Boolean(options.extract),
    models: models.map((m): ModelScore => {
      const graded = indexed.map((version, v) => ({
        version,
        codes: gradeVersion(version, m.answers, { extract: options.extract, memo: memos[v] }),
      }));
      const score: ModelScore = {
        model: m.model,
        predictions: m.predictions,
        scores: graded.map((g) => summarizeVersion(g.version, g.codes)),
      };
      if (graded.length === 2) score.comparison = compareVersions(graded[0], graded[1], m.answers, pairing);
      return score;
    }),
  };
}

function indexVersion(version: VersionItems, index: ItemIndex): IndexedVersion {
  const positions = new Int32Array(version.items.length);
  version.items.forEach((item, k) => (positions[k] = index.ids[k] === item.id ? k : index.positionOf(item.id)!));
  return { name: version.name, items: version.items, positions };
}
