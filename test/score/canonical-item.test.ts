import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import type { Label } from '../../src/label/types.js';
import { CanonicalItemCache, canonicalScoringItem } from '../../src/score/canonical-item.js';
import { scoringItem } from '../../src/score/load-items.js';
import { canonicalJson, canonicalLine } from '../../src/store/canonical.js';
import { listLabelFiles } from '../../src/store/read.js';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { HAS_SHARED, V1_CSV } from '../helpers/shared.js';

const bytes = (label: unknown) => Buffer.from(canonicalJson(label), 'utf8');

describe('canonicalScoringItem', () => {
  it('gives the item the full parse gives, for every answer kind', () => {
    const answers: Label['answer'][] = [
      { kind: 'decimal', value: 22.857, lower: 21.71415, upper: 23.99985 },
      { kind: 'integer', value: 3, lower: 3, upper: 3 },
      { kind: 'date', value: '2021-03-07', lower: '2021-03-07', upper: '2021-03-07' },
      { kind: 'gestational-age', value: [9, 6], lower: [9, 6], upper: [9, 6] },
      { kind: 'incomputable', value: null, reason: 'no weight' },
    ];
    for (const answer of answers) {
      const label = makeLabel({ answer });
      expect(canonicalScoringItem(bytes(label))).toEqual(scoringItem(label));
    }
  });

  it('is not misled by member-like text inside strings, nested keys of the same names, or longer keys', () => {
    const label = makeLabel({
      // A raw newline is escaped in canonical JSON, so this note cannot open a member line.
      note: 'x\n  "id": "evil",\n  "split": "evil",\n  "answer": {"kind": "integer"}',
      explanation: '"calculator": {"id": 1}',
      entities: { id: 'nested', split: ['evil'], answer: { kind: 'nested' }, 'source"': 1 },
      source: {
        ...makeLabel().source,
        row: 42,
        answerText: { value: '1', lower: '1', upper: '1' },
      },
      calculator: { id: 6, name: 'Body Mass Index (BMI) — ünïcode', category: 'physical' },
    });
    const extra = { ...label, answerTwo: { kind: 'integer', value: 9 }, splitter: 'no', idx: 'no' };
    expect(canonicalScoringItem(bytes(label))).toEqual(scoringItem(label));
    expect(canonicalScoringItem(bytes(extra))).toEqual(scoringItem(label));
    expect(canonicalScoringItem(bytes(label))?.id).toBe('demo-0001');
  });

  it('gives undefined for bytes in any other form, so that the caller parses them', () => {
    const label = makeLabel();
    const { split: _split, ...noSplit } = label;
    const others = [
      canonicalLine(label),
      JSON.stringify(label, null, 4) + '\n',
      canonicalJson(label).trimEnd(),
      canonicalJson(noSplit),
      canonicalJson([label]),
      canonicalJson({ ...label, calculator: null }),
      canonicalJson({ ...label, source: 'row 1' }),
      canonicalJson(label).replace('"demo-0001"', '"demo-0001'),
      '',
      '{}\n',
    ];
    for (const text of others) {
      expect(canonicalScoringItem(Buffer.from(text, 'utf8')), text.slice(0, 60)).toBeUndefined();
    }
  });

  it('a cache shared over a read keeps every item as the full parse gives it', () => {
    const cache = new CanonicalItemCache();
    const a = canonicalScoringItem(bytes(makeLabel({ id: 'demo-0001' })), cache)!;
    const b = canonicalScoringItem(bytes(makeLabel({ id: 'demo-0002' })), cache)!;
    expect(b.id).toBe('demo-0002');
    expect([b.calculatorName, b.category, b.split]).toEqual([a.calculatorName, a.category, a.split]);
    expect(a.answer).not.toBe(b.answer);
    const parsed = cache.shared(scoringItem(JSON.parse(canonicalJson(makeLabel())) as Label));
    expect(parsed).toEqual(scoringItem(makeLabel()));
    expect(parsed.calculatorName).toBe(a.calculatorName);
  });

  it.runIf(HAS_SHARED)(
    "gives the full parse's item for every v1.0 label as the tool writes it",
    async () => {
      useTestIdentity();
      const parent = mkdtempSync(join(tmpdir(), 'steward-canonical-item-'));
      try {
        expect((await runCli(['init', 'bench', '--dir', parent])).code).toBe(0);
        const dir = join(parent, 'bench');
        await importMedcalcBench({ dir, source: V1_CSV, split: 'test', sourceVersion: '1.0' });
        const files = await listLabelFiles(dir);
        expect(files.length).toBe(1047);
        const cache = new CanonicalItemCache();
        for (const file of files) {
          const raw = readFileSync(resolve(dir, file));
          const label = JSON.parse(raw.toString('utf8')) as Label;
          expect(canonicalScoringItem(raw, cache), file).toEqual(scoringItem(label));
        }
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
