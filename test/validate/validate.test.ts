import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/store/canonical.js';
import { runCli } from '../helpers/cli.js';
import { makeLabel } from '../helpers/labels.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';

const path = 'labels/demo/bmi/demo-0001.json';

describe('steward validate', () => {
  it('passes a valid label', async () => {
    const dir = testdir({ [path]: canonicalJson(makeLabel()) });
    const r = await runCli(['validate', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 label file(s), 1 valid, 0 finding(s)');
  });

  it('reports broken JSON with file, line and column, exit 1, and changes nothing', async () => {
    const dir = testdir({ [path]: '{\n  "id": "demo-0001",\n  oops\n}\n' });
    const before = snapshotTree(dir);
    const r = await runCli(['validate', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/labels\/demo\/bmi\/demo-0001\.json \/: invalid JSON: .* \(line 3, column 3\)/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('reports a path that disagrees with the id, split or calculator', async () => {
    const dir = testdir({ 'labels/other/qtc-bazett/demo-0002.json': canonicalJson(makeLabel()) });
    const r = await runCli(['validate', '--dir', dir, '--json']);
    expect(r.code).toBe(1);
    const codes = JSON.parse(r.out).findings.map((f: { code: string; pointer: string }) => `${f.pointer} ${f.code}`);
    expect(codes).toEqual(['/id path/id', '/split path/split', '/calculator/id path/calculator']);
  });

  it('prints schema findings as "<file> <pointer>: <message>"', async () => {
    const label = makeLabel();
    (label.answer as { value: unknown }).value = '22.9';
    const dir = testdir({ [path]: canonicalJson(label) });
    const r = await runCli(['validate', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('labels/demo/bmi/demo-0001.json /answer/value: must be number');
  });

  it('checks limits, kinds, known calculators and unique ids', async () => {
    const badLimits = makeLabel({ answer: { kind: 'decimal', value: 22.857, lower: 23, upper: 24 } });
    const wrongKind = makeLabel({
      id: 'demo-0002',
      answer: { kind: 'date', value: '01/02/2024', lower: '01/02/2024', upper: '01/02/2024' },
    });
    const duplicate = makeLabel({ id: 'demo-0001' });
    const unknown = makeLabel({
      id: 'demo-0004',
      calculator: { id: 999, name: 'Nope', category: 'lab' },
      source: { ...makeLabel().source, calculatorId: 999 },
    });
    const dir = testdir({
      [path]: canonicalJson(badLimits),
      'labels/demo/bmi/demo-0002.json': canonicalJson(wrongKind),
      'labels/demo2/bmi/demo-0001.json': canonicalJson({ ...duplicate, split: 'demo2' }),
      'labels/demo/nope/demo-0004.json': canonicalJson(unknown),
    });
    const r = await runCli(['validate', '--dir', dir, '--json']);
    const findings = JSON.parse(r.out).findings.map((f: { file: string; code: string }) => `${f.file} ${f.code}`);
    expect(findings).toEqual(
      expect.arrayContaining([
        'labels/demo/bmi/demo-0001.json answer/limits',
        'labels/demo/bmi/demo-0002.json answer/kind',
        'labels/demo2/bmi/demo-0001.json id/duplicate',
        'labels/demo/nope/demo-0004.json calculator/unknown',
      ]),
    );
  });

  it('validates only the paths given', async () => {
    const dir = testdir({ [path]: canonicalJson(makeLabel()), 'labels/demo/bmi/demo-0009.json': '{' });
    expect((await runCli(['validate', path, '--dir', dir])).code).toBe(0);
    expect((await runCli(['validate', 'labels/missing.json', '--dir', dir])).code).toBe(2);
  });
});
