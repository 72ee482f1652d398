import { agreementChartSvg, errorsChartSvg } from './charts.js';
import type { ReleaseRecord } from './record.js';

/** Chart files of a release, beside its notes in changelogs/ (paths relative to the repository). */
export const chartPaths = (version: string) => ({
  errors: `changelogs/v${version}-errors.svg`,
  agreement: `changelogs/v${version}-agreement.svg`,
});

export function releaseChartFiles(record: ReleaseRecord): { path: string; content: string }[] {
  const paths = chartPaths(record.version);
  return [
    { path: paths.errors, content: errorsChartSvg(record) },
    { path: paths.agreement, content: agreementChartSvg(record) },
  ];
}

/** The notes with a Charts section linking the SVGs (relative to changelogs/, where the notes are). */
export function withChartLinks(markdown: string, record: Pick<ReleaseRecord, 'version'>): string {
  const name = (p: string) => p.slice('changelogs/'.length);
  const paths = chartPaths(record.version);
  return (
    `${markdown.replace(/\n*$/, '\n')}\n## Charts\n\n![Changed labels by error category and calculator, with 95% ` +
    `intervals](${name(paths.errors)})\n\n![Agreement with physician values, with 95% ` +
    `intervals](${name(paths.agreement)})\n`
  );
}
