import { describe, expect, it } from 'vitest';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import { lineOfCanonicalText } from '../../src/release/canonical-file.js';
import { canonicalForms, canonicalJson } from '../../src/store/canonical.js';
import { manifestItem, manifestItemOfFile } from '../../src/release/manifest.js';
import { type LabelFile, forEachLabelFile, listLabelFiles, readLabelFiles } from '../../src/store/read.js';
import { mulberry32 } from '../../src/stats/random.js';
import { syntheticLabel } from '../../scripts/make-synthetic-benchmark.js';
import { makeLabel } from '../helpers/labels.js';
import { HAS_SHARED, V1_CSV } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';

/**
 * The release hashes a label file's own text as its canonical JSON when lineOfCanonicalText says it is
 * canonical: it must never say so of a text that is not, and must give canonicalLine's text when it does.
 */
const claim = (text: string) => lineOfCanonicalText(text, JSON.parse(text));

/** What the scan may answer for `text`: null, or the canonical line when text is canonical. */
function expectSound(text: string): void {
  const forms = canonicalForms(JSON.parse(text));
  const line = claim(text);
  if (line !== null) {
    expect(text).toBe(forms.json);
    expect(line).toBe(forms.line);
  }
}

describe('lineOfCanonicalText (a release hashes a canonical file as it is)', () => {
  it('gives the canonical line of canonical texts: labels, empties, escapes, numbers, data keys', () => {
    const random = mulberry32(5);
    const labels = Array.from({ length: 300 }, (_, i) =>
      syntheticLabel(i, i % 2 ? 'test' : 'train', 6, () => random.uniform()),
    );
    const values: unknown[] = [
      ...labels,
      makeLabel(),
      null,
      0,
      1e21,
      1e-7,
      0.1 + 0.2,
      -5,
      true,
      '',
      'é\u2028"\\\n\u0000\u001f\u007f\t\b\f\r/',
      [],
      {},
      [[]],
      [{}],
      { a: [], b: {}, c: [[], {}] },
      JSON.parse('{"__proto__": {"x": 1}, "constructor": 2, "toString": [3]}'),
      { z: 1, Z: 2, é: 3, '': 4, '01': 9, 'a b': { '"': '\\' } },
      { a: { y: [1, { c: 'd', b: [] }], x: null } },
    ];
    for (const value of values) {
      const { json, line } = canonicalForms(value);
      expect(claim(json)).toBe(line);
    }
  });

  it('refuses every text that is not canonical, however close', () => {
    const label = canonicalJson(makeLabel());
    const texts = [
      label.slice(0, -1), // no final newline
      label + '\n',
      label.replace('\n', '\r\n'),
      label.replace('\n  ', '\n   '),
      label.replace('\n  ', '\n '),
      label.replace('\n  ', '\n\t'),
      label.replace('": ', '":'),
      label.replace('": ', '":  '),
      label.replace('": ', '" : '),
      label.replace(',\n', ' ,\n'),
      ' ' + label,
      '{"a": 1}\n',
      '{\n  "a": 1}\n',
      '{\n  "a": 1\n  }\n',
      '{\n}\n',
      '[\n]\n',
      '{ }\n',
      '[ ]\n',
      '{\n  "b": 1,\n  "a": 2\n}\n', // keys out of order
      '{\n  "a": 1,\n  "a": 2\n}\n', // a repeated key
      '{\n  "a": 2,\n  "a": 2\n}\n',
      '{\n  "a": {\n    "x": 1\n  },\n  "a": {\n    "x": 1\n  }\n}\n',
      '{\n  "0": 1,\n  "a": 2\n}\n',
      '{\n  "a": 2,\n  "0": 1\n}\n', // the engine moves "0" first
      '{\n  "10": 1,\n  "9": 2\n}\n',
      '1.0\n',
      '1E3\n',
      '1e21\n',
      '-0\n',
      '0.10\n',
      '12345678901234567890\n',
      '"\\/"\n',
      '"\\u0041"\n',
      '"\\u000a"\n', // \n has a short form
      '"\\u001F"\n', // uppercase hex
      '"\\ud800"\n', // a lone surrogate as JSON.stringify writes it: not hashed as is
      '"\\ud83d\\ude00"\n', // a pair JSON.stringify writes raw
      '"a\\"\\\\\\/"\n',
      '[\n  1,\n  2\n ]\n',
      '[\n  1\n  ,2\n]\n',
      '[\n  true,\n  false,\n  null\n]\n'.replace('true', 'true '),
    ];
    for (const text of texts) {
      expect(() => JSON.parse(text), text).not.toThrow();
      expect(claim(text), JSON.stringify(text)).toBeNull();
      expectSound(text);
    }
    expect(lineOfCanonicalText('"\ud800"\n', '\ud800')).toBeNull();
  });

  it('is never wrong on 3,000 random mutations of canonical labels', () => {
    const random = mulberry32(7);
    const pick = (n: number) => Math.floor(random.uniform() * n);
    const edits: ((t: string) => string)[] = [
      (t) => t.replace(/\n( +)/, (_, s) => `\n${s}${' '.repeat(1 + pick(2))}`),
      (t) => t.replace(/"(\w+)": /, '"$1" : '),
      (t) => t.replace(/(\d)\.(\d+)/, '$1.$20'),
      (t) => t.replace(/: (\d+)([,\n])/, ': $1.0$2'),
      (t) => t.replace(/"([a-z])/, (_, c) => `"\\u00${c.charCodeAt(0).toString(16)}`),
      (t) => t.replace(/\n}\n$/, '}\n'),
      (t) => t.replace(/"(\w+)": ("[^"]*"),\n( +)"(\w+)": ("[^"]*")/, '"$4": $5,\n$3"$1": $2'),
      (t) => t.replace(/"(\w+)": ("[^"]*"),\n( +)"(\w+)": /, '"$1": $2,\n$3"$1": '),
      (t) => t.replace(/ /g, (s) => (pick(400) === 0 ? '  ' : s)),
      (t) => t.replace(/\n/g, (s) => (pick(60) === 0 ? ' \n' : s)),
      (t) => t,
    ];
    let accepted = 0;
    for (let k = 0; k < 3000; k++) {
      const label = syntheticLabel(k, 'test', 6, () => random.uniform());
      let text = canonicalJson(label);
      for (let e = pick(3); e >= 0; e--) text = edits[pick(edits.length)](text);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        continue;
      }
      const line = lineOfCanonicalText(text, parsed);
      const forms = canonicalForms(parsed);
      if (line !== null) {
        accepted++;
        expect(text).toBe(forms.json);
        expect(line).toBe(forms.line);
      } else expect(text).not.toBe(forms.json);
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it.skipIf(!HAS_SHARED)('gives the canonical line of the 1,047 real v1.0 label files (../shared)', async () => {
    const dir = testdir();
    await importMedcalcBench({ dir, source: V1_CSV, split: 'test', commit: false });
    const files = await readLabelFiles(dir);
    expect(files).toHaveLength(1047);
    for (const f of files) expect(lineOfCanonicalText(f.text, f.json)).toBe(canonicalForms(f.json).line);
  });

  it.skipIf(!HAS_SHARED)(
    "gives the real v1.0 labels' manifest items from the reader thread's file hashes (../shared)",
    async () => {
      const dir = testdir();
      await importMedcalcBench({ dir, source: V1_CSV, split: 'test', commit: false });
      // Every file twice: 2,094 files, enough that a reader thread reads them and hashes their bytes.
      const files = await listLabelFiles(dir);
      let fromThread = 0;
      const visit = (f: LabelFile) => {
        if (f.sha256) fromThread++;
        const label = f.json as Parameters<typeof manifestItem>[0];
        expect(manifestItemOfFile(label, f.text, f.sha256)).toEqual(manifestItem(label));
      };
      await forEachLabelFile(dir, [...files, ...files], visit, { sha256: true });
      expect(fromThread).toBe(2 * files.length);
    },
  );
});
