import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { testdir } from '../helpers/tempdir.js';

// Synthetic entities. GCS (Teasdale & Jennett 1974): eyes open spontaneously 4 + confused 4 + obeys commands 6 = 14.
const GCS = JSON.stringify({
  'Best eye response': 'eyes open spontaneously',
  'Best verbal response': 'confused',
  'Best motor response': 'obeys commands',
});
const calc = (...args: string[]) => runCli(['calc', ...args, '--dir', testdir()]);

describe('steward calc', () => {
  it('prints the value and the step-by-step trace', async () => {
    const r = await calc('21', '--entities', GCS);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Glasgow Coma Score (GCS): 14');
    expect(r.out).toMatch(/1\. Eye: eyes open spontaneously: \+4 → 4/);
    expect(r.out).toMatch(/GCS = sum of the points above → 14/);
  });

  it('finds the calculator by name too', async () => {
    const r = await calc('Body Mass Index (BMI)', '--entities', '{"weight": [80, "kg"], "height": [200, "cm"]}');
    expect(r.code).toBe(0);
    // 80 / 2.0² = 20
    expect(r.out.split('\n')[0]).toBe('Body Mass Index (BMI): 20');
  });

  it('--json prints { value, kind, steps }', async () => {
    const r = await calc('21', '--entities', GCS, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['value', 'kind', 'steps']);
    expect(json).toMatchObject({ value: 14, kind: 'integer' });
    expect(json.steps.at(-1)).toMatchObject({ what: 'GCS = sum of the points above', result: 14 });
    for (const step of json.steps) expect(typeof step.what).toBe('string');
  });

  it('--json gives dates as MM/DD/YYYY and gestational age as [weeks, days]', async () => {
    // Naegele: 01/01/2024 + 280 days = 10/07/2024 (2024 is a leap year)
    const due = JSON.parse(
      (await calc('13', '--json', '--entities', '{"Last menstrual date": "01/01/2024", "cycle length": 28}')).out,
    );
    expect(due).toMatchObject({ value: '10/07/2024', kind: 'date' });
    // 01/01/2024 → 02/15/2024 is 45 days = 6 weeks 3 days
    const ga = JSON.parse(
      (await calc('69', '--json', '--entities', '{"Last menstrual date": "01/01/2024", "Current Date": "02/15/2024"}'))
        .out,
    );
    expect(ga).toMatchObject({ value: [6, 3], kind: 'gestational-age' });
  });

  it('--json prints { incomputable: true, missing } when inputs are missing', async () => {
    const r = await calc('6', '--json', '--entities', '{"weight": [70, "kg"], "height": [0, "cm"]}');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ incomputable: true, missing: ['height (not a positive length)'] });
    const text = await calc('6', '--entities', '{"weight": [70, "kg"], "height": [0, "cm"]}');
    expect(text.out.split('\n')[0]).toBe('Body Mass Index (BMI): incomputable; missing height (not a positive length)');
  });

  it('--convention medcalc-v1.0 reproduces the v1.0 label code (GCS counted the verbal score twice)', async () => {
    const r = await calc('21', '--entities', GCS, '--convention', 'medcalc-v1.0', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    // 4 + 4 + 4 + 6 = 18
    expect(json.value).toBe(18);
    expect(json.steps.map((s: { what: string }) => s.what)).toContain('v1.0: verbal counted again: confused: +4');
    expect(JSON.parse((await calc('21', '--entities', GCS, '--convention', 'reference', '--json')).out).value).toBe(14);
  });

  it('reads entities from @file', async () => {
    const dir = testdir({ 'gcs.json': GCS });
    const r = await runCli(['calc', '21', '--entities', `@${dir}/gcs.json`, '--json', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).value).toBe(14);
  });

  it('an unknown calculator is an input error (exit 2)', async () => {
    const r = await calc('999', '--entities', GCS);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown calculator "999"/);
    const json = await calc('999', '--entities', GCS, '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out).error).toMatchObject({ code: 'UNKNOWN_CALCULATOR' });
  });

  it('entities that fail the calculator schema are an input error naming the reason (exit 2)', async () => {
    const r = await calc('6', '--entities', '{"weight": "seventy", "height": [175, "cm"]}');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/entities do not fit calculator 6 \(Body Mass Index \(BMI\)\)/);
    expect(r.err).toMatch(/\/weight: must be array/);
    const missing = await calc('21', '--entities', '{"Best eye response": "eyes open spontaneously"}');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/missing property "Best verbal response"/);
    const wrongType = await calc('6', '--entities', '[1, 2]');
    expect(wrongType.code).toBe(2);
    expect(wrongType.err).toMatch(/must be object/);
  });

  it('entities that are not JSON are an input error (exit 2)', async () => {
    const r = await calc('6', '--entities', "{'weight': [70, 'kg']}");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--entities is not JSON/);
    const unreadable = await calc('6', '--entities', '@/no/such/file.json');
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toMatch(/cannot be read/);
  });

  it('an unknown convention is a usage error (exit 2)', async () => {
    const r = await calc('21', '--entities', GCS, '--convention', 'v2');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Invalid values/);
  });
});
