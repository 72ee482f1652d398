import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { type ReviewServer, startReviewServer } from '../../src/review-app/server.js';
import { requireReviewer } from '../../src/review/reviewer.js';
import { gitCli } from '../helpers/git.js';
import { demoReviewBenchmark } from './fixture.js';
import { keyForms, login, raw } from './http.js';

function refused(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

describe('the review server refuses whoever is not the page it printed the URL for', () => {
  let server: ReviewServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start() {
    const bench = await demoReviewBenchmark();
    server = await startReviewServer({
      dir: bench.dir,
      reviewer: await requireReviewer(bench.dir, 'dr-a'),
      keyPath: bench.keyA,
      blind: false,
    });
    return { ...bench, server };
  }

  it('without the token or its cookie: 401 on pages, scripts and the API; a wrong token 403; the token works once', async () => {
    const { server } = await start();
    for (const path of [
      '/',
      '/app.js',
      '/vendor/preact.mjs',
      '/api/queue',
      '/api/session',
      '/api/item/demo-0001',
      '/api/panel',
    ]) {
      const res = await raw(server.origin + path);
      expect(res.status, path).toBe(401);
      expect(res.body, path).not.toContain('demo-0001');
    }
    expect(
      (
        await raw(`${server.origin}/api/decision`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.origin },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    expect((await raw(`${server.origin}/?token=not-the-token`)).status).toBe(403);
    const first = await raw(server.url);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toMatch(
      /^steward_review=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/,
    );
    expect((await raw(server.url)).status).toBe(403); // spent
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    expect((await raw(`${server.origin}/api/queue`, { headers: { cookie } })).status).toBe(200);
    expect((await raw(`${server.origin}/api/queue`, { headers: { cookie: 'steward_review=guess' } })).status).toBe(401);
  });

  it('state changes only from the same origin, only as JSON; another Host name is refused (DNS rebinding)', async () => {
    const { server, dir } = await start();
    const cookie = await login(server.url);
    const head = gitCli(dir, ['rev-parse', 'HEAD']);
    const item = JSON.parse((await raw(`${server.origin}/api/item/demo-0001`, { headers: { cookie } })).body);
    const body = JSON.stringify({ id: 'demo-0001', contentHash: item.contentHash, action: 'approve' });
    const post = (headers: Record<string, string>) =>
      raw(`${server.origin}/api/decision`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body,
      });
    expect((await post({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({})).status).toBe(403); // neither header: no browser page sends that
    expect(
      (
        await raw(`${server.origin}/api/decision`, {
          method: 'POST',
          headers: { cookie, origin: server.origin, 'content-type': 'text/plain' },
          body,
        })
      ).status,
    ).toBe(415);
    const rebound = await raw(`${server.origin}/api/queue`, {
      headers: { cookie, host: `evil.example:${server.port}` },
    });
    expect(rebound.status).toBe(403);
    expect(gitCli(dir, ['rev-parse', 'HEAD'])).toBe(head);
    // The same request from our own origin is signed and committed.
    const ok = await post({ 'sec-fetch-site': 'same-origin', origin: server.origin });
    expect(ok.status, ok.body).toBe(200);
    expect(JSON.parse(ok.body).commit).toBe(gitCli(dir, ['rev-parse', 'HEAD']).trim());
  });

  it('every response carries a strict CSP (no inline script) and the other security headers', async () => {
    const { server } = await start();
    const cookie = await login(server.url);
    for (const path of ['/', '/app.js', '/api/queue', '/nope']) {
      const res = await raw(server.origin + path, { headers: { cookie } });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe');
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
    const page = await raw(`${server.origin}/`, { headers: { cookie } });
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(page.body).not.toMatch(/https?:\/\//); // nothing from elsewhere
  });

  it('listens on 127.0.0.1 only: not on ::1, 127.0.0.2, or any other address of this machine', async () => {
    const { server } = await start();
    const address = (server as unknown as { port: number }).port;
    expect(await refused('127.0.0.1', address)).toBe('connected');
    const others = [
      '127.0.0.2',
      '::1',
      ...Object.values(networkInterfaces())
        .flat()
        .map((i) => i!.address)
        .filter((a) => a !== '127.0.0.1'),
    ];
    expect(others.length).toBeGreaterThan(1);
    for (const host of others) expect([host, await refused(host, address)]).not.toEqual([host, 'connected']);
  });

  it('the private key appears in no response, whatever is asked', async () => {
    const { server, keyA } = await start();
    const cookie = await login(server.url);
    const forms = keyForms(keyA);
    const item = JSON.parse((await raw(`${server.origin}/api/item/demo-0003`, { headers: { cookie } })).body);
    const bodies: string[] = [];
    for (const path of [
      '/',
      '/app.js',
      '/views.js',
      '/decision.js',
      '/keys.js',
      '/api/session',
      '/api/queue',
      '/api/item/demo-0003',
      '/api/panel',
      '/api/item/..%2F..%2Fkeys',
    ]) {
      bodies.push((await raw(server.origin + path, { headers: { cookie } })).body);
    }
    const post = (body: unknown) =>
      raw(`${server.origin}/api/decision`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: server.origin },
        body: JSON.stringify(body),
      });
    bodies.push((await post({ id: 'demo-0003', contentHash: item.contentHash, action: 'approve' })).body);
    bodies.push(
      (await post({ id: 'demo-0003', contentHash: item.contentHash, action: 'correct', value: { number: 'x' } })).body,
    );
    bodies.push(
      (await post({ id: 'demo-0003', contentHash: item.contentHash, action: 'approve', keyPath: keyA })).body,
    );
    for (const body of bodies) for (const form of forms) expect(body.includes(form)).toBe(false);
    expect(bodies.join('\n')).not.toContain(keyA);
  });
});
