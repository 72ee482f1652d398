import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerKindOf, answerOf, readProposedValue } from '../../src/core/answer-kind.js';
import { physicianAgrees } from '../../src/review/agreement.js';
import { parsePhysicianValue } from '../../src/review/physician-value.js';
import { findCalculator } from '../../src/calculators/registry.js';
import type { Label } from '../../src/label/types.js';
import { HAS_SHARED, PIPELINE_CSV } from '../helpers/shared.js';

/**
 * The paper's agreement rule, written here from its description in the stewardship repository
 * (junzeye/validate-medcalc-labels@b6f0416, scripts/reproduce_phase3_metrics.py: extract_numeric,
 * is_ordinal, determine_value_type, check_agreement), sharing nothing with src/: its own CSV reader,
 * its own number extraction (first number in the text; "N/A" and texts without a number are NaN).
 */
function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

const extractNumeric = (text: string) => {
  if (text.trim().toUpperCase() === 'N/A' || text.trim() === '') return NaN;
  const m = /-?\d+\.?\d*/.exec(text);
  return m ? Number(m[0]) : NaN;
};
const isOrdinal = (x: number) =>
  !Number.isNaN(x) && Math.abs(x) <= 20 && Math.abs(x - Math.round(x)) <= 1e-9 + 1e-5 * Math.abs(Math.round(x));
const isContinuous = (x: number) => !Number.isNaN(x) && !isOrdinal(x);
const valueType = (t: number, o: number, n: number) =>
  Number.isNaN(t) ? 'na' : isContinuous(t) || isContinuous(o) || isContinuous(n) ? 'continuous' : 'ordinal';
function agrees(t: number, p: number, type: string): boolean {
  if (Number.isNaN(t) && Number.isNaN(p)) return true;
  if (Number.isNaN(t) || Number.isNaN(p)) return false;
  if (type === 'ordinal') return Math.abs(t - p) <= 1;
  if (t === 0) return Math.abs(p) <= 0.05;
  return Math.abs(t - p) / Math.abs(t) <= 0.05;
}

describe.skipIf(!HAS_SHARED)("the paper's agreement rule on its 50 items, computed independently of src/", () => {
  const rows = HAS_SHARED
    ? readCsv(readFileSync(PIPELINE_CSV, 'utf8')).filter((r) => r['y* (Physician label)'].trim() !== '')
    : [];

  it('gives 10/50 for y_orig and 37/50 for y_new, paired 33/6/4/7', () => {
    expect(rows).toHaveLength(50);
    const table = { both: 0, onlyNew: 0, onlyOrig: 0, neither: 0 };
    for (const r of rows) {
      const [t, o, n] = [r['y* (Physician label)'], r.y_orig, r.y_new].map(extractNumeric);
      const type = valueType(t, o, n);
      const ao = agrees(t, o, type);
      const an = agrees(t, n, type);
      table[ao && an ? 'both' : an ? 'onlyNew' : ao ? 'onlyOrig' : 'neither']++;
    }
    expect(table).toEqual({ both: 4, onlyNew: 33, onlyOrig: 6, neither: 7 });
  });

  it("src/'s physicianAgrees gives the same verdict on every one of the 50 items, for y_orig and for y_new", () => {
    const differences: string[] = [];
    for (const r of rows) {
      const calculator = findCalculator(r['Calculator Name'])!;
      const label = {
        id: `row-${r.uid}`,
        calculator: { id: calculator.id, name: calculator.names[0], category: calculator.category },
        answer: { kind: 'incomputable', value: null },
      } as unknown as Label;
      const kind = answerKindOf(label);
      const orig = answerOf(kind, readProposedValue(kind, r.y_orig));
      const next = answerOf(kind, readProposedValue(kind, r.y_new));
      // "Multiple" is no value for src/ unless mapped; the paper's extract_numeric makes it NaN (N/A): map it so.
      const physician = parsePhysicianValue(kind, r['y* (Physician label)']) ?? null;
      const [t, o, n] = [r['y* (Physician label)'], r.y_orig, r.y_new].map(extractNumeric);
      const type = valueType(t, o, n);
      const mine = [physicianAgrees(orig, physician, [orig, next]), physicianAgrees(next, physician, [orig, next])];
      const paper = [agrees(t, o, type), agrees(t, n, type)];
      if (mine[0] !== paper[0] || mine[1] !== paper[1]) differences.push(`${r.uid}: src ${mine} paper ${paper}`);
    }
    expect(differences).toEqual([]);
  });

  it('deciding the type from the physician value alone would flip test-0341 (MELD Na: y* 11, y_orig 10, y_new 22)', () => {
    const r = rows.find((x) => x.uid === '341')!;
    const [t, o, n] = [r['y* (Physician label)'], r.y_orig, r.y_new].map(extractNumeric);
    expect(valueType(t, o, n)).toBe('continuous');
    expect(agrees(t, o, 'continuous')).toBe(false);
    expect(agrees(t, o, 'ordinal')).toBe(true);
  });
});
