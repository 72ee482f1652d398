import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CODEOWNERS_PATHS, benchmarkWorkflow } from '../../src/init/templates/github-files.js';
import { packageNameOf } from '../../src/init/templates/package-json.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, useTestIdentity } from '../helpers/git.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

const packageFile = (path: string) =>
  existsSync(join(REPO_ROOT, path)) ? readFileSync(join(REPO_ROOT, path), 'utf8') : null;

describe('steward init writes a repository that works on GitHub as it is', () => {
  it('the gate workflow and CODEOWNERS from this package, a package.json pinning this tool, .gitignore and a README', async () => {
    const parent = testdir();
    const run = await runCli(['init', 'bench', '--name', 'My Bench (2026)', '--dir', parent]);
    expect(run.code).toBe(0);
    const dir = join(parent, 'bench');

    // The workflow is the package's own, running the pinned tool instead of the package's build.
    const workflow = readFileSync(join(dir, '.github/workflows/relabel-pr.yml'), 'utf8');
    expect(workflow).toBe(benchmarkWorkflow(packageFile('.github/workflows/relabel-pr.yml')!));
    expect(workflow).not.toContain('node bin/steward.js');
    // The base's pinned tool, installed in the second (trusted) checkout, runs the gate.
    expect(workflow).toContain('node trusted/node_modules/medcalc-steward/bin/steward.js check --dir pr --base');
    expect(workflow).not.toContain('trusted/bin/steward.js');
    expect(parseYaml(workflow).on).toHaveProperty('pull_request_target');

    const owners = CODEOWNERS_PATHS.map((p) => [p, packageFile(p)] as const).find(([, text]) => text !== null);
    if (owners) {
      expect(readFileSync(join(dir, owners[0]), 'utf8')).toBe(owners[1]);
    } else {
      // Until the package ships a CODEOWNERS, init says so instead of inventing one.
      expect(CODEOWNERS_PATHS.some((p) => existsSync(join(dir, p)))).toBe(false);
      expect(run.err).toMatch(/ships no CODEOWNERS/);
    }

    const tool = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'my-bench-2026', private: true, devDependencies: { [tool.name]: tool.version } });
    expect(pkg.devDependencies[tool.name]).toMatch(/^\d+\.\d+\.\d+$/);

    const ignore = readFileSync(join(dir, '.gitignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['node_modules/', '*.pem', '.steward/']));

    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# My Bench \(2026\)/);
    for (const who of ['maintainer', 'physician', 'evaluator']) expect(readme).toContain(`| ${who} |`);
    for (const command of [
      'steward import',
      'steward propose',
      'steward pr open',
      'steward signoff',
      'steward export --version X --format hf',
      'steward score',
      'steward cite',
    ])
      expect(readme).toContain(command);

    // All of it is committed with the skeleton, and the repository still validates.
    const tracked = gitCli(dir, ['ls-files']).split('\n');
    expect(tracked).toEqual(
      expect.arrayContaining([
        '.github/workflows/relabel-pr.yml',
        'package.json',
        '.gitignore',
        'README.md',
        'steward.config.json',
      ]),
    );
    expect(gitCli(dir, ['status', '--porcelain'])).toBe('');
    expect((await runCli(['validate', '--dir', dir])).code).toBe(0);
  });

  it('makes an npm name of any benchmark name', () => {
    expect(packageNameOf('MedCalc-Bench v1.0')).toBe('medcalc-bench-v1.0');
    expect(packageNameOf('../../etc')).toBe('etc');
    expect(packageNameOf('日本')).toBe('benchmark');
  });
});
