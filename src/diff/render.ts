import { catalogById } from '../calculators/catalog.js';
import { describeField, type LabelDiff } from './label-diff.js';
import type { DiffSummary } from './summarize.js';

function counts(r: Record<string, number>, name?: (k: string) => string): string {
  const entries = Object.entries(r).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([k, v]) => `${name ? name(k) : k} ${v}`).join(', ') : 'none';
}

const calcName = (id: string) => `${catalogById(Number(id))?.names[0] ?? id} (${id})`;

/** Plain text for a terminal. */
export function diffText(diffs: LabelDiff[], summary: DiffSummary, header: string): string {
  const lines = [
    header,
    `${summary.total} label(s) changed: ${counts(summary.byChange)}; ${summary.answersChanged} answer(s) ` +
      `changed; ${summary.signoffsAdded} sign-off(s) added`,
  ];
  if (summary.total)
    lines.push(
      `by calculator: ${counts(summary.byCalculator, calcName)}`,
      `by error category: ${counts(summary.byCategory)}`,
      '',
    );
  for (const d of diffs) {
    lines.push(`${d.change === 'added' ? 'A' : d.change === 'removed' ? 'D' : 'M'} ${d.id}  ${d.file}`);
    for (const f of d.fields) lines.push(`    ${describeField(f)}`);
  }
  return lines.join('\n') + '\n';
}

/** A Markdown section fit for a pull-request description. */
export function diffMarkdown(diffs: LabelDiff[], summary: DiffSummary, header: string): string {
  const lines = [
    `## ${header}`,
    '',
    `**${summary.total}** label(s) changed (${counts(summary.byChange)}); **${summary.answersChanged}** ` +
      `answer(s) changed; **${summary.signoffsAdded}** sign-off(s) added.`,
    '',
  ];
  if (summary.total) {
    lines.push(
      '| calculator | labels |',
      '|---|---:|',
      ...Object.entries(summary.byCalculator).map(([k, v]) => `| ${calcName(k)} | ${v} |`),
      '',
    );
    if (Object.keys(summary.byCategory).length)
      lines.push(
        '| error category | labels |',
        '|---|---:|',
        ...Object.entries(summary.byCategory).map(([k, v]) => `| ${k} | ${v} |`),
        '',
      );
    lines.push('<details><summary>Changes by label</summary>', '');
    for (const d of diffs) {
      lines.push(`- **${d.id}** (${d.change})`);
      for (const f of d.fields) lines.push(`  - \`${describeField(f).replace(/`/g, "'")}\``);
    }
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}
