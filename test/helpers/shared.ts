import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The real data beside the repository (CI has it; a local clone may not). */
export const SHARED = process.env.STEWARD_SHARED ?? resolve(REPO_ROOT, '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED, 'medcalc-bench', 'v1.0', 'test_data.csv'));

// CI sets STEWARD_REQUIRE_SHARED=1 so that a missing ../shared fails the run instead of skipping the
// real-data tests and staying green.
if (!HAS_SHARED && process.env.STEWARD_REQUIRE_SHARED === '1') {
  throw new Error(
    `STEWARD_REQUIRE_SHARED=1 but the real data is missing at ${SHARED} (expected medcalc-bench/v1.0/test_data.csv)`,
  );
}
if (!HAS_SHARED) {
  console.warn(
    `\n*** ../shared not found at ${SHARED}: real-data tests are SKIPPED. Set STEWARD_SHARED or put shared/ ` +
      `beside the repo. ***\n`,
  );
}

export const V1_CSV = join(SHARED, 'medcalc-bench', 'v1.0', 'test_data.csv');
export const INITIAL_CSV = join(SHARED, 'medcalc-bench', 'v1.0-initial-2024-06-14', 'test_data.csv');
export const VERIFIED_ONESHOT_CSV = join(SHARED, 'medcalc-bench', 'verified-v1.0.3', 'one_shot_data.csv');
export const AUDIT_CRLF_CSV = join(SHARED, 'medcalc-stewardship', 'data', 'phase1', 'original_test_labels.csv');
export const CORRECTED_CSV = join(SHARED, 'medcalc-stewardship', 'data', 'medcalc_v1_corrected.csv');
export const PIPELINE_CSV = join(SHARED, 'medcalc-stewardship', 'derived_csv', 'y_new_and_sampled_MD_evals.csv');
export const PHYSICIAN_CSV = join(SHARED, 'medcalc-stewardship', 'derived_csv', 'y_final_MD_evals_incorporated.csv');
