import { barChartSvg, percent } from '../charts/svg.js';
import type { ScoreReport } from './types.js';

/**
 * Accuracy of each model under each version scored (with Wilson 95% intervals), then by category: the
 * picture of how a relabel moves a score. With --compare the paired difference is in the subtitle.
 */
export function scoreChartSvg(report: ScoreReport): string {
  const versions = report.versions.map((v) => v.name);
  const acc = (a: { correct: number; total: number; estimate: number; lower: number; upper: number }) =>
    `${a.correct}/${a.total} (${percent(a.estimate)}, 95% CI ${percent(a.lower)}–${percent(a.upper)})`;
  const differences = report.models
    .map(
      (m) =>
        m.comparison?.difference &&
        `${m.model}: ${m.comparison.compare} − ${m.comparison.base} = ` +
          `${percent(m.comparison.difference.estimate)} (95% CI ${percent(m.comparison.difference.lower)} to ` +
          `${percent(m.comparison.difference.upper)})`,
    )
    .filter(Boolean);
  const sections = report.models.flatMap((m) => [
    {
      title: `${m.model}: accuracy`,
      unit: 'share' as const,
      rows: m.scores.map((s, k) => ({
        label: s.version,
        value: s.accuracy.estimate,
        lower: s.accuracy.lower,
        upper: s.accuracy.upper,
        text: acc(s.accuracy),
        series: k,
      })),
    },
    {
      title: `${m.model}: accuracy by category`,
      unit: 'share' as const,
      rows: m.scores[0].byCategory.flatMap((group) =>
        m.scores
          .map((s, k) => {
            const g = s.byCategory.find((x) => x.key === group.key);
            return g
              ? {
                  label: `${group.name} (${s.version})`,
                  value: g.estimate,
                  lower: g.lower,
                  upper: g.upper,
                  text: acc(g),
                  series: k,
                }
              : null;
          })
          .filter((r): r is NonNullable<typeof r> => r !== null),
      ),
    },
  ]);
  return barChartSvg({
    title: `Scores under ${versions.join(' and ')}`,
    subtitle: differences.length ? differences.join('; ') : 'whiskers: Wilson 95% CI',
    series: versions,
    sections,
  });
}
