import { writeCsv } from '../../src/core/csv.js';
import { MEDCALC_COLUMNS } from '../../src/core/medcalc-columns.js';

type Row = Partial<Record<(typeof MEDCALC_COLUMNS)[number], string>>;

/** A synthetic MedCalc-Bench CSV row (BMI by default); our own text, not the real data. */
export function medcalcRow(overrides: Row = {}): Row {
  return {
    'Row Number': '1',
    'Calculator ID': '6',
    'Calculator Name': 'Body Mass Index (BMI)',
    Category: 'physical',
    'Output Type': 'decimal',
    'Note ID': 'synthetic-1',
    'Note Type': 'Synthetic',
    'Patient Note': 'A 40-year-old woman, 70 kg and 175 cm tall, comes for a check-up.\nShe feels well.',
    Question: "What is the patient's BMI in kg/m²?",
    'Relevant Entities': "{'weight': [70.0, 'kg'], 'height': [175.0, 'cm']}",
    'Ground Truth Answer': '22.857',
    'Lower Limit': '21.71415',
    'Upper Limit': '23.99985',
    'Ground Truth Explanation': 'BMI = 70 / 1.75² = 22.857 kg/m².',
    ...overrides,
  };
}

/** A CSV of rows; `columns` lets a test drop or rename a header column. */
export function medcalcCsv(rows: Row[], columns: string[] = [...MEDCALC_COLUMNS]): string {
  return writeCsv(
    columns,
    rows.map((r) => columns.map((c) => (r as Record<string, string>)[c] ?? '')),
  );
}
