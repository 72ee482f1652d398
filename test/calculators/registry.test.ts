import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/calculators/catalog.js';
import { allCalculators, findCalculator, unimplementedCalculatorIds } from '../../src/calculators/registry.js';
import { createAjv } from '../../src/schema/load.js';

describe('calculator registry', () => {
  it('implements all 55 catalog ids, once each, in id order', () => {
    expect(unimplementedCalculatorIds()).toEqual([]);
    const ids = allCalculators().map((c) => c.id);
    expect(ids).toHaveLength(55);
    expect(new Set(ids).size).toBe(55);
    expect(ids).toEqual(CATALOG.map((c) => c.id).sort((a, b) => a - b));
  });

  it('takes id, slug, names, category and kind from the catalog', () => {
    for (const entry of CATALOG) {
      const calculator = findCalculator(entry.id);
      expect(calculator, `calculator ${entry.id}`).toBeDefined();
      expect({
        id: calculator!.id,
        slug: calculator!.slug,
        names: calculator!.names,
        category: calculator!.category,
        kind: calculator!.kind,
      }).toEqual(entry);
    }
  });

  it('names a clinical reference for every calculator', () => {
    for (const calculator of allCalculators())
      expect(calculator.reference.length, `calculator ${calculator.id}`).toBeGreaterThan(10);
  });

  it('finds a calculator by id, id text, or any of its names (case and spacing ignored)', () => {
    expect(findCalculator(21)?.slug).toBe('gcs');
    expect(findCalculator('21')?.slug).toBe('gcs');
    expect(findCalculator(' 6 ')?.slug).toBe('bmi');
    expect(findCalculator('Glasgow Coma Score (GCS)')?.id).toBe(21);
    expect(findCalculator('  glasgow   coma score (gcs) ')?.id).toBe(21);
    expect(findCalculator('Estimated Date of Conception')?.id).toBe(68);
    expect(findCalculator('Estimated of Conception')?.id).toBe(68);
    expect(findCalculator(1)).toBeUndefined();
    expect(findCalculator('no such calculator')).toBeUndefined();
  });

  it('every entitySchema compiles with ajv 2020 in strict mode', () => {
    const ajv = createAjv();
    for (const calculator of allCalculators()) {
      expect(() => ajv.compile(calculator.entitySchema), `calculator ${calculator.id}`).not.toThrow();
    }
  });

  it('every entitySchema is an object schema that allows extra keys', () => {
    const ajv = createAjv();
    for (const calculator of allCalculators()) {
      const validate = ajv.compile(calculator.entitySchema);
      expect(validate('not an object'), `calculator ${calculator.id}`).toBe(false);
      expect(calculator.entitySchema.additionalProperties, `calculator ${calculator.id}`).toBeUndefined();
    }
  });
});
