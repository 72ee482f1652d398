import { describe, expect, it } from 'vitest';
import { medcalcCsvFormat, medcalcRowFromCanonicalBytes } from '../../src/exporters/medcalc-csv.js';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import type { Label } from '../../src/label/types.js';
import { mulberry32 } from '../../src/stats/random.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { readLabelFiles } from '../../src/store/read.js';
import { syntheticLabel } from '../../scripts/make-synthetic-benchmark.js';
import { makeLabel } from '../helpers/labels.js';
import { HAS_SHARED, V1_CSV } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';

// What a CSV cell or a JSON escape can trip on: quotes, commas, line ends, backslashes, every escaped
// control character, lone and paired surrogates, multi-byte text, and look-alikes of the members cut.
const AWKWARD = [
  '"',
  '""',
  ',',
  '\n',
  '\r\n',
  '\r',
  '\\',
  '\\"',
  '\t',
  '\b\f',
  '\u0000',
  '\u0001\u001f',
  '\u007f',
  '\ud800',
  '\udfff',
  '\udbff\udfff',
  '🩺',
  'é',
  '\u2028\u2029',
  '\n  "note": "',
  '\n  "explanation": "x',
  '"note": ""',
  'N/A',
  ' plain text ',
  '',
];

/**
 * The row as the export writes it from the label parsed from its canonical file (keys sorted, so the
 * entities' Python literal is in that order), as UTF-8 bytes (a lone surrogate in the parsed string is
 * U+FFFD there): what the byte path must equal.
 */
function expectSameRow(label: Label): void {
  const bytes = Buffer.from(canonicalJson(label), 'utf8');
  const parsed = JSON.parse(bytes.toString('utf8')) as Label;
  const made = medcalcRowFromCanonicalBytes(bytes);
  expect(made, label.id).toBeDefined();
  const expected = Buffer.from(medcalcCsvFormat.line(parsed, { keysSorted: true }), 'utf8');
  expect(Buffer.from(made!.row).toString('hex')).toBe(expected.toString('hex'));
  expect([made!.label.id, made!.label.split, made!.label.source.row]).toEqual([
    label.id,
    label.split,
    label.source.row,
  ]);
}

describe('medcalcRowFromCanonicalBytes (the pinned CSV export without parsing the long texts)', () => {
  it("gives the parsed path's row, byte for byte, for 2,000 random labels with awkward text everywhere", () => {
    const random = mulberry32(17).uniform;
    const pick = () => AWKWARD[Math.floor(random() * AWKWARD.length)];
    const text = () => Array.from({ length: Math.floor(random() * 6) }, pick).join(random() < 0.5 ? '' : 'x');
    for (let k = 0; k < 2000; k++) {
      const base = k % 2 ? syntheticLabel(k, 'synth', 6, random) : makeLabel({ id: `demo-${k}` });
      const label: Label = {
        ...base,
        note: text(),
        explanation: text(),
        question: text(),
        calculator: { ...base.calculator, name: `${base.calculator.name}${text()}` },
        source: { ...base.source, noteId: text(), noteType: text() },
        entities: { [text()]: [text(), 1.5], other: text() },
      };
      expectSameRow(label);
    }
  });

  it('leaves to the parsing path what is not a canonical file of that shape, never a wrong row', () => {
    const label = makeLabel({ note: 'a, "b"', explanation: 'c\nd' });
    const canonical = Buffer.from(canonicalJson(label), 'utf8');
    const refused = (bytes: Buffer) => expect(medcalcRowFromCanonicalBytes(bytes)).toBeUndefined();
    refused(Buffer.from(JSON.stringify(label), 'utf8')); // compact: not the canonical indentation
    refused(Buffer.from(canonicalJson({ ...label, explanation: null }), 'utf8'));
    refused(Buffer.from(canonicalJson({ ...label, note: 7 }), 'utf8'));
    const { explanation: _, ...noExplanation } = label;
    refused(Buffer.from(canonicalJson(noExplanation), 'utf8'));
    // An escape JSON does not have, and a \u without four hex digits: JSON.parse's to report.
    refused(Buffer.from(canonicalJson(label).replace('c\\nd', 'c\\qd'), 'utf8'));
    refused(Buffer.from(canonicalJson(label).replace('c\\nd', 'c\\u12'), 'utf8'));
    refused(Buffer.from(canonicalJson(label).replace('c\\nd', 'c\\u12g4'), 'utf8'));
    // Bytes that are not UTF-8 (the parsing path would decode them to U+FFFD).
    const broken = Buffer.from(canonical);
    broken[broken.indexOf('a, ')] = 0xff;
    refused(broken);
    refused(Buffer.from('{\n  "explanation": "x",\n  "note": "unterminated'));
    expect(medcalcRowFromCanonicalBytes(canonical)).toBeDefined();
  });

  it.skipIf(!HAS_SHARED)("gives the parsed path's row for each of the 1,047 real v1.0 labels (../shared)", async () => {
    const dir = testdir();
    await importMedcalcBench({ dir, source: V1_CSV, split: 'test', commit: false });
    const files = await readLabelFiles(dir);
    expect(files).toHaveLength(1047);
    for (const f of files) {
      const made = medcalcRowFromCanonicalBytes(Buffer.from(f.text, 'utf8'));
      expect(made, f.file).toBeDefined();
      const expected = Buffer.from(medcalcCsvFormat.line(f.json as Label, { keysSorted: true }), 'utf8');
      expect(Buffer.from(made!.row).equals(expected), f.file).toBe(true);
    }
  });
});
