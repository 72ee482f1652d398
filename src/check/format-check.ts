import type { CheckResult } from './run-check.js';

/** The gate's verdict for a terminal or a CI log: per label, exactly what is missing or wrong. */
export function formatCheck(result: CheckResult): string {
  const lines: string[] = [];
  const failing = result.labels.filter((l) => l.problems.length > 0);
  lines.push(`check against ${shortRef(result.base)}: ${result.summary.changed} label(s) changed, ${result.summary.needSignoff} relabel(s) need sign-off`);
  for (const p of result.reviewerProblems) lines.push(`${p.file}: ${p.message}`);
  for (const l of failing) {
    lines.push(`${l.id}  ${l.file} (${l.changed})`);
    for (const p of l.problems) lines.push(`  ${p.code}: ${p.message}`);
  }
  const verifierOnly = result.summary.verifierOnly;
  if (verifierOnly > 0) lines.push(`${verifierOnly} relabel(s) pass on their verifier alone (no physician sign-off; allowed by policy)`);
  if (result.reviewersChanged.length > 0) lines.push(`reviewer files changed since ${shortRef(result.base)}: ${result.reviewersChanged.map((r) => `${r.file} (${r.change})`).join(', ')}`);
  lines.push(
    result.passed
      ? 'PASSED'
      : `FAILED: ${failing.length} label(s) with problems${result.reviewerProblems.length ? `, ${result.reviewerProblems.length} reviewer file problem(s)` : ''}`,
  );
  return lines.join('\n') + '\n';
}

/** A commit oid shortened as git prints it; names (tags, branches) as given. */
export function shortRef(ref: string | null): string {
  if (ref === null) return '(no commits)';
  return /^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 10) : ref;
}
