import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/core/csv.js';
import { parsePythonLiteral, toPythonLiteral } from '../../src/core/python-literal.js';
import type { Label } from '../../src/label/types.js';
import { readAllLabels } from '../../src/store/read.js';
import { canonicalJson, canonicalLine, contentHash } from '../../src/store/canonical.js';
import { runCli } from '../helpers/cli.js';
import { makeLabel } from '../helpers/labels.js';
import { medcalcCsv, medcalcRow } from '../helpers/medcalc-csv.js';
import { testdir } from '../helpers/tempdir.js';

// Keys that name Object.prototype's own members: `obj[key] = v` drops "__proto__" (it sets the
// prototype) and a lookup of an absent "toString" finds a function. Every one must stay data.
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString'];
const LITERAL =
  "{'weight': [70.0, 'kg'], 'height': [175.0, 'cm'], '__proto__': [1, 'x'], 'constructor': 'c', 'toString': True}";

function ownKeys(value: unknown): string[] {
  return Object.keys(value as object);
}

describe('entity keys are data everywhere', () => {
  it('the Python-literal parser keeps prototype-named keys as own properties', () => {
    const parsed = parsePythonLiteral(LITERAL) as Record<string, unknown>;
    expect(ownKeys(parsed)).toEqual(['weight', 'height', ...PROTOTYPE_KEYS]);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual([1, 'x']);
    expect(toPythonLiteral(parsed as never)).toContain("'__proto__': [1, 'x']");
    expect(() => parsePythonLiteral("{'__proto__': 1, '__proto__': 2}")).toThrow(/duplicate key "__proto__"/);
  });

  it('canonical JSON and the content hash cover a "__proto__" key, and its value', () => {
    const entities = JSON.parse('{"weight": [70, "kg"], "__proto__": [1, "x"]}');
    const label = makeLabel({ entities });
    expect(canonicalJson(label)).toContain('"__proto__"');
    expect(canonicalLine(label)).toContain('"__proto__":[1,"x"]');
    const changed = makeLabel({ entities: JSON.parse('{"weight": [70, "kg"], "__proto__": [2, "x"]}') });
    const without = makeLabel({ entities: { weight: [70, 'kg'] } });
    expect(contentHash(changed)).not.toBe(contentHash(label));
    expect(contentHash(without)).not.toBe(contentHash(label));
  });

  it('round-trips through import → store → hash → export (CSV and JSONL) with every key present', async () => {
    const parent = testdir({ 'in.csv': medcalcCsv([medcalcRow({ 'Relevant Entities': LITERAL })]) });
    expect((await runCli(['init', 'b', '--dir', parent])).code).toBe(0);
    const dir = join(parent, 'b');
    const imported = await runCli(['import', 'medcalc-bench', join(parent, 'in.csv'), '--dir', dir]);
    expect(imported.code, imported.err).toBe(0);

    const file = join(dir, 'labels/test/bmi/test-0001.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Label;
    expect(ownKeys(stored.entities).sort()).toEqual([...PROTOTYPE_KEYS, 'height', 'weight'].sort());
    const [{ label }] = await readAllLabels(dir);
    expect(canonicalJson(label)).toBe(readFileSync(file, 'utf8'));

    const csv = await runCli(['export', '--dir', dir]);
    const entitiesCell = parseCsvTable(csv.out).rows[0].cells['Relevant Entities'];
    expect(ownKeys(parsePythonLiteral(entitiesCell))).toEqual(ownKeys(stored.entities));
    const jsonl = await runCli(['export', '--format', 'jsonl', '--dir', dir]);
    expect(ownKeys((JSON.parse(jsonl.out) as Label).entities)).toEqual(ownKeys(stored.entities));

    const show = await runCli(['show', 'test-0001', '--json', '--dir', dir]);
    expect(show.out).toBe(readFileSync(file, 'utf8'));

    // Each key's value is hashed: changing any one of them changes the content hash.
    for (const key of PROTOTYPE_KEYS) {
      const edited = JSON.parse(readFileSync(file, 'utf8')) as Label;
      Object.defineProperty(edited.entities, key, {
        value: 'changed',
        enumerable: true,
        writable: true,
        configurable: true,
      });
      expect(contentHash(edited), key).not.toBe(contentHash(label));
    }
  });

  it('a CSV header named "__proto__" is a column like any other', () => {
    const table = parseCsvTable('__proto__,toString\n1,2\n');
    expect(ownKeys(table.rows[0].cells)).toEqual(['__proto__', 'toString']);
    expect(Object.getOwnPropertyDescriptor(table.rows[0].cells, '__proto__')?.value).toBe('1');
  });
});
