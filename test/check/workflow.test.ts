import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';
import { type Yaml, parseYamlSubset } from './yaml-subset.js';

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
};
type Job = { permissions: Record<string, string>; steps: Step[]; needs?: string; env?: Record<string, string> };
const text = readFileSync(join(REPO_ROOT, '.github', 'workflows', 'relabel-pr.yml'), 'utf8');
const workflow = parseYamlSubset(text) as {
  on: Record<string, Yaml>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};

describe('part 5: the relabel workflow runs trusted code', () => {
  const gate = workflow.jobs.gate;
  const comment = workflow.jobs.comment;

  it('is triggered so that the base branch’s copy of the workflow runs (a PR cannot edit its judge)', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request_target']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('builds and runs the tool from a second checkout of the base commit, against the PR tree as data', () => {
    expect(gate.permissions).toEqual({ contents: 'read' });
    expect(gate.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    expect(gate.env?.BASE_REF).toBe('${{ github.base_ref }}');
    const checkouts = gate.steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((c) => [c.with?.path, c.with?.ref, c.with?.['persist-credentials']])).toEqual([
      ['trusted', '${{ github.event.pull_request.base.sha }}', 'false'],
      ['pr', 'refs/pull/${{ github.event.pull_request.number }}/merge', 'false'],
    ]);
    const runs = gate.steps.filter((s) => s.run !== undefined);
    // Nothing is installed, built or run inside the PR's checkout.
    for (const s of runs) {
      expect(s['working-directory'] ?? '', s.name).not.toBe('pr');
      expect(s.run, s.name).not.toMatch(/(^|\s)(npm|npx|node)\s+(?!trusted\/bin\/steward\.js)[^\n]*\bpr\b/);
      expect(s.run, s.name).not.toMatch(/origin\/main/);
      for (const m of s.run!.matchAll(/node (\S+)/g)) expect(m[1]).toBe('trusted/bin/steward.js');
    }
    expect(runs.find((s) => s['working-directory'] === 'trusted')!.run).toMatch(
      /npm ci --ignore-scripts\nnpm run build/,
    );
    const check = runs.find((s) => /steward\.js check /.test(s.run!))!;
    expect(check.run).toBe('node trusted/bin/steward.js check --dir pr --base "$BASE_SHA"');
    expect(check.with).toBeUndefined();
    expect(runs.find((s) => /pr-body --dir pr --base "\$BASE_SHA"/.test(s.run!))).toBeDefined();
    expect(text).not.toMatch(/origin\/main/);
  });

  it('a separate job with pull-requests: write only posts the pr-body artifact, running no PR code', () => {
    expect(comment.needs).toBe('gate');
    expect(comment.permissions).toEqual({ 'pull-requests': 'write' });
    expect(comment.steps.map((s) => s.uses)).toEqual(['actions/download-artifact@v4', 'actions/github-script@v7']);
    expect(comment.steps.some((s) => s.run !== undefined)).toBe(false);
    const script = comment.steps[1].with!.script;
    expect(script).toMatch(/!\/\^\[0-9\]\{1,10\}\$\/\.test\(number\)/);
    expect(script).toMatch(/<!-- steward relabel gate -->/);
    expect(script).toMatch(/core\.summary/);
    // Only the gate job may write the artifact it reads; it is data (read with fs, never executed).
    expect(script).not.toMatch(/require\(['"](child_process|vm)['"]\)|eval\(|new Function/);
  });

  it('CODEOWNERS guards reviewers/, the policy, schema/ and the workflows', () => {
    const owners = readFileSync(join(REPO_ROOT, 'CODEOWNERS'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split(/\s+/));
    const guarded = new Map(owners.map(([path, ...who]) => [path, who]));
    for (const path of ['/reviewers/', '/steward.config.json', '/schema/', '/.github/workflows/', '/CODEOWNERS']) {
      expect(guarded.get(path), path).toEqual(['@medcalc-steward/maintainers']);
    }
  });

  it('the YAML reader refuses what it does not understand', () => {
    expect(() => parseYamlSubset('a: [1, 2]\n')).toThrow(/flow collections/);
    expect(() => parseYamlSubset('a: 1\na: 2\n')).toThrow(/duplicate key a/);
    expect(parseYamlSubset('a:\n  - b: 1\n    c: "x # y"  # note\n  - d\n')).toEqual({
      a: [{ b: '1', c: 'x # y' }, 'd'],
    });
  });
});
