import { useTestIdentity } from '../helpers/git.js';
import { testdir } from '../helpers/tempdir.js';
import { buildDemoReviewBenchmark } from './demo-bench.js';

export { BRANCH } from './demo-bench.js';

/** The demo review benchmark in a temp folder removed after the test. */
export async function demoReviewBenchmark(): Promise<{ dir: string; keyA: string; keyB: string }> {
  useTestIdentity();
  return buildDemoReviewBenchmark(testdir());
}
