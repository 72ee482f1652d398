import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

const git = (args: string[]) => execFileSync('git', ['-C', REPO_ROOT, ...args], { encoding: 'utf8' });

describe('npm start', () => {
  it('shows the whole loop in a temporary copy and leaves the repository untouched', () => {
    expect(
      existsSync(join(REPO_ROOT, 'dist/cli/main.js')),
      'dist/ is missing: npm install (or npm run build) builds it',
    ).toBe(true);
    const before = {
      status: git(['status', '--porcelain', '--untracked-files=all']),
      refs: git(['for-each-ref']),
      head: git(['rev-parse', 'HEAD']),
    };
    const out = execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/start.mjs')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect({
      status: git(['status', '--porcelain', '--untracked-files=all']),
      refs: git(['for-each-ref']),
      head: git(['rev-parse', 'HEAD']),
    }).toEqual(before);
    const copy = /temporary copy \(([^)]+)\)/.exec(out)![1];
    expect(existsSync(copy)).toBe(false);

    // Every step: its title, the command a user types, and what came of it.
    const step = (n: number, title: string) => expect(out).toContain(`── ${n}. ${title}`);
    step(2, 'A demo physician makes a signing key');
    expect(out).toMatch(/public key: ed25519:\S+/);
    // Registered before the first release: the gate trusts only the reviewers at its base.
    step(3, 'The physician is registered as a reviewer');
    step(4, 'Release 0.1.0');
    expect(out).toContain('$ steward release 0.1.0');
    step(5, 'Audit');
    for (const id of ['demo-0003', 'demo-0008', 'demo-0009', 'demo-0013', 'demo-0017'])
      expect(out).toMatch(new RegExp(`\\| ${id} \\|`));
    expect(out).toContain('12 reproduced-from-entities (71%), 2 calculator-logic-mismatch, 2 disagree, 1 incomputable');
    step(6, 'Propose the relabels on a branch');
    expect(out).toContain('demo-0008: 13 → 10 (relabeled)');
    expect(out).toContain('demo-0017: 12 → N/A (incomputable)');
    step(7, 'The physician reviews each relabel and signs it off');
    expect(out.match(/approve by dr-demo/g)).toHaveLength(5);
    step(8, 'The pull-request gate');
    expect(out).toMatch(/\$ steward check --base v0\.1\.0[\s\S]*PASSED/);
    step(10, 'Release 0.2.0 with its notes');
    expect(out).toContain('| relabeled (new value) | 4 |');
    expect(out).toContain('| previous release (0.1.0) | 1/5 | 20.0% |');
    expect(out).toMatch(/Released 0\.2\.0: commit [0-9a-f]+, tag v0\.2\.0/);
    step(11, "Score a model's predictions on 0.1.0 and on 0.2.0");
    expect(out).toContain('accuracy 58.8% (10/17) → 88.2% (15/17)');
    expect(out).toContain('5 item(s) flip because the label changed');
    step(12, 'Cite the version you evaluated on');

    // Each term is explained once, the first time it appears.
    expect(out.match(/· calculator-logic-mismatch: /g)).toHaveLength(1);
    expect(out.indexOf('· calculator-logic-mismatch: ')).toBeGreaterThan(out.indexOf('2 calculator-logic-mismatch'));
    expect(out.indexOf('· calculator-logic-mismatch: ')).toBeLessThan(out.indexOf('── 6.'));
    expect(out.match(/· root hash: /g)).toHaveLength(1);

    expect(out).toMatch(/What to do next\n {2}- Evaluators: [\s\S]* {2}- Maintainers: [\s\S]* {2}- Physicians: /);
  }, 120_000);
});
