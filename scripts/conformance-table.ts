/**
 * Prints the per-calculator audit table of the real MedCalc-Bench v1.0 test set as Markdown, for
 * docs/conformance.md. The data stays outside the repository: it is read from ../shared (or
 * STEWARD_SHARED) and imported into a temporary folder that is removed afterwards.
 *
 *   npx tsx scripts/conformance-table.ts [path/to/test_data.csv]
 *   npx tsx scripts/conformance-table.ts --references    (the reference each calculator follows; no data needed)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AuditReport, auditLabels } from '../src/audit/run-audit.js';
import { allCalculators } from '../src/calculators/registry.js';
import { importMedcalcBench } from '../src/importers/import-medcalc.js';
import { readAllLabels } from '../src/store/read.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.STEWARD_SHARED ?? resolve(REPO, '..', 'shared');
const DEFAULT_CSV = join(SHARED, 'medcalc-bench', 'v1.0', 'test_data.csv');

/** Imports a MedCalc-Bench CSV into a temporary folder and audits every label. */
export async function auditCsv(csv: string): Promise<AuditReport> {
  const dir = await mkdtemp(join(tmpdir(), 'steward-conformance-'));
  try {
    await importMedcalcBench({ dir, source: csv, split: 'test', sourceVersion: '1.0', commit: false });
    return auditLabels(await readAllLabels(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const percent = (k: number, n: number) => (n === 0 ? '–' : `${((100 * k) / n).toFixed(0)}%`);

/** The per-calculator table with a totals row. */
export function conformanceTable(report: AuditReport): string {
  const lines = [
    // Conformance is about the calculators: a label the note checks flag (docs/verifiers.md) was still
    // reproduced from its entities, so it counts here as reproduced.
    '| id | calculator | n | reproduced-from-entities | mismatch | disagrees | incomputable |',
    '|---:|---|---:|---:|---:|---:|---:|',
    ...report.calculators.map(
      (r) =>
        `| ${r.id} | ${r.name} | ${r.n} | ${r.reproduced + r.evidence} ` +
        `(${percent(r.reproduced + r.evidence, r.n)}) | ${r.mismatch} | ${r.disagrees} | ${r.incomputable} |`,
    ),
  ];
  const c = report.counts;
  const reproduced = report.calculators.reduce((n, r) => n + r.reproduced + r.evidence, 0);
  lines.push(
    `| | **all ${report.calculators.length} calculators** | **${report.total}** | **${reproduced} ` +
      `(${percent(reproduced, report.total)})** | **${c['calculator-logic-mismatch']}** | **${c.disagrees}** | ` +
      `**${c.incomputable}** |`,
  );
  return lines.join('\n') + '\n';
}

/** The clinical reference each calculator declares, as a Markdown table. */
export function referencesTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return (
    [
      '| id | calculator | reference |',
      '|---:|---|---|',
      ...allCalculators().map((c) => `| ${c.id} | ${cell(c.names[0])} | ${cell(c.reference)} |`),
    ].join('\n') + '\n'
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--references')) process.stdout.write(referencesTable());
  else process.stdout.write(conformanceTable(await auditCsv(args[0] ?? DEFAULT_CSV)));
}
