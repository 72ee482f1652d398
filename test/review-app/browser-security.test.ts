import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type ReviewServer, startReviewServer } from '../../src/review-app/server.js';
import { requireReviewer } from '../../src/review/reviewer.js';
import { readAllLabels } from '../../src/store/read.js';
import { runCli } from '../helpers/cli.js';
import { gitCli } from '../helpers/git.js';
import { HAS_CHROMIUM, type OpenBrowser, launchChromium } from './browser.js';
import { demoReviewBenchmark } from './fixture.js';
import { keyForms } from './http.js';

/** A hostile page on another origin that tries to make the physician's browser sign something. */
function evilSite(target: string): Promise<Server> {
  const html = `<!doctype html><form id="f" method="POST" action="${target}/api/decision" enctype="text/plain">
<input name='{"id":"demo-0001","action":"approve","x":"' value='"}'></form>
<script>fetch(${JSON.stringify(target)} + '/api/decision', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: '{}' }).finally(() => document.getElementById('f').submit());</script>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!HAS_CHROMIUM)('the review page in Chromium: attacks from the browser side', () => {
  let server: ReviewServer | undefined;
  let browser: OpenBrowser | undefined;
  let evil: Server | undefined;
  afterEach(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((r) => (evil ? evil.close(r) : r(undefined)));
    browser = server = evil = undefined;
  });

  it(
    'a page on another origin (same-site 127.0.0.1:other port, and cross-site localhost) cannot make the logged-in ' +
      'browser sign',
    async () => {
      const { dir, keyA } = await demoReviewBenchmark();
      server = await startReviewServer({
        dir,
        reviewer: await requireReviewer(dir, 'dr-a'),
        keyPath: keyA,
        blind: false,
        undoMs: 0,
      });
      browser = await launchChromium();
      const page = await browser.context.newPage();
      await page.goto(server.url);
      await page.getByTestId('item-id').waitFor();
      const head = gitCli(dir, ['rev-parse', 'HEAD']);
      evil = await evilSite(server.origin);
      const port = (evil.address() as AddressInfo).port;
      for (const host of ['127.0.0.1', 'localhost']) {
        const attack = await browser.context.newPage();
        const posted = attack.waitForResponse(
          (r) =>
            r.url().endsWith('/api/decision') &&
            r.request().method() === 'POST' &&
            r.request().resourceType() === 'document',
        );
        await attack.goto(`http://${host}:${port}/`);
        const status = (await posted).status();
        // same-site: the cookie goes along, and Sec-Fetch-Site refuses it; cross-site: SameSite=Strict keeps the cookie
        // home.
        expect([host, status]).toEqual([host, host === 'localhost' ? 401 : 403]);
        await attack.close();
      }
      expect(gitCli(dir, ['rev-parse', 'HEAD'])).toBe(head);
      expect((await readAllLabels(dir)).flatMap((e) => e.label.signoffs)).toEqual([]);
    },
  );

  it('the page loads nothing from elsewhere, and no response it gets holds the key', async () => {
    const { dir, keyA } = await demoReviewBenchmark();
    server = await startReviewServer({
      dir,
      reviewer: await requireReviewer(dir, 'dr-a'),
      keyPath: keyA,
      blind: false,
      undoMs: 0,
    });
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const urls: string[] = [];
    const bodies: Promise<string>[] = [];
    page.on('request', (r) => urls.push(r.url()));
    page.on('response', (r) =>
      bodies.push(
        r
          .body()
          .then((b) => b.toString('latin1'))
          .catch(() => ''),
      ),
    );
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await page.goto(server.url);
    await page.getByTestId('item-id').waitFor();
    await page.keyboard.press('a');
    await page.keyboard.press('Control+Enter');
    await page
      .getByTestId('message')
      .filter({ hasText: /commit [0-9a-f]{10}/ })
      .waitFor();
    await page.getByTestId('panel-tab').click();
    await page.getByTestId('panel').waitFor();
    await page.keyboard.press('?');
    await page.getByTestId('help').waitFor();
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith(`${server.origin}/`), url).toBe(true);
    expect(violations).toEqual([]);
    const all = await Promise.all(bodies);
    for (const form of keyForms(keyA)) expect(all.some((b) => b.includes(form))).toBe(false);
  });

  it('a label changed underneath (another commit) is refused and reloaded, never signed as the new content', async () => {
    const { dir, keyA } = await demoReviewBenchmark();
    server = await startReviewServer({
      dir,
      reviewer: await requireReviewer(dir, 'dr-a'),
      keyPath: keyA,
      blind: false,
      undoMs: 0,
    });
    browser = await launchChromium();
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByTestId('queue-item').filter({ hasText: 'demo-0001' }).click();
    await page.getByTestId('item-id').filter({ hasText: 'demo-0001' }).waitFor();
    await page
      .getByTestId('proposed')
      .filter({ hasText: /^27\.5/ })
      .waitFor();
    const changed = await runCli([
      'propose',
      'demo-0001',
      '--value',
      '24',
      '--category',
      'extraction-error',
      '--rationale',
      'A third weight.',
      '--dir',
      dir,
    ]);
    expect(changed.code, changed.err).toBe(0);
    const head = gitCli(dir, ['rev-parse', 'HEAD']);
    await page.keyboard.press('a');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('message').filter({ hasText: 'changed since you opened it' }).waitFor();
    await page.getByTestId('proposed').filter({ hasText: /^24/ }).waitFor(); // reloaded: the new proposal is shown
    expect(await page.getByTestId('item-id').textContent()).toBe('demo-0001');
    expect(gitCli(dir, ['rev-parse', 'HEAD'])).toBe(head);
    const label = (await readAllLabels(dir)).find((e) => e.label.id === 'demo-0001')!.label;
    expect(label.signoffs).toEqual([]);
  });
});
