import { describe, expect, it } from 'vitest';
import { CATALOG, catalogById } from '../../src/calculators/catalog.js';
import { allCalculators } from '../../src/calculators/registry.js';

// catalog-table.ts repeats, as data, what each definition in defs/ declares, so that naming a calculator
// does not load every formula. The two must never drift apart.
describe('the catalog table', () => {
  const fromDefinitions = allCalculators().map(({ id, slug, names, category, kind }) => ({
    id,
    slug,
    names,
    category,
    kind,
  }));

  it('holds exactly the entries the definitions declare, in id order', () => {
    // On a new or renamed calculator, this prints the line catalog-table.ts needs.
    expect(CATALOG).toStrictEqual(fromDefinitions);
  });

  it('finds each calculator by id, and nothing else', () => {
    for (const entry of fromDefinitions) expect(catalogById(entry.id)).toStrictEqual(entry);
    for (const id of [0, 1, 12, 70, Number.NaN, 2.5]) expect(catalogById(id)).toBeUndefined();
  });
});
