import { barChartSvg, percent } from '../charts/svg.js';
import type { ReleaseRecord } from './record.js';
import type { AgreementLine } from './statistics.js';

/** Changed labels by error category and by calculator: counts, with the share's Wilson 95% interval in the label. */
export function errorsChartSvg(record: Pick<ReleaseRecord, 'name' | 'version' | 'statistics'>): string {
  const s = record.statistics;
  const changed = s.relabeled + s.madeIncomputable;
  const share = (v: { count: number; share: number; lower: number; upper: number }) =>
    `${v.count} (${percent(v.share)}, 95% CI ${percent(v.lower)}–${percent(v.upper)})`;
  return barChartSvg({
    title: `${record.name} ${record.version}: changed labels`,
    subtitle:
      `${changed} of ${s.total} labels changed (relabeled or made incomputable); whiskers: Wilson 95% CI of the ` +
      `share`,
    sections: [
      {
        title: 'By error category (share of all labels)',
        unit: 'share',
        rows: Object.entries(s.byCategory).map(([k, v]) => ({
          label: k,
          value: v.share,
          lower: v.lower,
          upper: v.upper,
          text: share(v),
        })),
        empty: 'No label changed in this release.',
      },
      {
        title: 'By calculator (share of all labels)',
        unit: 'share',
        rows: Object.entries(s.byCalculator).map(([k, v]) => ({
          label: `${v.name} (${k})`,
          value: v.share,
          lower: v.lower,
          upper: v.upper,
          text: share(v),
        })),
        empty: 'No label changed in this release.',
      },
    ],
  });
}

/** Agreement of the previous, proposed and released labels with physicians' own values, with Wilson intervals. */
export function agreementChartSvg(
  record: Pick<ReleaseRecord, 'name' | 'version' | 'previousVersion' | 'statistics'>,
): string {
  const a = record.statistics.agreement;
  const row = (label: string, l: AgreementLine | null) =>
    l
      ? [
          {
            label,
            value: l.percent / 100,
            lower: l.lower,
            upper: l.upper,
            text: `${l.k}/${l.n} (${l.percent.toFixed(1)}%, 95% CI ${percent(l.lower)}–${percent(l.upper)})`,
          },
        ]
      : [];
  return barChartSvg({
    title: `${record.name} ${record.version}: agreement with physicians`,
    subtitle:
      a.items > 0
        ? `${a.items} items carry a physician's own value; whiskers: Wilson 95% CI`
        : 'No label carries a physician value yet.',
    sections: [
      {
        title: 'Labels that agree with the physician value',
        unit: 'share',
        rows: [
          ...row(`previous release${record.previousVersion ? ` (${record.previousVersion})` : ''}`, a.previous),
          ...row('as first proposed', a.proposed),
        ],
        empty: 'No physician values to compare with.',
      },
    ],
  });
}
