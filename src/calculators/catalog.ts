/**
 * The catalog: what the store, importer and validator need to know of each calculator (id, slug, names,
 * category, kind). Each calculator declares it in its own file in defs/; catalog-table.ts holds the same
 * entries as data, so naming a calculator does not load every formula (a test keeps the two equal).
 */
import { CATALOG_TABLE } from './catalog-table.js';
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
export const CATALOG: readonly CatalogEntry[] = CATALOG_TABLE.map(entryOf);

const byId = new Map(CATALOG_TABLE.map((entry) => [entry.id, entry]));

export function catalogById(id: number): CatalogEntry | undefined {
  const entry = byId.get(id);
  return entry && entryOf(entry);
}
