import type { CalcResult } from '../calculators/types.js';
import { formatAnswerValue } from '../label/answer.js';
import type { AuditItem } from './classify.js';
import type { AuditReport } from './run-audit.js';

function pct(k: number, n: number): string {
  return n === 0 ? '–' : `${((100 * k) / n).toFixed(0)}%`;
}

function shown(r: CalcResult | null): string {
  if (!r) return '–';
  if (r.incomputable) return `incomputable (${r.missing.join(', ')})`;
  if (Array.isArray(r.value)) return `${r.value[0]} weeks ${r.value[1]} days`;
  return typeof r.value === 'number' ? String(Number(r.value.toPrecision(6))) : r.value;
}

/** The audit as Markdown: totals, one row per calculator, then the triage queue. */
export function auditMarkdown(report: AuditReport, options: { title?: string; triageLimit?: number } = {}): string {
  return triageMarkdown(report, report.triage.length, report.triage, options);
}

/**
 * auditMarkdown from the totals, the size of the triage queue and its first items (at least the
 * `triageLimit` shown): a streaming audit keeps only those of a queue that may hold 1,000,000.
 */
export function triageMarkdown(
  report: Pick<AuditReport, 'total' | 'counts' | 'calculators'>,
  triageCount: number,
  firstTriage: readonly AuditItem[],
  options: { title?: string; triageLimit?: number } = {},
): string {
  const c = report.counts;
  const lines = [
    `# ${options.title ?? 'Label audit'}`,
    '',
    `${report.total} labels: ${c['reproduced-from-entities']} reproduced-from-entities (` +
      `${pct(c['reproduced-from-entities'], report.total)}), ${c['calculator-logic-mismatch']} ` +
      `calculator-logic-mismatch, ${c.disagrees} disagree, ${c.incomputable} incomputable` +
      (c['no-calculator'] ? `, ${c['no-calculator']} without a calculator` : '') +
      '.',
    '',
    `From the notes: ${c['implausible-input']} implausible-input, ${c['calculator-warning']} calculator-warning, ` +
      `${c['likely-incomputable']} likely-incomputable, ${c['extraction-suspect']} extraction-suspect.`,
    '',
    '| id | calculator | n | reproduced-from-entities | mismatch | disagrees | incomputable | flagged from the note |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...report.calculators.map(
      (r) =>
        `| ${r.id} | ${r.name} | ${r.n} | ${r.reproduced} (${pct(r.reproduced, r.n)}) | ${r.mismatch} | ` +
        `${r.disagrees} | ${r.incomputable} | ${r.evidence} |`,
    ),
    '',
  ];
  const limit = options.triageLimit ?? 50;
  if (triageCount > 0) {
    const shownCount = Math.min(limit, triageCount);
    lines.push(`## Triage (${triageCount} items, ${shownCount} shown, most clinically significant first)`, '');
    lines.push(
      '| item | calculator | outcome | label | reference | medcalc-v1.0 | deviation | crosses threshold | from ' +
        'the note |',
      '|---|---:|---|---|---|---|---:|---|---|',
    );
    for (const item of firstTriage.slice(0, limit)) {
      const dev =
        item.deviation === null ? '–' : Number.isFinite(item.deviation) ? `${(100 * item.deviation).toFixed(1)}%` : '∞';
      lines.push(
        `| ${item.id} | ${item.calculatorId} | ${item.outcome} | ${formatAnswerValue(item.label)} | ` +
          `${shown(item.reference)} | ${shown(item.v1)} | ${dev} | ${item.crossesThreshold ? 'yes' : ''} | ` +
          `${noteFindings(item).replace(/\|/g, '\\|')} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** What the evidence checks found, in a few words for a table cell. */
export function noteFindings(item: AuditItem): string {
  const e = item.evidence;
  if (!e) return '';
  const parts = [
    ...e.implausible.map(
      (i) =>
        `implausible ${i.what} ${Number(i.value.toPrecision(6))}${i.unit ? ' ' + i.unit : ''} (plausible ` +
        `${i.range[0]}–${i.range[1]})`,
    ),
    ...e.calculatorWarnings,
    ...e.missingFromNote.map((m) => `${m}: not in the note`),
    ...e.suspect.map((s) => `${s.entity}: ${s.detail}`),
  ];
  return parts.join('; ');
}

/** The audit as JSON for later steps (proposals): everything but the full traces of reproduced items. */
export function auditJson(report: AuditReport): unknown {
  return {
    total: report.total,
    counts: report.counts,
    calculators: report.calculators,
    triage: report.triage.map(triageJson),
  };
}

/** One triage item as auditJson gives it. */
export function triageJson(i: AuditItem): unknown {
  return {
    id: i.id,
    file: i.file,
    calculatorId: i.calculatorId,
    outcome: i.outcome,
    label: i.label,
    reference: i.reference,
    v1: i.v1 && (i.v1.incomputable ? { incomputable: true, missing: i.v1.missing } : { value: i.v1.value }),
    deviation: i.deviation !== null && !Number.isFinite(i.deviation) ? 'infinite' : i.deviation,
    crossesThreshold: i.crossesThreshold,
    priority: i.priority,
    evidence: i.evidence,
  };
}
