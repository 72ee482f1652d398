import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/core/csv.js';
import { parsePythonLiteral } from '../../src/core/python-literal.js';
import { loadLabels } from '../../src/release/load-labels.js';
import { buildManifest } from '../../src/release/manifest.js';
import { release } from '../../src/release/release.js';
import { releaseStatistics } from '../../src/release/statistics.js';
import { runCheck } from '../../src/check/run-check.js';
import { loadConfig } from '../../src/config/config.js';
import { canonicalJson, contentHash } from '../../src/store/canonical.js';
import { readAllLabels } from '../../src/store/read.js';
import type { Label } from '../../src/label/types.js';
import type { ReleaseRecord } from '../../src/release/record.js';
import { type ReplayResult, replayStewardship } from '../../scripts/replay-stewardship.js';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { HAS_SHARED, PHYSICIAN_CSV, SHARED, V1_CSV } from '../helpers/shared.js';
import { withinTolerance } from '../../src/label/answer.js';
import { answerKindOf, answerOf, readProposedValue, sameAnswer } from '../../src/core/answer-kind.js';

describe.skipIf(!HAS_SHARED)('the stewardship replay (real data)', () => {
  let replay: ReplayResult;
  let record: ReleaseRecord;
  beforeAll(async () => {
    useTestIdentity();
    replay = await replayStewardship({ shared: SHARED, workDir: mkdtempSync(join(tmpdir(), 'steward-replay-test-')) });
    record = JSON.parse(readFileSync(join(replay.dir, 'changelogs/v1.1.0.json'), 'utf8'));
  }, 300_000);
  afterAll(() => {
    if (replay) rmSync(replay.workDir, { recursive: true, force: true });
  });

  it('1.1.0 agrees with the physicians exactly as the paper reports, on the 50 physician-labelled items', () => {
    const a = record.statistics.agreement;
    expect(a.items).toBe(50);
    // Wilson 95% intervals by the closed form in Python floats (z = scipy.stats.norm.ppf(0.975) = 1.959963984540054):
    //   37/50 → (0.6044684273515117, 0.8412847250644762); 10/50 → (0.1124375001577611, 0.3303710593222542)
    expect(a.proposed).toMatchObject({ k: 37, n: 50 });
    expect(a.proposed!.lower).toBeCloseTo(0.6044684273515117, 12);
    expect(a.proposed!.upper).toBeCloseTo(0.8412847250644762, 12);
    expect(a.previous).toMatchObject({ k: 10, n: 50 });
    expect(a.previous!.lower).toBeCloseTo(0.1124375001577611, 12);
    expect(a.previous!.upper).toBeCloseTo(0.3303710593222542, 12);
    // Paired 33/6/4/7. Exact McNemar p = 2·Σ_{i≤6} C(39, i) / 2^39 = 2·3,930,551 / 2^39 = 1.429926e-05
    // (Python integers: math.comb; scipy.stats.binomtest(6, 39, 0.5).pvalue is the same number).
    expect(a.paired).toMatchObject({ onlyProposed: 33, onlyPrevious: 6, both: 4, neither: 7 });
    expect(a.paired!.mcnemarP).toBeCloseTo((2 * 3930551) / 2 ** 39, 15);
    expect(Number(a.paired!.mcnemarP.toPrecision(3))).toBe(1.43e-5);
    // Newcombe (1998) method 10 for paired proportions (src/stats/newcombe.ts, tested against its worked
    // examples): 54.0% (31.9%–69.7%), the figures issue 17 gives for the paper's 50 items.
    expect(a.paired!.difference).toBeCloseTo(0.54, 12);
    expect(Number(a.paired!.lower.toFixed(3))).toBe(0.319);
    expect(Number(a.paired!.upper.toFixed(3))).toBe(0.697);
    // The released labels on these items are not compared: 16 are the panel's own values by construction.
    expect(a).not.toHaveProperty('current');
    expect(a.byConstruction).toEqual({ released: 16, previous: 0 });
    expect(a.approvedAsProposed).toBe(34);
    expect(a.valuesWithUnits.map((v) => v.text)).toEqual(['78.1 ml/hr']);
  });

  it("states the share of 1.0.0's labels changed or made incomputable, whole and per calculator", () => {
    const c = record.statistics.changedShare!;
    expect(c.total.n).toBe(1047);
    expect(c.total.k).toBe(c.changed + c.madeIncomputable);
    expect(c.changed).toBe(record.statistics.relabeled);
    expect(c.madeIncomputable).toBe(record.statistics.madeIncomputable);
    // The paper's "at least 27%": 286 by y_new alone; the panel's decisions move a few.
    expect(c.total.share).toBeGreaterThan(0.26);
    expect(c.total.share).toBeLessThan(0.28);
    const byCalculator = c.byCalculator!;
    expect(byCalculator.reduce((sum, r) => sum + r.n, 0)).toBe(1047);
    expect(byCalculator.reduce((sum, r) => sum + r.k, 0)).toBe(c.total.k);
    for (let i = 1; i < byCalculator.length; i++)
      expect(byCalculator[i - 1].share).toBeGreaterThanOrEqual(byCalculator[i].share);
    expect(Object.values(record.statistics.labelsByCalculator!).reduce((x, y) => x + y, 0)).toBe(1047);
  });

  it(
    'after the replay the 50 physician-reviewed items equal y_final, the other 837 agree with it within the ' +
      'harness tolerance',
    async () => {
      const labels = new Map((await readAllLabels(replay.dir)).map(({ label }) => [label.source.row, label]));
      const rows = parseCsvTable(readFileSync(PHYSICIAN_CSV, 'utf8')).rows;
      expect(rows).toHaveLength(887);
      let reviewed = 0;
      for (const { cells } of rows) {
        const label = labels.get(Number(cells.uid))!;
        const final = readProposedValue(answerKindOf(label), cells.y_final);
        if (cells['y* (Physician label)'].trim() !== '') {
          reviewed++;
          expect(
            sameAnswer(label.answer, answerOf(answerKindOf(label), final)),
            `${label.id}: ${JSON.stringify(label.answer.value)} vs y_final ${cells.y_final}`,
          ).toBe(true);
        } else {
          expect(
            withinTolerance(label.answer, final),
            `${label.id}: ${JSON.stringify(label.answer.value)} vs y_final ${cells.y_final}`,
          ).toBe(true);
        }
      }
      expect(reviewed).toBe(50);
    },
  );

  it('the sign-off import shows how it read each free-text value', () => {
    const step = replay.steps.find((s) => s.argv[0] === 'signoff')!;
    expect(step.out).toMatch(/^50 sign-off\(s\) by stewardship-panel: 34 approve, 16 amend, 0 reject/);
    expect(step.out).toMatch(/"Multiple" +N\/A \(by --read\) +test-0342/);
    expect(step.out).toMatch(/"78\.1 ml\/hr" +78\.1 \(number with a unit\) +test-0334/);
    expect(step.out).toMatch(/"Not applicable" +N\/A \(a spelling of N\/A\) +test-0309/);
  });

  it('an export of 1.1.0 carries no stale explanation and no float noise', async () => {
    const out = join(replay.workDir, 'medcalc-v1.1.0.csv');
    expect((await runCli(['export', '--version', '1.1.0', '--out', out, '--dir', replay.dir])).code).toBe(0);
    const rows = parseCsvTable(readFileSync(out, 'utf8')).rows;
    const original = new Map(
      parseCsvTable(readFileSync(V1_CSV, 'utf8')).rows.map((r) => [r.cells['Row Number'], r.cells]),
    );
    let relabeled = 0;
    for (const { cells } of rows) {
      for (const c of ['Ground Truth Answer', 'Lower Limit', 'Upper Limit'])
        expect(cells[c], `row ${cells['Row Number']} ${c}`).not.toMatch(/\d\.\d*(0000000|9999999)\d*$/);
      const before = original.get(cells['Row Number'])!;
      if (cells['Ground Truth Answer'] === before['Ground Truth Answer']) continue;
      relabeled++;
      expect(cells['Ground Truth Explanation'], `row ${cells['Row Number']}`).not.toBe(
        before['Ground Truth Explanation'],
      );
    }
    expect(relabeled).toBe(record.statistics.relabeled + record.statistics.madeIncomputable);
    const row3 = rows.find((r) => r.cells['Row Number'] === '3')!.cells;
    expect(row3['Ground Truth Answer']).toBe('9');
    expect(row3['Lower Limit']).toBe('8.55');
    expect(row3['Ground Truth Explanation']).not.toMatch(/25\.017 mL\/min\s*$/);
    const label3 = (await readAllLabels(replay.dir)).find((l) => l.label.id === 'test-0003')!.label;
    expect(label3.revision!.previousExplanation).toMatch(/25\.017 mL\/min/);
  });

  it("1.1.0's manifest, built from 1.0.0's hashes plus the changed labels, equals a full recomputation", async () => {
    const loaded = await loadLabels({ dir: replay.dir, version: '1.1.0' });
    expect(loaded.labels).toHaveLength(1047);
    expect(buildManifest(loaded.labels)).toEqual(record.manifest);
  });

  it('its notes read well and say how they were computed', () => {
    const notes = readFileSync(join(replay.dir, 'changelogs/v1.1.0.md'), 'utf8');
    expect(notes).toContain('| previous release (1.0.0) | 10/50 | 20.0% | 11.2%–33.0% |');
    expect(notes).toContain('| as proposed, before physician review | 37/50 | 74.0% | 60.4%–84.1% |');
    expect(notes).toMatch(
      /33 agree only with the proposal, 6 only with the previous label, 4 with both, 7 with neither/,
    );
    expect(notes).toContain(
      'Difference in agreement 54.0% (Newcombe 95% CI 31.9% to 69.7%); exact McNemar p = 1.43×10⁻⁵.',
    );
    expect(notes).toContain('"78.1 ml/hr" → 78.1');
    expect(notes).not.toMatch(/instead of 11\/50/);
    // Never a 100% that is true by construction.
    expect(notes).not.toMatch(/50\/50|\| this release/);
    expect(notes).toMatch(/released label is the physician's own value by construction/);
    const share = record.statistics.changedShare!.total;
    expect(notes).toContain(`**${share.k} of 1047, ${(100 * share.share).toFixed(1)}% (Wilson 95% CI`);
    expect(notes).toMatch(/\| calculator \| changed or N\/A \| rate \| Wilson 95% CI \|/);
    expect(notes).toMatch(/verifier-only/);
    expect(record.statistics.verifierOnly).toBeGreaterThan(0);
  });

  it('cite 1.0.0 names the version, commit and root hash', () => {
    const cite = replay.steps.find((s) => s.argv[0] === 'cite')!.out;
    const v1 = JSON.parse(readFileSync(join(replay.dir, 'changelogs/v1.0.0.json'), 'utf8')) as ReleaseRecord;
    expect(cite).toContain('version = {1.0.0}');
    expect(cite).toContain(v1.manifest.root);
  });

  it('export --version 1.0.0 after 1.1.0 gives back the original v1.0 labels, and verify checks it', async () => {
    const exported = join(replay.workDir, 'medcalc-v1.0.0.csv');
    const original = parseCsvTable(readFileSync(V1_CSV, 'utf8')).rows;
    const back = parseCsvTable(readFileSync(exported, 'utf8')).rows;
    expect(back).toHaveLength(1047);
    const differences = original.filter((row, i) =>
      Object.entries(row.cells).some(([c, text]) =>
        c === 'Relevant Entities'
          ? !isDeepStrictEqual(parsePythonLiteral(text), parsePythonLiteral(back[i].cells[c]))
          : text !== back[i].cells[c],
      ),
    );
    expect(differences).toEqual([]);
    expect(replay.steps.find((s) => s.argv[0] === 'verify')!.out).toMatch(/^OK: 1047 items match release 1\.0\.0/);

    // Edit one value: verify fails and names the item.
    const tampered = join(replay.workDir, 'tampered.csv');
    const table = readFileSync(exported, 'utf8');
    const rows = parseCsvTable(table).rows;
    const firstAnswer = rows[0].cells['Ground Truth Answer'];
    writeFileSync(tampered, table.replace(`,${firstAnswer},`, `,${Number(firstAnswer) + 1},`));
    writeFileSync(`${tampered}.manifest.json`, readFileSync(`${exported}.manifest.json`, 'utf8'));
    const verify = await runCli(['verify', tampered, '--dir', replay.dir]);
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(/changed \(1\): test-0001/);
  });

  // Last: it commits a change on top of 1.1.0.
  it('a release after 1.1.0 reads only what changed, yet its statistics and manifest equal a full recomputation', async () => {
    const labels = await readAllLabels(replay.dir);
    const unsigned = labels.find((l) => l.label.signoffs.length === 0 && l.label.answer.kind === 'decimal')!;
    const edited: Label = {
      ...unsigned.label,
      answer: { ...unsigned.label.answer, value: (unsigned.label.answer.value as number) + 1 } as Label['answer'],
    };
    writeFileSync(join(replay.dir, unsigned.file), canonicalJson(edited));
    expect((await runCli(['commit', '-m', 'one more relabel', '--dir', replay.dir])).code).toBe(0);

    const next = await release({ dir: replay.dir, version: '1.2.0', dryRun: true, gate: runCheck });
    // The change has no revision or sign-off: the gate refuses it, which a dry run reports and goes on.
    expect(next.refusals).toEqual([
      expect.stringMatching(new RegExp(`steward check fails for 1 label.*${unsigned.label.id}`)),
    ]);
    // Only the changed file and the signed ones were read and checked: the rest is byte-identical to 1.1.0.
    const signed = labels
      .filter((l) => l.label.signoffs.length > 0)
      .map((l) => l.file)
      .sort();
    expect(next.record.checked?.signed).toEqual(signed);
    expect(next.checked).toEqual({ files: signed.length + 1, all: false, unchangedSince: '1.1.0' });

    const previous = new Map((await loadLabels({ dir: replay.dir, version: '1.1.0' })).labels.map((l) => [l.id, l]));
    const current = new Map((await readAllLabels(replay.dir)).map(({ label }) => [label.id, label]));
    const full = releaseStatistics(
      { previous, current, physicianRoles: (await loadConfig(replay.dir)).policy.physicianRoles },
      contentHash,
    );
    expect(next.record.statistics).toEqual(full);
    expect(next.record.statistics).toMatchObject({ total: 1047, previousTotal: 1047, relabeled: 1, unchanged: 1046 });
    // The 50 physician-labelled items did not change since 1.1.0, yet still count for agreement.
    // 1.1.0's labels on the 16 amended items are the physicians' values: left out of the previous row, never a 100%.
    expect(next.record.statistics.agreement).toMatchObject({
      items: 50,
      byConstruction: { released: 16, previous: 16 },
      previous: { n: 34 },
      proposed: { k: 37, n: 50 },
    });
    expect({ ...next.record.manifest, items: [...next.record.manifest.items] }).toEqual(
      buildManifest(current.values()),
    );
  });
});
