import type { AgreementLine, AgreementStatistics } from './agreement-statistics.js';
import type { ChangedShare, Rate } from './changed-share.js';
import type { ReleaseRecordHead } from './notes.js';

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const interval = (r: { lower: number; upper: number }, digits = 1) => `${pct(r.lower, digits)}–${pct(r.upper, digits)}`;
const agreementCell = (a: AgreementLine | null) =>
  a ? `${a.k}/${a.n} | ${a.percent.toFixed(1)}% | ${interval(a)}` : '– | – | –';
const rateCells = (r: Rate) => `${r.k}/${r.n} | ${pct(r.share)} | ${interval(r)}`;
const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** A p-value to 3 significant figures: 0.0423, 1.43×10⁻⁵. */
export function formatP(p: number): string {
  if (p === 0) return '0';
  if (p >= 0.001) return String(Number(p.toPrecision(3)));
  const [m, e] = p.toExponential(2).split('e');
  return `${m}×10${String(Number(e)).replace(/./g, (c) => SUPERSCRIPT[c])}`;
}

/** "How many of the previous release's labels this release found wrong or incomputable", whole and per calculator. */
export function changedShareSection(head: ReleaseRecordHead, c: ChangedShare): string[] {
  const of = head.previousVersion ?? 'the previous release';
  const lines = [
    `## Labels of ${of} changed or made incomputable`,
    '',
    `This release gave ${c.changed} of the ${c.total.n} labels of ${of} a new value and made ` +
      `${c.madeIncomputable} incomputable (N/A): ` +
      `**${c.total.k} of ${c.total.n}, ${pct(c.total.share)} (Wilson 95% CI ${interval(c.total)})**, the share ` +
      `of ${of}'s labels this release found wrong or incomputable.`,
    '',
  ];
  if (!c.byCalculator) {
    lines.push(
      `Per calculator: not available, because the record of ${of} does not count its labels per calculator.`,
      '',
    );
    return lines;
  }
  lines.push(
    "Items cluster by calculator (one calculator's defect changes all its labels), so the whole-benchmark " +
      'interval above understates the uncertainty; per calculator, highest rate first:',
    '',
    '| calculator | changed or N/A | rate | Wilson 95% CI |',
    '|---|---:|---:|---|',
    ...c.byCalculator.map((r) => `| ${r.name} (${r.id}) | ${rateCells(r)} |`),
    '',
  );
  return lines;
}

/** Agreement with physicians: the previous release's labels and the labels as proposed, never the released ones. */
export function agreementSection(head: ReleaseRecordHead, a: AgreementStatistics): string[] {
  const lines = ['## Agreement with physicians', ''];
  if (a.items === 0) lines.push('No label carries a physician value yet.', '');
  else {
    const t = a.types;
    const typeWords = [
      `${t.ordinal} ordinal`,
      `${t.continuous} continuous`,
      `${t.na} with a physician value of N/A`,
      ...(t.exact ? [`${t.exact} dates`] : []),
    ].join(', ');
    lines.push(
      `${a.items} items carry a physician's own value (${typeWords}). Labels compared with it:`,
      '',
      '| labels | agree | percent | Wilson 95% CI |',
      '|---|---:|---:|---|',
      `| previous release${head.previousVersion ? ` (${head.previousVersion})` : ''} | ${agreementCell(a.previous)} |`,
      `| as proposed, before physician review | ${agreementCell(a.proposed)} |`,
      '',
    );
    if (a.byConstruction.previous > 0) {
      lines.push(
        `${a.byConstruction.previous} of these items already had a physician's own value as their label in the ` +
          `previous release; that agreement is true by construction, so they are left out of the previous-release ` +
          `row and the paired comparison.`,
        '',
      );
    }
    if (a.paired) {
      const p = a.paired;
      lines.push(
        `Paired, proposed vs previous (${p.both + p.onlyProposed + p.onlyPrevious + p.neither} items): ` +
          `${p.onlyProposed} agree only with the proposal, ${p.onlyPrevious} only with the previous label, ` +
          `${p.both} with both, ${p.neither} with neither. ` +
          `Difference in agreement ${pct(p.difference)} (Newcombe 95% CI ${pct(p.lower)} to ${pct(p.upper)}); ` +
          `exact McNemar p = ${formatP(p.mcnemarP)}.`,
        '',
      );
    }
    lines.push(
      `The released labels of ${head.version} on these items are not compared with the physicians, because the ` +
        `comparison would be circular: ` +
        `on ${a.byConstruction.released} item(s) a physician amended the label, so the released label is the ` +
        `physician's own value by construction; ` +
        `on the other ${a.approvedAsProposed} it is the label a physician approved, whose agreement is in the ` +
        `rows above.`,
      '',
      a.kappa
        ? `Inter-physician agreement on whether the proposal is right, over ${a.kappa.items} items with two ` +
            `physicians: Cohen's κ = ${a.kappa.kappa.toFixed(3)} (SE ${a.kappa.se.toFixed(3)}, 95% CI ` +
            `${a.kappa.lower.toFixed(3)} to ${a.kappa.upper.toFixed(3)}).`
        : "Cohen's κ between physicians is not reported: no item carries values from two physicians.",
      '',
    );
  }
  lines.push('## Method', '', `**Agreement rule.** ${a.rule}`, '');
  let values =
    "**Physician values.** Each item's ground truth is the earliest physician sign-off that carries a value; " +
    'N/A, Not applicable and similar texts mean the item is incomputable from its note.';
  if (a.valuesWithUnits.length > 0)
    values +=
      ` Values written with a unit are read as their number: ` +
      `${a.valuesWithUnits.map((v) => `${v.id} "${v.text}" → ${v.value}`).join('; ')}.`;
  if (a.unreadable.length > 0)
    values +=
      ` Texts that are no single value (${a.unreadable.map((u) => `${u.id} "${u.text}"`).join('; ')}) are kept as ` +
      `written and not counted.`;
  lines.push(values);
  return lines;
}
