import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/importers/csv.js';
import { parsePythonLiteral } from '../../src/importers/python-literal.js';
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
import { HAS_SHARED, SHARED, V1_CSV } from '../helpers/shared.js';

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

  it('1.1.0 agrees with the physicians as the paper reports, on the 50 physician-labelled items', () => {
    const a = record.statistics.agreement;
    expect(a.items).toBe(50);
    // Proposed (y_new) 37/50 = 74.0%, Wilson 60.45–84.13% (the paper's 74%, 60–84%).
    expect(a.proposed).toMatchObject({ k: 37, n: 50 });
    expect(a.proposed!.lower).toBeCloseTo(0.6045, 4);
    expect(a.proposed!.upper).toBeCloseTo(0.8413, 4);
    // v1.0 11/50 = 22.0%, Wilson 12.75–35.24%: one more than the paper's 10/50, because "78.1 ml/hr" is 78.1.
    expect(a.previous).toMatchObject({ k: 11, n: 50 });
    expect(a.previous!.lower).toBeCloseTo(0.1275, 4);
    expect(a.previous!.upper).toBeCloseTo(0.3524, 4);
    // The released labels carry the physicians' amendments.
    expect(a.current).toMatchObject({ k: 50, n: 50 });
    // Paired: 33 right only with the proposal, 7 only with v1.0; exact McNemar p, scipy:
    // binomtest(7, 40, 0.5).pvalue = 4.2277022657799534e-05
    expect(a.paired).toMatchObject({ onlyProposed: 33, onlyPrevious: 7, both: 4, neither: 6 });
    expect(a.paired!.mcnemarP).toBeCloseTo(4.2277022657799534e-5, 12);
    expect(a.valuesWithUnits.map((v) => v.text)).toEqual(['78.1 ml/hr']);
  });

  it("1.1.0's manifest, built from 1.0.0's hashes plus the changed labels, equals a full recomputation", async () => {
    const loaded = await loadLabels({ dir: replay.dir, version: '1.1.0' });
    expect(loaded.labels).toHaveLength(1047);
    expect(buildManifest(loaded.labels)).toEqual(record.manifest);
  });

  it('its notes read well and say how they were computed', () => {
    const notes = readFileSync(join(replay.dir, 'changelogs/v1.1.0.md'), 'utf8');
    expect(notes).toContain('| previous release (1.0.0) | 11/50 | 22.0% | 12.8%–35.2% |');
    expect(notes).toContain('| proposed (as first proposed, before physician amendment) | 37/50 | 74.0% | 60.4%–84.1% |');
    expect(notes).toMatch(/33 items agree only with the proposal, 7 only with the previous label/);
    expect(notes).toMatch(/exact McNemar p = 4\.2×10\^-5/);
    expect(notes).toContain('"78.1 ml/hr" → 78.1');
    expect(notes).toMatch(/would report previous 10\/50 instead of 11\/50/);
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
        c === 'Relevant Entities' ? !isDeepStrictEqual(parsePythonLiteral(text), parsePythonLiteral(back[i].cells[c])) : text !== back[i].cells[c],
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
    const edited: Label = { ...unsigned.label, answer: { ...unsigned.label.answer, value: (unsigned.label.answer.value as number) + 1 } as Label['answer'] };
    writeFileSync(join(replay.dir, unsigned.file), canonicalJson(edited));
    expect((await runCli(['commit', '-m', 'one more relabel', '--dir', replay.dir])).code).toBe(0);

    const next = await release({ dir: replay.dir, version: '1.2.0', dryRun: true, gate: runCheck });
    // The change has no revision or sign-off: the gate refuses it, which a dry run reports and goes on.
    expect(next.refusals).toEqual([expect.stringMatching(new RegExp(`steward check fails for 1 label.*${unsigned.label.id}`))]);
    // Only the changed file and the signed ones were read and checked: the rest is byte-identical to 1.1.0.
    const signed = labels.filter((l) => l.label.signoffs.length > 0).map((l) => l.file).sort();
    expect(next.record.checked?.signed).toEqual(signed);
    expect(next.checked).toEqual({ files: signed.length + 1, all: false, unchangedSince: '1.1.0' });

    const previous = new Map((await loadLabels({ dir: replay.dir, version: '1.1.0' })).labels.map((l) => [l.id, l]));
    const current = new Map((await readAllLabels(replay.dir)).map(({ label }) => [label.id, label]));
    const full = releaseStatistics({ previous, current, physicianRoles: (await loadConfig(replay.dir)).policy.physicianRoles }, contentHash);
    expect(next.record.statistics).toEqual(full);
    expect(next.record.statistics).toMatchObject({ total: 1047, previousTotal: 1047, relabeled: 1, unchanged: 1046 });
    // The 50 physician-labelled items did not change since 1.1.0, yet still count for agreement.
    expect(next.record.statistics.agreement).toMatchObject({ items: 50, previous: { k: 50, n: 50 }, current: { k: 50, n: 50 } });
    expect(next.record.manifest).toEqual(buildManifest(current.values()));
  });
});
