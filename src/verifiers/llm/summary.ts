import type { VerifyLabelsResult } from './run.js';

/** What a run did, for the terminal. */
export function runSummary(r: VerifyLabelsResult, out: string): string {
  if (r.estimate) {
    const cost =
      r.estimate.costUsd === null
        ? 'cost unknown (no price for this model in steward.config.json /verifier/prices)'
        : `about $${r.estimate.costUsd.toFixed(4)}`;
    return (
      `Dry run: ${r.estimate.calls} call(s) to make (${r.fromCache} cached), about ${r.estimate.tokens} tokens, ` +
      `${cost}.\n`
    );
  }
  const decided = r.lines.filter((l) => l.decided).length;
  const lines = [
    `${r.lines.length} item(s) written to ${out}: ${decided} decided, ${r.lines.length - decided} without ` +
      `consensus (for physicians).`,
    `${r.calls} call(s) made, ${r.fromCache} from the cache, ${r.fromLedger} from the ledger ` +
      `(resumed)${r.spentUsd === null ? '' : `; spent $${r.spentUsd.toFixed(4)} in total`}.`,
  ];
  if (r.stoppedByBudget)
    lines.push(
      'Stopped: the next call would have exceeded --budget-usd. Rerun with --resume and a larger budget to finish.',
    );
  if (r.failedCalls.length > 0)
    lines.push(
      `${r.failedCalls.length} call(s) failed after retries (not cached; --resume tries them again): ${r.failedCalls
        .slice(0, 5)
        .map((f) => `${f.id} run ${f.run}: ${f.error}`)
        .join('; ')}`,
    );
  for (const u of r.unverified.slice(0, 20)) lines.push(`not verified: ${u.id}: ${u.why}`);
  if (r.unverified.length > 20) lines.push(`…and ${r.unverified.length - 20} more not verified`);
  return lines.join('\n') + '\n';
}
