import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import { parseCsvTable, writeCsv } from '../../src/core/csv.js';
import type { Label } from '../../src/label/types.js';
import { proposeBatch } from '../../src/propose/propose-batch.js';
import { importSignoffs } from '../../src/review/import-signoffs.js';
import { readAllLabels } from '../../src/store/read.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, gitFsck, tag, useTestIdentity } from '../helpers/git.js';
import { CORRECTED_CSV, HAS_SHARED, PHYSICIAN_CSV, PIPELINE_CSV, V1_CSV } from '../helpers/shared.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';

const PANEL = { id: 'stewardship-panel', specialty: 'pediatric critical care; anesthesiology; radiation oncology' };
const NOW = '2026-01-22T00:00:00.000Z';

/**
 * Expected counts, computed once outside the tool with a short python3 script (csv module only): each
 * row of the stewardship file is joined to the v1.0 test set by Row Number; "N/A" is incomputable; dates
 * (calculators 13, 68) and gestational ages (69, total days vs the v1.0 tuple) must be equal; integer
 * calculators (4, 15–18, 20, 21, 25, 27–29, 32, 33, 36, 43, 45, 48, 51) equal; every other value within
 * the v1.0 Lower/Upper Limit columns is confirmed; the rest relabeled.
 *   medcalc_v1_corrected.csv:             608 confirmed, 210 relabeled, 69 incomputable (887 rows)
 *   y_new_and_sampled_MD_evals.csv y_new: 601 confirmed, 220 relabeled, 66 incomputable (887 rows;
 *                                         the SOURCE.md facts: 601 within 5%, 220 beyond, 66 N/A)
 * The physician file's 50 values against the labels after each batch, by exact equality (a physician
 * value that differs at all amends the label to exactly that value; "78.1 ml/hr" is 78.1, "Not
 * applicable" N/A; "Multiple", uid 342, is no value and a rejection), computed by the same script:
 *   after the corrected file: 40 approve, 9 amend (114, 117, 145, 367, 417, 761, 785, 824, 864), 1 reject;
 *     every one of the 49 approved or amended is physician-signed, so 237 relabels still lack a sign-off.
 *   after the pipeline file: 27 approve, 22 amend, 1 reject; all 50 are on relabels, so
 *     220 + 66 − 49 = 237 again lack a sign-off. (The paper's 37/50 is agreement within its tolerance,
 *     a statistic; the labels themselves never take a tolerance.)
 */
const EXPECTED = {
  corrected: { confirmed: 608, relabeled: 210, incomputable: 69 },
  pipeline: { confirmed: 601, relabeled: 220, incomputable: 66 },
  amendedAfterCorrected: [114, 117, 145, 367, 417, 761, 785, 824, 864],
  amendedByPhysicians: [
    3, 56, 114, 117, 145, 309, 328, 334, 341, 349, 367, 417, 428, 520, 569, 761, 785, 824, 864, 918, 992, 1007,
  ],
  stillUnsigned: 237,
};

const id = (row: number) => `test-${String(row).padStart(4, '0')}`;

describe.skipIf(!HAS_SHARED)('the stewardship flow on the real v1.0 test set', () => {
  let template: string;
  let keyPath: string;
  let keys: string;

  beforeAll(async () => {
    useTestIdentity();
    // One imported and released benchmark, copied for each test (an import takes seconds).
    template = mkdtempSync(join(tmpdir(), 'steward-flow-'));
    keys = mkdtempSync(join(tmpdir(), 'steward-keys-'));
    expect((await runCli(['init', 'bench', '--dir', template])).code).toBe(0);
    template = join(template, 'bench');
    const imported = await importMedcalcBench({ dir: template, source: V1_CSV, split: 'test', sourceVersion: '1.0' });
    expect(imported.added).toBe(1047);
    // The panel is registered before v1.0.0: a pull request's sign-offs count only by reviewers at its base.
    keyPath = join(keys, 'panel.pem');
    expect((await runCli(['keygen', '--out', keyPath, '--dir', template])).code).toBe(0);
    const added = await runCli([
      'reviewer',
      'add',
      PANEL.id,
      '--name',
      'MedCalc-Bench stewardship physician panel',
      '--role',
      'physician',
      '--specialty',
      PANEL.specialty,
      '--key',
      keyPath,
      '--dir',
      template,
    ]);
    expect(added.code, added.err).toBe(0);
    await tag(template, 'v1.0.0');
  });

  afterAll(() => {
    rmSync(join(template, '..'), { recursive: true, force: true });
    rmSync(keys, { recursive: true, force: true });
  });

  function copy(): string {
    const dir = join(testdir(), 'bench');
    cpSync(template, dir, { recursive: true });
    return dir;
  }

  async function labelsById(dir: string): Promise<Map<string, Label>> {
    return new Map((await readAllLabels(dir)).map((e) => [e.label.id, e.label]));
  }

  it('corrected labels → proposals on a branch; 50 physician sign-offs; check names exactly the unsigned relabels', async () => {
    const dir = copy();
    const batch = await proposeBatch({
      dir,
      file: CORRECTED_CSV,
      verifier: 'stewardship-pipeline',
      branch: 'relabel/stewardship-v1',
      now: NOW,
    });
    expect(batch.rows).toBe(887);
    expect({
      confirmed: batch.confirmed.length,
      relabeled: batch.relabeled.length,
      incomputable: batch.incomputable.length,
    }).toEqual(EXPECTED.corrected);
    expect(batch.unchanged).toEqual([]);
    expect(batch.branch).toBe('relabel/stewardship-v1');
    expect(gitCli(dir, ['log', '-1', '--format=%s']).trim()).toMatch(
      /^Propose relabels from medcalc_v1_corrected\.csv \(verifier stewardship-pipeline\): 210 relabeled, 69 incomputable, 608 confirmed$/,
    );
    expect(gitCli(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n')).toHaveLength(887);

    const labels = await labelsById(dir);
    // Row 3: v1.0 says 25.017 mL/min; the corrected file has the physicians' 9.
    expect(labels.get(id(3))).toMatchObject({
      status: 'relabeled',
      answer: { kind: 'decimal', value: 9 },
      revision: { previous: { value: 25.017 }, verifier: 'stewardship-pipeline' },
    });
    // Gestational age in total days (99 = 14 weeks 1 day) confirms the v1.0 tuple; a due date in MM/DD/YYYY relabels.
    expect(labels.get(id(1029))).toMatchObject({
      status: 'confirmed',
      answer: { kind: 'gestational-age', value: [14, 1] },
      revision: null,
    });
    expect(labels.get(id(1026))).toMatchObject({ status: 'relabeled', answer: { kind: 'date', value: '11/08/2006' } });
    expect(labels.get(id(249))).toMatchObject({
      status: 'incomputable',
      answer: { kind: 'incomputable', value: null },
    });
    // 160 items are not in the file and stay as they were.
    expect([...labels.values()].filter((l) => l.status === 'original')).toHaveLength(1047 - 887);
    // Categories come from the calculators' audit: the GCS labels carry the double-counted verbal score.
    const gcs = [...labels.values()].filter((l) => l.calculator.id === 21 && l.revision);
    expect(gcs.length).toBe(17);
    expect(new Set(gcs.map((l) => l.revision!.category))).toEqual(new Set(['calculator-logic-mismatch']));
    expect((await runCli(['validate', '--dir', dir])).code).toBe(0);

    const signed = await importSignoffs({ dir, file: PHYSICIAN_CSV, reviewer: PANEL.id, keyPath, now: NOW });
    expect(signed.signoffs).toHaveLength(50);
    expect({ approve: signed.approved.length, amend: signed.amended.length, reject: signed.rejected.length }).toEqual({
      approve: 40,
      amend: 9,
      reject: 1,
    });
    expect(signed.amended).toEqual(EXPECTED.amendedAfterCorrected.map(id));
    expect(signed.rejected).toEqual([
      { id: id(342), value: 'Multiple', reason: 'unreadable value', row: expect.any(Number) },
    ]);
    const after = await labelsById(dir);
    expect(after.get(id(334))!.signoffs[0]).toMatchObject({
      reviewer: PANEL.id,
      role: 'physician',
      decision: 'approve',
      value: '78.1 ml/hr',
      parsedValue: 78.1,
    });
    expect(after.get(id(309))!.signoffs[0]).toMatchObject({
      decision: 'approve',
      value: 'Not applicable',
      parsedValue: null,
    });
    expect(after.get(id(342))!.signoffs[0].note).toMatch(/^Imported as a rejection: the physician value "Multiple"/);

    const check = await runCheck({ dir });
    expect(check.base).toBe('v1.0.0');
    expect(check.passed).toBe(false);
    const failing = check.labels.filter((l) => l.problems.length > 0);
    const approved = new Set([...signed.approved, ...signed.amended]);
    const unsigned = [...batch.relabeled, ...batch.incomputable].filter((x) => !approved.has(x)).sort();
    expect(unsigned).toHaveLength(EXPECTED.stillUnsigned);
    // Two amended items (145, 417) were confirmed by the batch, so the physician's amend is their only
    // proposal: the physician is its proposer and cannot approve it alone (the gate's self-approval rule).
    const selfProposed = [id(145), id(417)];
    expect(failing.map((l) => l.id)).toEqual([...unsigned, ...selfProposed].sort());
    for (const l of failing.filter((f) => !selfProposed.includes(f.id)))
      expect(l.problems.map((p) => p.code)).toEqual(
        l.id === id(342) ? ['rejected', 'missing-signoff'] : ['missing-signoff'],
      );
    for (const l of failing.filter((f) => selfProposed.includes(f.id)))
      expect(l.problems.map((p) => p.code)).toEqual(['self-approval', 'missing-signoff']);
    // Those two are relabelled by the amendment but not yet signed by a second physician.
    expect(check.summary).toMatchObject({ changed: 887, needSignoff: 281, physicianSigned: 42 });

    // Verifier-only relabels allowed: only the rejected item still fails.
    const lenient = await runCheck({ dir, allowVerifierOnly: true });
    expect(lenient.labels.filter((l) => l.problems.length > 0).map((l) => l.id)).toEqual([id(145), id(342), id(417)]);
    expect(lenient.summary.verifierOnly).toBe(EXPECTED.stillUnsigned - 1);

    const cli = await runCli(['check', '--dir', dir]);
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/FAILED: 239 label\(s\) with problems\n$/);
    const body = await runCli(['pr-body', '--dir', dir]);
    expect(body.code).toBe(0);
    expect(body.out).toContain('## Relabel: 887 label(s) changed since `v1.0.0`');
    expect(body.out).toContain('| calculator-logic-mismatch |');
    expect(body.out.length).toBeLessThan(65_536);
    expect(gitFsck(dir)).toBe('');
  });

  it(
    'the pipeline file (--id-column uid --value-column y_new), then physician amendments set exactly the physician ' +
      'values',
    async () => {
      const dir = copy();
      const cli = await runCli([
        'propose',
        '--from',
        PIPELINE_CSV,
        '--id-column',
        'uid',
        '--value-column',
        'y_new',
        '--verifier',
        'stewardship-pipeline',
        '--dir',
        dir,
        '--json',
      ]);
      expect(cli.code, cli.err).toBe(0);
      const batch = JSON.parse(cli.out);
      expect({
        confirmed: batch.confirmed.length,
        relabeled: batch.relabeled.length,
        incomputable: batch.incomputable.length,
      }).toEqual(EXPECTED.pipeline);
      const labels = await labelsById(dir);
      // y_new writes dates as XLSX exports do: 2012-11-10 00:00:00 (v1.0: 11/09/2012).
      expect(labels.get(id(933))).toMatchObject({ status: 'relabeled', answer: { kind: 'date', value: '11/10/2012' } });
      expect(labels.get(id(1028))).toMatchObject({ status: 'confirmed', answer: { value: [0, 6] } });

      const signed = await runCli([
        'signoff',
        '--from',
        PHYSICIAN_CSV,
        '--reviewer',
        PANEL.id,
        '--key',
        keyPath,
        '--dir',
        dir,
        '--json',
      ]);
      expect(signed.code, signed.err).toBe(0);
      const result = JSON.parse(signed.out);
      expect({ approve: result.approved.length, amend: result.amended.length, reject: result.rejected.length }).toEqual(
        { approve: 27, amend: 22, reject: 1 },
      );
      expect(result.amended).toEqual(EXPECTED.amendedByPhysicians.map(id));

      // Each amendment makes exactly the physician's value (y*) the label — 10 where the pipeline said 10.02,
      // 4 where it said 3 — and the pipeline's proposal stays in the revision. (The panel's y_final kept
      // some proposals over close physician values; the replay imports it with --decision-column y_final.)
      const table = parseCsvTable(readFileSync(PHYSICIAN_CSV, 'utf8'), { file: PHYSICIAN_CSV });
      const byUid = new Map(table.rows.map((r) => [Number(r.cells.uid), r.cells]));
      const after = await labelsById(dir);
      for (const row of EXPECTED.amendedByPhysicians) {
        const label = after.get(id(row))!;
        const { 'y* (Physician label)': physician, y_new: proposed } = byUid.get(row)!;
        const value = /^(N\/A|Not applicable)$/.test(physician) ? null : Number(physician.replace(' ml/hr', ''));
        expect(label.answer.value, `row ${row}`).toEqual(value);
        expect(label.revision!.proposed!.value, `row ${row}`).toEqual(proposed === 'N/A' ? null : Number(proposed));
        expect(label.signoffs[0]).toMatchObject({ decision: 'amend', contentHash: expect.stringMatching(/^sha256:/) });
      }

      const check = await runCheck({ dir });
      expect(check.labels.filter((l) => l.problems.length > 0)).toHaveLength(EXPECTED.stillUnsigned);
      expect(check.summary.physicianSigned).toBe(49);
    },
  );

  it('a later proposal on a signed item makes its sign-off stale', async () => {
    const dir = copy();
    await proposeBatch({ dir, file: CORRECTED_CSV, verifier: 'stewardship-pipeline', now: NOW });
    await importSignoffs({ dir, file: PHYSICIAN_CSV, reviewer: PANEL.id, keyPath, now: NOW });
    const r = await runCli([
      'propose',
      id(3),
      '--value',
      '10',
      '--category',
      'clinical-ambiguity',
      '--rationale',
      'weight from the later admission',
      '--dir',
      dir,
    ]);
    expect(r.code, r.err).toBe(0);
    const check = await runCheck({ dir });
    expect(check.labels.find((l) => l.id === id(3))!.problems.map((p) => p.code)).toEqual([
      'stale-signoff',
      'missing-signoff',
    ]);
  });

  it('a real batch file with one bad row changes nothing', async () => {
    const dir = copy();
    // The corrected file rewritten with one value broken: row 501 says "about 12" instead of a number.
    const table = parseCsvTable(readFileSync(CORRECTED_CSV, 'utf8'), { file: CORRECTED_CSV });
    const rows = table.rows.map((r, k) =>
      table.header.map((h) => (k === 500 && h === 'Ground Truth Answer' ? 'about 12' : r.cells[h])),
    );
    const file = join(testdir(), 'medcalc_v1_corrected_bad.csv');
    writeFileSync(file, writeCsv(table.header, rows));
    const before = snapshotTree(dir);
    const head = gitCli(dir, ['rev-parse', 'HEAD']).trim();
    const bad = await runCli(['propose', '--from', file, '--branch', 'relabel/bad', '--dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      new RegExp(
        `1 bad row\\(s\\); nothing was changed:\\n  row 501 \\(line \\d+\\): ` +
          `${id(Number(table.rows[500].cells['Unique ID']))} .*"about 12" is not a`,
      ),
    );
    expect(snapshotTree(dir)).toEqual(before);
    expect(gitCli(dir, ['rev-parse', 'HEAD']).trim()).toBe(head);
    expect(gitCli(dir, ['branch', '--format=%(refname:short)']).trim()).toBe('main');
  });
});
