import type { CheckResult } from './run-check.js';

/** The gate's verdict for a terminal or a CI log: per label, exactly what is missing or wrong. */
export function formatCheck(result: CheckResult): string {
  const lines: string[] = [];
  const failing = result.labels.filter((l) => l.problems.length > 0);
  lines.push(
    `check against ${shortRef(result.base)}: ${result.summary.changed} label(s) changed, ` +
      `${result.summary.needSignoff} relabel(s) need sign-off`,
  );
  for (const p of result.reviewerProblems) lines.push(`${p.file}: ${p.message}`);
  if (result.trustChanges.length > 0) {
    lines.push(`trust-root change since ${shortRef(result.base)} (reviewers or sign-off policy):`);
    for (const c of result.trustChanges)
      lines.push(
        `  ${c.file} ` +
          `${c.change}` +
          (c.signedBy.length
            ? `, signed by ${c.signedBy.map((s) => `${s.signer} (${s.action}, ${s.record})`).join(', ')}`
            : ', unsigned'),
      );
  }
  for (const p of result.trustProblems) lines.push(`${p.code}: ${p.message}`);
  for (const l of failing) {
    lines.push(`${l.id}  ${l.file} (${l.changed})`);
    for (const p of l.problems) lines.push(`  ${p.code}: ${p.message}`);
  }
  const verifierOnly = result.summary.verifierOnly;
  if (verifierOnly > 0)
    lines.push(`${verifierOnly} relabel(s) pass on their verifier alone (no physician sign-off; allowed by policy)`);
  lines.push(
    result.passed
      ? 'PASSED'
      : `FAILED: ${failing.length} label(s) with ` +
          `problems` +
          `${result.reviewerProblems.length ? `, ${result.reviewerProblems.length} reviewer file problem(s)` : ''}` +
          `${result.trustProblems.length ? `, ${result.trustProblems.length} trust-root problem(s)` : ''}`,
  );
  return lines.join('\n') + '\n';
}

/** A commit oid shortened as git prints it; names (tags, branches) as given. */
export function shortRef(ref: string | null): string {
  if (ref === null) return '(no commits)';
  return /^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 10) : ref;
}
