import type { Breakdown } from './render-format.js';
import { accuracyText, breakdownRows, formatPAscii, interval, outcomeText, points, someIds } from './render-format.js';
import type { ModelScore, ScoreReport, VersionComparison } from './types.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The score report as Markdown (for a pull request or a paper's appendix). */
export function scoreMarkdown(report: ScoreReport, options: { by: Breakdown }): string {
  const lines = [`## Scores on ${report.versions.map((v) => `${v.name} (${v.items} items)`).join(' and ')}`, ''];
  if (report.extract) lines.push('Answers were extracted from raw model output (the last `"answer": …` field).', '');
  for (const note of report.notes) lines.push(`- ${note}`);
  if (report.notes.length) lines.push('');
  for (const model of report.models) lines.push(...modelMarkdown(model, options.by));
  return lines.join('\n') + '\n';
}

function modelMarkdown(model: ModelScore, by: Breakdown): string[] {
  const lines = [
    `### ${cell(model.model)}`,
    '',
    `${model.predictions} predictions.`,
    '',
    '| version | accuracy | 95% CI | outcomes |',
    '|---|---:|---:|---|',
  ];
  for (const s of model.scores)
    lines.push(`| ${s.version} | ${accuracyText(s.accuracy)} | ${interval(s.accuracy)} | ${outcomeText(s.outcomes)} |`);
  lines.push('');
  for (const s of model.scores) {
    if (s.missing.length > 0)
      lines.push(
        `No prediction for ${s.missing.length} item(s) of ${s.version}, counted wrong: ${someIds(s.missing)}.`,
        '',
      );
  }
  const versions = model.scores.map((s) => s.version);
  lines.push(
    `| ${by} | ${versions.map((v) => `${v} | 95% CI`).join(' | ')} |`,
    `|---|${versions.map(() => '---:|---:').join('|')}|`,
  );
  for (const row of breakdownRows(model.scores, by)) {
    const name = by === 'calculator' ? `${row.key} ${row.name}` : row.name;
    lines.push(
      `| ${cell(name)} | ${row.cells.map((c) => (c ? `${accuracyText(c)} | ${interval(c)}` : '– | –')).join(' | ')} |`,
    );
  }
  lines.push('');
  if (model.comparison) lines.push(...comparisonMarkdown(model.comparison));
  return lines;
}

function comparisonMarkdown(c: VersionComparison): string[] {
  const lines = [`#### ${c.base} → ${c.compare}`, ''];
  if (c.onlyInBase || c.onlyInCompare)
    lines.push(`Not paired: ${c.onlyInBase} item(s) only in ${c.base}, ${c.onlyInCompare} only in ${c.compare}.`, '');
  if (!c.baseAccuracy || !c.compareAccuracy || !c.difference || !c.mcnemar)
    return [...lines, 'No item is in both versions.', ''];
  lines.push(
    `On the ${c.paired} items in both versions: ${accuracyText(c.baseAccuracy)} → ` +
      `${accuracyText(c.compareAccuracy)}; ` +
      `difference **${points(c.difference.estimate)} points** (95% CI ${points(c.difference.lower)} to ` +
      `${points(c.difference.upper)}, Newcombe), ` +
      `exact McNemar p = ${formatPAscii(c.mcnemar.pValue)}.`,
    '',
    `${c.flips.length} item(s) flip because the label changed:`,
    '',
  );
  if (c.flips.length === 0) return lines;
  lines.push('| item | calculator | answer | label before | label after | change |', '|---|---|---|---|---|---|');
  for (const f of c.flips) {
    lines.push(
      `| ${f.id} | ${cell(f.calculator)} | ${f.answer === null ? '(none)' : `\`${cell(f.answer)}\``} | ` +
        `${cell(f.base.label)} | ${cell(f.compare.label)} | ${f.direction} |`,
    );
  }
  lines.push('');
  return lines;
}
