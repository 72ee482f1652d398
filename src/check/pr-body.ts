import { formatAnswerValue } from '../label/answer.js';
import type { LabelCheck } from './evaluate-label.js';
import { shortRef } from './format-check.js';
import type { CheckResult } from './run-check.js';

export interface PrBodyOptions {
  /** Stop listing labels once the text reaches this size (GitHub caps a PR description at 65,536 characters). */
  maxChars?: number;
}

/**
 * The Markdown description of a relabel pull request, from the gate's result: the verdict, counts by
 * error category and by calculator, each relabel before → after with its rationale, evidence and
 * sign-off status, and every other problem. Confirmations (status only) are counted, not listed.
 * Long lists are cut at `maxChars` with a pointer to `steward check`.
 */
export function renderPrBody(result: CheckResult, options: PrBodyOptions = {}): string {
  const budget = options.maxChars ?? 60_000;
  const changed = result.labels.filter((l) => l.changed !== 'unchanged');
  const relabels = changed.filter((l) => l.needsSignoff);
  const confirmed = changed.filter((l) => !l.needsSignoff && l.status === 'confirmed' && l.before !== null);
  const others = changed.length - relabels.length - confirmed.length;
  const out: string[] = [];
  out.push(`## Relabel: ${changed.length} label(s) changed since \`${shortRef(result.base)}\``, '');
  out.push(
    result.passed
      ? `**Gate: passes.** ${relabels.length} relabel(s), ${result.summary.physicianSigned} signed off by a ` +
          `physician${result.summary.verifierOnly ? `, ${result.summary.verifierOnly} on their verifier alone` : ''}.`
      : `**Gate: fails.** ${result.summary.withProblems} label(s) need attention; ` +
          `${result.summary.physicianSigned} of ${relabels.length} relabel(s) signed off by a physician.`,
    '',
    `${relabels.length} relabel(s) (answer or revision changed), ${confirmed.length} confirmation(s) (checked, ` +
      `answer kept), ${others} other change(s).`,
    '',
  );
  if (relabels.length > 0) {
    out.push('### By error category', '', '| Category | Relabels | Physician-signed |', '|---|---:|---:|');
    for (const [key, group] of groups(relabels, (l) => l.revision?.category ?? '(none)')) {
      out.push(`| ${cell(key)} | ${group.length} | ${group.filter((l) => l.physicianSigned).length} |`);
    }
    out.push('', '### By calculator', '', '| Calculator | Relabels | → incomputable |', '|---|---:|---:|');
    for (const [key, group] of groups(relabels, (l) => l.calculator?.name ?? '(unknown)')) {
      out.push(`| ${cell(key)} | ${group.length} | ${group.filter((l) => l.after?.kind === 'incomputable').length} |`);
    }
    out.push(
      '',
      '### Relabels',
      '',
      '| Label | Calculator | Before → after | Category | Rationale | Evidence | Sign-off |',
      '|---|---|---|---|---|---|---|',
    );
    listWithin(
      out,
      budget,
      relabels.map(relabelRow),
      (n) => `\n…and ${n} more relabel(s); \`steward check --base ${shortRef(result.base)}\` lists every one.`,
    );
    out.push('');
  }
  const otherProblems = result.labels.filter((l) => !l.needsSignoff && l.problems.length > 0);
  if (otherProblems.length > 0 || result.reviewerProblems.length > 0) {
    out.push('### Other problems', '');
    const lines = [
      ...result.reviewerProblems.map((p) => `- \`${p.file}\`: ${oneLine(p.message)}`),
      ...otherProblems.map(
        (l) => `- \`${l.id}\` (${l.changed}): ${l.problems.map((p) => `${p.code}: ${oneLine(p.message)}`).join('; ')}`,
      ),
    ];
    listWithin(out, budget, lines, (n) => `- …and ${n} more`);
    out.push('');
  }
  if (result.trustChanges.length > 0 || result.trustProblems.length > 0) {
    out.push(
      '### Trust-root change',
      '',
      'This pull request changes who may sign off or the sign-off policy; it is judged by the maintainers ' +
        'registered at the base.',
      '',
    );
    for (const c of result.trustChanges) {
      out.push(
        `- \`${c.file}\` ${c.change}: ` +
          (c.signedBy.length ? c.signedBy.map((s) => `${s.action} signed by ${s.signer}`).join(', ') : '**unsigned**'),
      );
    }
    for (const p of result.trustProblems) out.push(`- ❌ ${p.code}: ${oneLine(p.message)}`);
    out.push('');
  }
  return out.join('\n');
}

// A verifier's votes and quotes (steward verify-labels, read by propose --from) get a wider evidence cell.
function relabelRow(l: LabelCheck): string {
  // An item added with a relabel already on it shows the relabel itself.
  const was = l.before ?? l.revision?.previous ?? null;
  const before = was ? formatAnswerValue(was) : '—';
  const after = l.after ? formatAnswerValue(l.after) : '(removed)';
  const arrow = !was ? `${after} (added)` : before === after ? `${after} (unchanged)` : `${before} → **${after}**`;
  const r = l.revision;
  return (
    `| \`${l.id}\` | ${cell(l.calculator?.name ?? '')} | ${cell(arrow)} | ${cell(r?.category ?? '')} | ` +
    `${cell(r?.rationale ?? '', 160)} | ${cell(r?.evidence ?? '', r?.evidence?.startsWith('votes ') ? 320 : 80)} | ` +
    `${cell(signoffStatus(l))} |`
  );
}

function signoffStatus(l: LabelCheck): string {
  const current = l.signoffs
    .filter((s) => !s.superseded)
    .map((s) => `${s.reviewer} ${s.decision}${s.stale ? ' (stale)' : ''}${s.signatureValid ? '' : ' (bad signature)'}`);
  const mark =
    l.problems.length > 0
      ? `❌ ${[...new Set(l.problems.map((p) => p.code))].join(', ')}`
      : l.verifierOnly
        ? '⚠️ verifier only'
        : '✅';
  return current.length > 0 ? `${mark} ${current.join('; ')}` : mark;
}

/** Appends lines while the text stays within budget; then one line saying how many were left out. */
function listWithin(out: string[], budget: number, lines: string[], more: (n: number) => string): void {
  let size = out.reduce((n, line) => n + line.length + 1, 0);
  for (let k = 0; k < lines.length; k++) {
    if (size + lines[k].length + 1 > budget) {
      out.push(more(lines.length - k));
      return;
    }
    out.push(lines[k]);
    size += lines[k].length + 1;
  }
}

function groups(items: LabelCheck[], key: (l: LabelCheck) => string): [string, LabelCheck[]][] {
  const out = new Map<string, LabelCheck[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return [...out.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/** A Markdown table cell: one line, pipes escaped, long text cut. */
function cell(text: string, max = 240): string {
  const flat = oneLine(text);
  return (flat.length > max ? flat.slice(0, max - 1) + '…' : flat).replace(/\|/g, '\\|');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
