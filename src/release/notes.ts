import type { ReleaseRecord } from './record.js';
import type { AgreementLine, ReleaseStatistics, Share } from './statistics.js';

/** What the notes' heading needs of a release record, with the manifest's root and count. */
export type ReleaseRecordHead = Pick<ReleaseRecord, 'name' | 'version' | 'previousVersion' | 'date' | 'labelCommit' | 'message' | 'verifierOnlyAllowed'> & {
  root: string;
  count: number;
};

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const ci = (s: { lower: number; upper: number }) => `${pct(s.lower)}–${pct(s.upper)}`;
const shareCell = (s: Share) => `${s.count} | ${pct(s.share, 2)} | ${pct(s.lower, 2)}–${pct(s.upper, 2)}`;
const agreementCell = (a: AgreementLine | null) => (a ? `${a.k}/${a.n} | ${a.percent.toFixed(1)}% | ${ci(a)}` : '– | – | –');

function formatP(p: number): string {
  if (p >= 0.001) return p.toFixed(3);
  const [m, e] = p.toExponential(1).split('e');
  return `${m}×10^${Number(e)}`;
}

/** The release notes for people: what changed, why, who signed, and how well labels agree with physicians. */
export function releaseMarkdown(head: ReleaseRecordHead, s: ReleaseStatistics): string {
  const a = s.agreement;
  const lines: string[] = [
    `# ${head.name} ${head.version}`,
    '',
    `Released ${head.date}${head.previousVersion ? `, following ${head.previousVersion}` : ' (first release)'}. ${head.count} labels; root hash \`${head.root}\`; labels at commit \`${head.labelCommit.slice(0, 12)}\`.`,
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
    `Of the ${s.relabeled + s.madeIncomputable} changed answers, **${s.physicianSigned} are physician-signed** and **${s.verifierOnly} are verifier-only**` +
      (s.verifierOnly > 0 ? ` (backed by a verifier's recomputation without a physician sign-off; ${head.verifierOnlyAllowed ? 'allowed for this release' : 'not allowed'})` : '') +
      '.',
    '',
  ];
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
      '## Changes by calculator',
      '',
      '| calculator | labels | share | 95% CI |',
      '|---|---:|---:|---|',
      ...Object.entries(s.byCalculator).map(([k, v]) => `| ${v.name} (${k}) | ${shareCell(v)} |`),
      '',
    );
  }
  lines.push('## Agreement with physician ground truth', '');
  if (a.items === 0) lines.push('No label carries a physician value yet.', '');
  else {
    lines.push(
      `${a.items} items carry a physician's own value. Labels compared with it:`,
      '',
      '| labels | agree | percent | Wilson 95% CI |',
      '|---|---:|---:|---|',
      `| previous release${head.previousVersion ? ` (${head.previousVersion})` : ''} | ${agreementCell(a.previous)} |`,
      `| proposed (as first proposed, before physician amendment) | ${agreementCell(a.proposed)} |`,
      `| this release (${head.version}) | ${agreementCell(a.current)} |`,
      '',
    );
    if (a.paired) {
      const p = a.paired;
      lines.push(
        `Paired, proposed vs previous: ${p.onlyProposed} items agree only with the proposal, ${p.onlyPrevious} only with the previous label, ${p.both} with both, ${p.neither} with neither. ` +
          `Difference in agreement ${pct(p.difference)} (Newcombe 95% CI ${pct(p.lower)} to ${pct(p.upper)}); exact McNemar p = ${formatP(p.mcnemarP)}.`,
        '',
      );
    }
    lines.push(
      a.kappa
        ? `Inter-physician agreement on whether the proposal is right, over ${a.kappa.items} items with two physicians: Cohen's κ = ${a.kappa.kappa.toFixed(3)} (SE ${a.kappa.se.toFixed(3)}, 95% CI ${a.kappa.lower.toFixed(3)} to ${a.kappa.upper.toFixed(3)}).`
        : "Cohen's κ between physicians is not reported: no item carries values from two physicians.",
      '',
    );
  }
  lines.push('## Method', '', `**Agreement rule.** ${a.rule}`, '');
  lines.push(
    "**Physician values.** Each item's ground truth is the earliest physician sign-off that carries a value; N/A, Not applicable and similar texts mean the item is incomputable from its note.",
  );
  if (a.valuesWithUnits.length > 0) {
    const rawText = (key: 'previous' | 'proposed' | 'current') => {
      const l = a[key];
      const lost = a.valuesWithUnits.filter((v) => v.agrees[key]).length;
      return l && lost > 0 ? `${key} ${l.k - lost}/${l.n} instead of ${l.k}/${l.n}` : null;
    };
    const differences = (['previous', 'proposed', 'current'] as const).map(rawText).filter(Boolean);
    lines.push(
      ` Values written with a unit are read as their number: ${a.valuesWithUnits.map((v) => `${v.id} "${v.text}" → ${v.value}`).join('; ')}.` +
        (differences.length
          ? ` A reading that compares the raw text counts these as non-numbers that agree with no label, and would report ${differences.join(', ')}.`
          : ''),
    );
  }
  if (a.unreadable.length > 0) lines.push(` Texts that are no single value (${a.unreadable.map((u) => `${u.id} "${u.text}"`).join('; ')}) are kept as written and not counted.`);
  lines.push(
    '',
    '**Selection.** Physician values exist only where physicians were asked; when they were asked about disputed items (as in the stewardship audit, which sampled items whose recomputed label differed by more than 5% or was N/A), these agreement rates describe disputed items, not the benchmark as a whole.',
    '',
    '**Intervals.** Wilson score intervals for proportions; Newcombe (1998, method 10) for the paired difference; exact two-sided McNemar test on the discordant pairs.',
    '',
  );
  return lines.join('\n');
}
