/**
 * The catalog: what the store, importer and validator need to know of each calculator (id, slug, names,
 * category, kind), read off the registry so each calculator declares it once, in its own file.
 */
import { allCalculators, findCalculator } from './registry.js';
import type { CatalogEntry } from './types.js';

export type { CatalogEntry } from './types.js';

const entryOf = ({ id, slug, names, category, kind }: CatalogEntry): CatalogEntry => ({
  id,
  slug,
  names,
  category,
  kind,
});

/** The catalog entries of every calculator in the registry, in id order. */
export const CATALOG: readonly CatalogEntry[] = allCalculators().map(entryOf);

export function catalogById(id: number): CatalogEntry | undefined {
  const calculator = findCalculator(id);
  return calculator && entryOf(calculator);
}
