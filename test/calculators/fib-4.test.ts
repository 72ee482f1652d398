import { describe, expect, it } from 'vitest';
import { fib4 } from '../../src/calculators/defs/fib-4.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
const AST = 'Aspartate aminotransferase';
const ALT = 'Alanine aminotransferase';
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: Sterling 2006, FIB-4 = age × AST / (platelets 10⁹/L × √ALT).
describe('FIB-4 (19)', () => {
  it('50 × 40 / (200 × √25) = 2.0, platelets per µL, per L and per mm³', () => {
    const base = { age: [50, 'years'], [AST]: [40, 'U/L'], [ALT]: [25, 'U/L'] };
    expect(num(fib4.compute({ ...base, 'Platelet count': [200000, 'µL'] }))).toBeCloseTo(2, 9);
    expect(num(fib4.compute({ ...base, 'Platelet count': [2e11, 'L'] }))).toBeCloseTo(2, 9);
    expect(num(fib4.compute({ ...base, 'Platelet count': [200000, 'm^3'] }))).toBeCloseTo(2, 9);
    expect(num(fib4.compute({ ...base, 'Platelet count': [200000, 'µL'] }, v1))).toBe(2);
  });
  it('a count mis-scaled to 0.2 ×10⁹/L is used as written but flagged in the trace', () => {
    const r = fib4.compute({
      age: [50, 'years'],
      [AST]: [40, 'U/L'],
      [ALT]: [25, 'U/L'],
      'Platelet count': [2e8, 'L'],
    });
    expect(num(r)).toBeCloseTo(2000, 6);
    expect(r.steps.some((s) => s.what.startsWith('warning: platelets'))).toBe(true);
  });
  it('names missing inputs', () => {
    expect(fib4.compute({ age: [50, 'years'], [AST]: [40, 'U/L'], 'Platelet count': [200000, 'µL'] })).toMatchObject({
      incomputable: true,
      missing: [ALT],
    });
  });
});
