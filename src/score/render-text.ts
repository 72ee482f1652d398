import type { Breakdown } from './render-format.js';
import { accuracyText, breakdownRows, formatPAscii, interval, outcomeText, points, someIds } from './render-format.js';
import type { ModelScore, ScoreReport, VersionComparison } from './types.js';

/** The score report as plain text, one block per model. */
export function scoreText(report: ScoreReport, options: { by: Breakdown }): string {
  const lines: string[] = [];
  lines.push(
    `Scored against ` +
      `${report.versions.map((v) => `${v.name} (${v.items} items)`).join(' and ')}` +
      `${report.extract ? ', answers extracted from raw output' : ''}`,
  );
  for (const note of report.notes) lines.push(`  ${note}`);
  if (report.models.length === 0) lines.push('', 'No predictions.');
  for (const model of report.models) lines.push('', ...modelLines(model, options.by));
  return lines.join('\n') + '\n';
}

function modelLines(model: ModelScore, by: Breakdown): string[] {
  const lines = [`Model ${model.model} (${model.predictions} predictions)`];
  for (const score of model.scores) {
    lines.push(`  ${score.version}: accuracy ${accuracyText(score.accuracy)}, 95% CI ${interval(score.accuracy)}`);
    lines.push(`    outcomes: ${outcomeText(score.outcomes)}`);
    if (score.missing.length > 0)
      lines.push(`    no prediction for ${score.missing.length} item(s), counted wrong: ${someIds(score.missing)}`);
  }
  lines.push(`  by ${by}:`);
  const rows = breakdownRows(model.scores, by);
  const width = Math.max(...rows.map((r) => label(r, by).length));
  for (const row of rows) {
    const cells = row.cells.map((c) =>
      c ? `${accuracyText(c).padEnd(18)} ${interval(c).padEnd(12)}` : '–'.padEnd(31),
    );
    lines.push(`    ${label(row, by).padEnd(width)}  ${cells.join('  ').trimEnd()}`);
  }
  if (model.comparison) lines.push(...comparisonLines(model.comparison));
  return lines;
}

function label(row: { key: string; name: string }, by: Breakdown): string {
  return by === 'calculator' ? `${row.key} ${row.name}` : row.name;
}

function comparisonLines(c: VersionComparison): string[] {
  const lines = [`  ${c.base} → ${c.compare}, on the ${c.paired} item(s) in both:`];
  if (c.onlyInBase || c.onlyInCompare)
    lines.push(`    not paired: ${c.onlyInBase} item(s) only in ${c.base}, ${c.onlyInCompare} only in ${c.compare}`);
  if (!c.baseAccuracy || !c.compareAccuracy || !c.difference || !c.mcnemar) return lines;
  lines.push(`    accuracy ${accuracyText(c.baseAccuracy)} → ${accuracyText(c.compareAccuracy)}`);
  lines.push(
    `    difference ${points(c.difference.estimate)} points, 95% CI ${points(c.difference.lower)} to ` +
      `${points(c.difference.upper)} (Newcombe); ` +
      `exact McNemar p = ${formatPAscii(c.mcnemar.pValue)} (${c.mcnemar.onlyCompare} right only under ${c.compare}, ` +
      `${c.mcnemar.onlyBase} only under ${c.base})`,
  );
  lines.push(`    ${c.flips.length} item(s) flip because the label changed:`);
  for (const f of c.flips) {
    lines.push(
      `      ${f.id}  ${f.direction}  label ${f.base.label} → ${f.compare.label}  answer ` +
        `${f.answer === null ? '(none)' : JSON.stringify(f.answer)}  (${f.calculator})`,
    );
  }
  return lines;
}
