import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { makeLabel } from '../helpers/labels.js';
import { testdir } from '../helpers/tempdir.js';

async function run(argv: string[], isTTY: boolean) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), isTTY });
  return { code, out, err };
}

describe('progress on stderr', () => {
  const dir = () => testdir({ 'labels/demo/bmi/demo-0001.json': canonicalJson(makeLabel()) });
  it('is drawn for a person at a terminal', async () => {
    expect((await run(['validate', '--dir', dir()], true)).err).toMatch(/validating 1\/1/);
    expect((await run(['audit', '--dir', dir()], true)).err).toMatch(/auditing 1\/1/);
  });
  it('is never drawn when piped or with --json', async () => {
    expect((await run(['validate', '--dir', dir()], false)).err).toBe('');
    expect((await run(['validate', '--json', '--dir', dir()], true)).err).toBe('');
    expect((await run(['audit', '--json', '--dir', dir()], true)).err).toBe('');
  });
});
