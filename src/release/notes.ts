import type { ReleaseRecord } from './record.js';
import { agreementSection, changedShareSection } from './notes-sections.js';
import type { ReleaseStatistics, Share } from './statistics.js';

/** What the notes' heading needs of a release record, with the manifest's root and count. */
export type ReleaseRecordHead = Pick<
  ReleaseRecord,
  'name' | 'version' | 'previousVersion' | 'date' | 'labelCommit' | 'message' | 'verifierOnlyAllowed'
> & {
  root: string;
  count: number;
};

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const shareCell = (s: Share) => `${s.count} | ${pct(s.share, 2)} | ${pct(s.lower, 2)}–${pct(s.upper, 2)}`;

/** The release notes for people: what changed, why, who signed, and how well labels agree with physicians. */
export function releaseMarkdown(head: ReleaseRecordHead, s: ReleaseStatistics): string {
  const a = s.agreement;
  const lines: string[] = [
    `# ${head.name} ${head.version}`,
    '',
    `Released ${head.date}${head.previousVersion ? `, following ${head.previousVersion}` : ' (first release)'}. ` +
      `${head.count} labels; root hash \`${head.root}\`; labels at commit \`${head.labelCommit.slice(0, 12)}\`.`,
    ...(head.message ? ['', head.message] : []),
    '',
    '## What changed',
    '',
    '| | labels |',
    '|---|---:|',
    `| added | ${s.added} |`,
    `| removed | ${s.removed} |`,
    `| relabeled (new value) | ${s.relabeled} |`,
    `| made incomputable (N/A) | ${s.madeIncomputable} |`,
    `| confirmed (checked, value kept) | ${s.confirmed} |`,
    `| unchanged | ${s.unchanged} |`,
    `| other edits (answer kept; note, entities or sign-offs changed) | ${s.otherEdits} |`,
    '',
    `Of the ${s.relabeled + s.madeIncomputable} changed answers, **${s.physicianSigned} are physician-signed** ` +
      `and **${s.verifierOnly} are verifier-only**` +
      (s.verifierOnly > 0
        ? ` (backed by a verifier's recomputation without a physician sign-off; ` +
          `${head.verifierOnlyAllowed ? 'allowed for this release' : 'not allowed'})`
        : '') +
      '.',
    '',
  ];
  if (s.changedShare) lines.push(...changedShareSection(head, s.changedShare));
  else
    lines.push(
      'This is the first release: there are no earlier labels for it to have changed or made incomputable.',
      '',
    );
  const changed = s.relabeled + s.madeIncomputable;
  if (changed > 0) {
    lines.push(
      '## Changes by error category',
      '',
      `Share of the ${s.total} labels, with a Wilson 95% confidence interval.`,
      '',
      '| error category | labels | share | 95% CI |',
      '|---|---:|---:|---|',
      ...Object.entries(s.byCategory).map(([k, v]) => `| ${k} | ${shareCell(v)} |`),
      '',
    );
  }
  lines.push(...agreementSection(head, a));
  lines.push(
    '',
    '**Selection.** Physician values exist only where physicians were asked; when they were asked about disputed ' +
      'items (as in the stewardship audit, which sampled items whose recomputed label differed by more than 5% or ' +
      'was N/A), these agreement rates describe disputed items, not the benchmark as a whole.',
    '',
    '**Intervals.** Wilson score intervals for proportions; Newcombe (1998, method 10) for the paired ' +
      'difference; exact two-sided McNemar test on the discordant pairs. Each number, its formula and reference: ' +
      'docs/release-numbers.md of medcalc-steward.',
    '',
  );
  return lines.join('\n');
}
