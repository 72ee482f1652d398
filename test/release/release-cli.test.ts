import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/store/canonical.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

/** A benchmark with two demo labels, committed. */
const benchmark = () =>
  benchmarkWith('tiny', [makeLabel(), makeLabel({ id: 'demo-0002', note: 'Another synthetic note.' })]);

describe('steward release, cite, export --version, verify', () => {
  it('releases, refuses what it must, and pins the version for export and verify', async () => {
    const dir = await benchmark();
    const dry = await runCli(['release', '1.0.0', '--dry-run', '--dir', dir]);
    expect(dry.err).toBe('');
    expect(dry.out).not.toMatch(/would be refused/);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('# tiny 1.0.0');
    expect(gitCli(dir, ['tag'])).toBe('');

    const first = await runCli(['release', '1.0.0', '--dir', dir, '--json']);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.out);
    expect(result.files).toEqual([
      'changelogs/v1.0.0.json',
      'changelogs/v1.0.0.md',
      'CHANGELOG.md',
      'CITATION.cff',
      'changelogs/v1.0.0-errors.svg',
      'changelogs/v1.0.0-agreement.svg',
    ]);
    const root = result.record.manifest.root;
    expect(gitCli(dir, ['tag', '-n9', 'v1.0.0'])).toContain(`root ${root}`);
    expect(readFileSync(join(dir, 'CITATION.cff'), 'utf8')).toContain(`value: "${root}"`);
    expect(gitCli(dir, ['status', '--porcelain'])).toBe('');

    // Refusals: not semver (2), not greater (1), dirty tree (1); nothing written.
    expect((await runCli(['release', '1.0', '--dir', dir])).code).toBe(2);
    const same = await runCli(['release', '1.0.0', '--dir', dir]);
    expect(same.code).toBe(1);
    expect(same.err).toMatch(/not greater than the latest release 1\.0\.0/);
    const label = join(dir, 'labels/demo/bmi/demo-0002.json');
    const edited = JSON.parse(readFileSync(label, 'utf8'));
    edited.answer = { kind: 'decimal', value: 30, lower: 28.5, upper: 31.5 };
    writeFileSync(label, canonicalJson(edited));
    const before = snapshotTree(dir);
    const dirty = await runCli(['release', '1.1.0', '--dir', dir]);
    expect(dirty.code).toBe(1);
    expect(dirty.err).toMatch(/uncommitted changes/);
    expect(snapshotTree(dir)).toEqual(before);

    // A committed answer change without a revision or sign-off fails the gate: refused, nothing written.
    await runCli(['commit', '-m', 'change', '--dir', dir]);
    const committed = snapshotTree(dir);
    const gated = await runCli(['release', '1.1.0', '--dir', dir]);
    expect(gated.code).toBe(1);
    expect(gated.err).toMatch(/steward check fails for 1 label\(s\) against v1\.0\.0.*demo-0002/);
    expect(snapshotTree(dir)).toEqual(committed);
    expect(gitCli(dir, ['tag'])).toBe('v1.0.0\n');

    // Cite and export 1.0.0 after the label changed.
    const cite = await runCli(['cite', '1.0.0', '--format', 'json', '--dir', dir]);
    expect(JSON.parse(cite.out)).toMatchObject({ version: '1.0.0', root, count: 2, tag: 'v1.0.0' });
    expect((await runCli(['cite', '--format', 'apa', '--dir', dir])).out).toContain('(Version 1.0.0)');
    const out = join(dir, '..', 'v1.jsonl');
    expect((await runCli(['export', '--version', '1.0.0', '--format', 'jsonl', '--out', out, '--dir', dir])).code).toBe(
      0,
    );
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0].slice(2))).toMatchObject({ version: '1.0.0', root });
    expect(JSON.parse(lines[2]).answer.value).toBe(22.857);
    expect((await runCli(['verify', out, '--dir', dir])).code).toBe(0);
    // Verify without git, against the release record file alone.
    expect(
      (await runCli(['verify', out, '--release', join(dir, 'changelogs/v1.0.0.json'), '--dir', testdir()])).code,
    ).toBe(0);

    const changed = [...lines];
    const l = JSON.parse(changed[2]);
    l.answer.value = 23;
    changed[2] = JSON.stringify(l);
    writeFileSync(out, changed.join('\n') + '\n');
    const bad = await runCli(['verify', out, '--dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/changed \(1\): demo-0002/);
    writeFileSync(out, [lines[0], lines[1]].join('\n') + '\n');
    const missing = await runCli(['verify', out, '--dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/missing \(1\): demo-0002/);

    const csv = join(dir, '..', 'v1.csv');
    expect((await runCli(['export', '--version', '1.0.0', '--out', csv, '--dir', dir])).code).toBe(0);
    expect((await runCli(['verify', csv, '--dir', dir])).code).toBe(0);
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('22.857', '22.9'));
    const badCsv = await runCli(['verify', csv, '--dir', dir]);
    expect(badCsv.code).toBe(1);
    expect(badCsv.out).toMatch(/changed \(1\): demo-0001/);

    // Unknown versions and a corrupted record.
    expect((await runCli(['cite', '9.9.9', '--dir', dir])).err).toMatch(/no release 9\.9\.9/);
    expect((await runCli(['export', '--version', '2.0.0', '--format', 'jsonl', '--dir', dir])).code).toBe(2);
    const record = join(dir, 'changelogs/v1.0.0.json');
    writeFileSync(record, readFileSync(record, 'utf8').replace(/"count": 2/, '"count": 3'));
    const corrupted = await runCli(['verify', out, '--release', record, '--dir', dir]);
    expect(corrupted.code).toBe(1);
    expect(corrupted.err).toMatch(/corrupted release record/);
  });
});
