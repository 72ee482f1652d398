import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBase } from '../../src/check/default-base.js';
import { isReleaseTag, latestReleaseTag, releaseTagsInOrder } from '../../src/core/release-tags.js';
import { openRepo } from '../../src/git/index.js';
import { listReleases } from '../../src/release/releases.js';
import { gitCli, tag } from '../helpers/git.js';
import { testdir } from '../helpers/tempdir.js';

// "The latest release" is one rule for the gate's default base (check/default-base.ts) and for the
// previous release of `release` / `cite` (release/releases.ts): v<MAJOR.MINOR.PATCH> exactly.
const named = (...names: string[]) => names.map((name) => ({ name }));

describe('isReleaseTag: only what `steward release` creates', () => {
  for (const name of ['v0.0.0', 'v1.0.0', 'v1.10.0', 'v10.20.30']) {
    it(`${name} is a release`, () => expect(isReleaseTag(name)).toBe(true));
  }
  const notReleases = [
    'v1.1.0-rc.1',
    'v1.0.0-alpha',
    'v2.0.0+build.5',
    'v2.0.0-rc.1+build.5', // pre-release, build
    '1.0.0',
    'v1.0',
    'v01.0.0',
    'v1.0.00',
    'vv1.0.0',
    'V1.0.0',
    'latest',
    'release-1.0.0',
    'v1.0.0 ',
    '',
  ];
  for (const name of notReleases) {
    it(`"${name}" is not a release`, () => expect(isReleaseTag(name)).toBe(false));
  }
});

describe('latestReleaseTag', () => {
  it('orders by number, not text: v1.10.0 is later than v1.9.0', () => {
    expect(latestReleaseTag(named('v1.9.0', 'v1.10.0', 'v1.2.0'))?.name).toBe('v1.10.0');
    expect(releaseTagsInOrder(named('v1.10.0', 'v1.9.0', 'v0.10.0', 'v1.2.0')).map((t) => t.name)).toEqual([
      'v0.10.0',
      'v1.2.0',
      'v1.9.0',
      'v1.10.0',
    ]);
  });
  it('a newer release candidate does not become the latest release', () => {
    expect(latestReleaseTag(named('v1.0.0', 'v1.1.0-rc.1', 'v2.0.0-alpha', 'v3.0.0+ci.1'))?.name).toBe('v1.0.0');
  });
  it('no release among pre-release and non-semver tags: none', () => {
    expect(latestReleaseTag(named('v1.0.0-rc.1', 'latest', 'v1.0', 'nightly'))).toBeUndefined();
    expect(latestReleaseTag([])).toBeUndefined();
  });
});

describe('the gate and the releases agree on the latest release (real git)', () => {
  it('default base and listReleases skip pre-release and non-semver tags, and order v1.10.0 after v1.9.0', async () => {
    const dir = testdir({ 'a.txt': 'a\n' });
    const commit = (message: string) => {
      gitCli(dir, ['add', '-A']);
      gitCli(dir, ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', message]);
    };
    gitCli(dir, ['init', '-q']);
    commit('first');
    await tag(dir, 'v1.9.0');
    await tag(dir, 'v1.10.0');
    writeFileSync(join(dir, 'b.txt'), 'b\n');
    commit('after 1.10.0');
    for (const name of ['v1.11.0-rc.1', 'v2.0.0+ci.1', 'latest', 'v1.12', 'v01.0.0']) await tag(dir, name);
    const repo = await openRepo({ dir });
    const base = await defaultBase(repo);
    expect(base?.ref).toBe('v1.10.0');
    expect(base?.commit).toBe(gitCli(dir, ['rev-parse', 'v1.10.0^{commit}']).trim());
    expect((await listReleases(repo)).map((r) => r.tag)).toEqual(['v1.9.0', 'v1.10.0']);
  });

  it('with only a release candidate, the default base is the first commit, not the candidate', async () => {
    const dir = testdir({ 'a.txt': 'a\n' });
    gitCli(dir, ['init', '-q']);
    gitCli(dir, ['add', '-A']);
    gitCli(dir, ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'first']);
    const first = gitCli(dir, ['rev-parse', 'HEAD']).trim();
    await tag(dir, 'v1.0.0-rc.1');
    expect(await defaultBase(await openRepo({ dir }))).toEqual({ ref: first, commit: first });
  });
});
