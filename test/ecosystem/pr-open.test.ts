import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPullRequest } from '../../src/pr/open-pr.js';
import { parseRepository } from '../../src/pr/repository.js';
import { githubToken } from '../../src/pr/token.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { testdir } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

const TOKEN = 'test-token-not-secret-123';

interface Seen {
  method: string;
  path: string;
  auth: string | undefined;
  body: Record<string, unknown> | null;
}

/** A GitHub REST API stand-in on 127.0.0.1 that records every request and answers as GitHub does. */
async function fakeGithub(
  options: { open?: { number: number; ref: string }[]; fail?: number } = {},
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = text ? JSON.parse(text) : null;
    seen.push({ method: req.method!, path: req.url!, auth: req.headers.authorization, body });
    res.setHeader('content-type', 'application/json');
    if (options.fail) {
      res.statusCode = options.fail;
      res.end(JSON.stringify({ message: 'Validation Failed' }));
      return;
    }
    if (req.method === 'GET') {
      res.end(
        JSON.stringify(
          (options.open ?? []).map((p) => ({
            number: p.number,
            head: { ref: p.ref },
            html_url: `https://github.example/acme/bench/pull/${p.number}`,
          })),
        ),
      );
    } else {
      const number = req.method === 'POST' ? 7 : Number(req.url!.split('/').pop());
      res.statusCode = req.method === 'POST' ? 201 : 200;
      res.end(JSON.stringify({ number, html_url: `https://github.example/acme/bench/pull/${number}` }));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const servers: Server[] = [];
const tokenBefore = process.env.GITHUB_TOKEN;
afterEach(async () => {
  while (servers.length) await new Promise((done) => servers.pop()!.close(done));
  if (tokenBefore === undefined) delete process.env.GITHUB_TOKEN;
  else process.env.GITHUB_TOKEN = tokenBefore;
});

/** A benchmark on main with a bare remote "origin", and a relabel branch that edits one label. */
async function relabelBranch(): Promise<{ dir: string; remote: string }> {
  const dir = await benchmarkWith('bench', [makeLabel()]);
  gitCli(dir, ['branch', '-M', 'main']);
  const remote = join(testdir(), 'remote.git');
  gitCli(dir, ['init', '-q', '--bare', remote]);
  gitCli(dir, ['remote', 'add', 'origin', remote]);
  gitCli(dir, ['push', '-q', 'origin', 'main']);
  gitCli(dir, ['checkout', '-q', '-b', 'relabel/bmi']);
  const file = join(dir, 'labels/demo/bmi/demo-0001.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('A synthetic note.', 'A synthetic note, corrected.'));
  expect((await runCli(['commit', '-m', 'correct the note', '--dir', dir])).code).toBe(0);
  return { dir, remote };
}

describe('steward pr open', () => {
  it('pushes the branch to the remote and opens its pull request with the pr-body description', async () => {
    const { dir, remote } = await relabelBranch();
    const github = await fakeGithub();
    process.env.GITHUB_TOKEN = TOKEN;
    const run = await runCli(['pr', 'open', '--repo', 'acme/bench', '--api-url', github.url, '--draft', '--dir', dir]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      'Pushed relabel/bmi to origin; created pull request #7: https://github.example/acme/bench/pull/7\n',
    );
    expect(gitCli(dir, ['--git-dir', remote, 'rev-parse', 'refs/heads/relabel/bmi'])).toBe(
      gitCli(dir, ['rev-parse', 'HEAD']),
    );

    const body = (await runCli(['pr-body', '--base', 'main', '--dir', dir])).out;
    expect(body).toMatch(/^## Relabel: 1 label\(s\) changed since `main`/);
    expect(github.seen).toEqual([
      {
        method: 'GET',
        path: '/repos/acme/bench/pulls?state=open&head=acme%3Arelabel%2Fbmi',
        auth: `token ${TOKEN}`,
        body: null,
      },
      {
        method: 'POST',
        path: '/repos/acme/bench/pulls',
        auth: `token ${TOKEN}`,
        body: { head: 'relabel/bmi', base: 'main', title: 'Relabel: 1 label(s) changed since main', body, draft: true },
      },
    ]);
  });

  it('updates the pull request already open for the branch instead of opening another', async () => {
    const { dir } = await relabelBranch();
    const github = await fakeGithub({ open: [{ number: 12, ref: 'relabel/bmi' }] });
    process.env.GITHUB_TOKEN = TOKEN;
    const run = await runCli(['pr', 'open', '--repo', 'acme/bench', '--api-url', github.url, '--dir', dir]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('updated pull request #12');
    expect(github.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /repos/acme/bench/pulls?state=open&head=acme%3Arelabel%2Fbmi',
      'PATCH /repos/acme/bench/pulls/12',
    ]);
    expect(github.seen[1].body).toMatchObject({ base: 'main', title: 'Relabel: 1 label(s) changed since main' });
  });

  it('--dry-run prints the push and the requests, and sends and pushes nothing (no token needed)', async () => {
    const { dir, remote } = await relabelBranch();
    delete process.env.GITHUB_TOKEN;
    const github = await fakeGithub();
    const run = await runCli([
      'pr',
      'open',
      '--dry-run',
      '--repo',
      'acme/bench',
      '--api-url',
      github.url,
      '--dir',
      dir,
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('git push origin refs/heads/relabel/bmi:refs/heads/relabel/bmi');
    expect(run.out).toContain(
      `POST ${github.url}/repos/acme/bench/pulls\n{\n  "title": "Relabel: 1 label(s) changed since main"`,
    );
    expect(run.out).toContain('<token from $GITHUB_TOKEN, else `gh auth token`>');
    expect(github.seen).toEqual([]);
    expect(() => gitCli(dir, ['--git-dir', remote, 'rev-parse', '--verify', '-q', 'refs/heads/relabel/bmi'])).toThrow();
  });

  it('without a token it stops before pushing; an API error names the status and never the token', async () => {
    const { dir, remote } = await relabelBranch();
    const github = await fakeGithub({ fail: 422 });
    const options = {
      dir,
      base: 'main',
      remote: 'origin',
      repo: 'acme/bench',
      draft: false,
      dryRun: false,
      apiUrl: github.url,
    };
    await expect(openPullRequest({ ...options, env: {}, gh: async () => null })).rejects.toMatchObject({
      code: 'NO_GITHUB_TOKEN',
    });
    expect(() => gitCli(dir, ['--git-dir', remote, 'rev-parse', '--verify', '-q', 'refs/heads/relabel/bmi'])).toThrow();
    expect(github.seen).toEqual([]);

    process.env.GITHUB_TOKEN = TOKEN;
    const run = await runCli(['pr', 'open', '--repo', 'acme/bench', '--api-url', github.url, '--dir', dir]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/HTTP 422: Validation Failed/);
    expect(run.err + run.out).not.toContain(TOKEN);
  });

  it('refuses the base branch itself, a dirty tree and a remote that names no repository', async () => {
    const { dir } = await relabelBranch();
    writeFileSync(join(dir, 'labels/demo/bmi/demo-0001.json'), '{}');
    expect((await runCli(['pr', 'open', '--dry-run', '--repo', 'acme/bench', '--dir', dir])).err).toMatch(
      /uncommitted changes/,
    );
    gitCli(dir, ['checkout', '-q', '--', '.']);
    expect((await runCli(['pr', 'open', '--dry-run', '--dir', dir])).err).toMatch(
      /names no GitHub repository: give --repo owner\/name/,
    );
    gitCli(dir, ['checkout', '-q', 'main']);
    expect((await runCli(['pr', 'open', '--dry-run', '--repo', 'acme/bench', '--dir', dir])).err).toMatch(
      /is the base branch main/,
    );
  });

  it('refuses a branch or remote that git would read as a second refspec or an option', async () => {
    const { dir, remote } = await relabelBranch();
    const github = await fakeGithub();
    process.env.GITHUB_TOKEN = TOKEN;
    const marker = join(testdir(), 'pwned');
    const attacks = [
      ['--branch', 'relabel/bmi:refs/heads/main'],
      ['--branch=-f'],
      [`--remote=--receive-pack=touch ${marker}`],
      ['--remote', 'origin refs/heads/main'],
    ];
    for (const attack of attacks) {
      const run = await runCli([
        'pr',
        'open',
        ...attack,
        '--repo',
        'acme/bench',
        '--api-url',
        github.url,
        '--dir',
        dir,
      ]);
      expect(run.code, attack.join(' ')).toBe(2);
      expect(run.err).toMatch(/not a (branch|remote) name/);
    }
    expect(existsSync(marker)).toBe(false);
    expect(gitCli(dir, ['--git-dir', remote, 'rev-parse', 'refs/heads/main'])).toBe(gitCli(dir, ['rev-parse', 'main']));
    expect(github.seen).toEqual([]);
  });

  it('takes the token from GITHUB_TOKEN, else from `gh auth token`', async () => {
    expect(await githubToken({ GITHUB_TOKEN: ' env-token\n' }, async () => 'gh-token')).toEqual({
      token: 'env-token',
      source: 'GITHUB_TOKEN',
    });
    expect(await githubToken({}, async () => 'gh-token\n')).toEqual({ token: 'gh-token', source: 'gh auth token' });
    expect(await githubToken({ GITHUB_TOKEN: '' }, async () => 'gh-token')).toMatchObject({ source: 'gh auth token' });
    await expect(githubToken({}, async () => '')).rejects.toMatchObject({ code: 'NO_GITHUB_TOKEN' });
  });

  it('reads owner/name from the usual remote URLs', () => {
    for (const url of [
      'https://github.com/acme/bench.git',
      'https://github.com/acme/bench',
      'git@github.com:acme/bench.git',
      'ssh://git@ghe.example.org/acme/bench.git',
      'acme/bench',
    ]) {
      expect(parseRepository(url), url).toEqual({ owner: 'acme', repo: 'bench' });
    }
    expect(parseRepository('/tmp/remote.git')).toBeUndefined();
    expect(parseRepository('https://github.com/acme/../x')).toBeUndefined();
  });
});
