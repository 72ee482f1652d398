import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { type ReviewServer, startReviewServer } from '../../src/review-app/server.js';
import { requireReviewer } from '../../src/review/reviewer.js';
import { readAllLabels } from '../../src/store/read.js';
import { gitCli } from '../helpers/git.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { HAS_CHROMIUM, type OpenBrowser, launchChromium } from './browser.js';
import { demoReviewBenchmark } from './fixture.js';
import { login, raw } from './http.js';

describe.skipIf(!HAS_CHROMIUM)('the review page: blind protocol and undo, in Chromium', () => {
  let server: ReviewServer | undefined;
  let browser: OpenBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    await server?.close();
    browser = server = undefined;
  });

  it('--blind: no answer reaches the page before the physician gives a value; the sign-off records that value', async () => {
    const { dir, keyA } = await demoReviewBenchmark();
    server = await startReviewServer({
      dir,
      reviewer: await requireReviewer(dir, 'dr-a'),
      keyPath: keyA,
      blind: true,
      undoMs: 0,
    });
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const itemBodies: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/api/item/') || r.url().includes('/api/queue'))
        itemBodies.push(await r.text().catch(() => ''));
    });
    await page.goto(server.url);
    await page.getByTestId('queue-item').filter({ hasText: 'demo-0003' }).click();
    await page.getByTestId('item-id').filter({ hasText: 'demo-0003' }).waitFor();
    await page.getByTestId('blind-form').waitFor();
    expect(await page.getByTestId('proposed').count()).toBe(0);
    await page.keyboard.press('a'); // nothing to approve yet
    expect(await page.getByTestId('decision').count()).toBe(0);
    // CHA2DS2-VASc: a whole number; "4.5" is refused as it is typed.
    await page.getByTestId('value-number').pressSequentially('4.5');
    await page.getByTestId('value-check').filter({ hasText: 'whole numbers' }).waitFor();
    await page.getByTestId('value-number').fill('5');
    await page.getByTestId('value-check').filter({ hasText: '✓' }).waitFor();
    for (const body of itemBodies) {
      expect(body).not.toContain('"answers"');
      expect(body).not.toContain('Vascular disease is in the history'); // the rationale
    }
    await page.getByTestId('reveal').click();
    await page.getByTestId('proposed').filter({ hasText: /^4/ }).waitFor();
    await page.getByTestId('previous').filter({ hasText: /^3/ }).waitFor();
    await page.keyboard.press('a');
    await page.keyboard.press('Control+Enter');
    await page
      .getByTestId('message')
      .filter({ hasText: /commit [0-9a-f]{10}/ })
      .waitFor();
    const label = (await readAllLabels(dir)).find((e) => e.label.id === 'demo-0003')!.label;
    expect(label.signoffs).toMatchObject([{ reviewer: 'dr-a', decision: 'approve', value: '5', parsedValue: 5 }]);
  });

  it('a decision can be undone before it is committed: nothing is signed', async () => {
    const { dir, keyA } = await demoReviewBenchmark();
    server = await startReviewServer({
      dir,
      reviewer: await requireReviewer(dir, 'dr-a'),
      keyPath: keyA,
      blind: false,
      undoMs: 60_000,
    });
    browser = await launchChromium();
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const first = (await page.getByTestId('item-id').textContent())!;
    await page.keyboard.press('a');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('message').filter({ hasText: 'press u to undo' }).waitFor();
    await page
      .getByTestId('item-id')
      .filter({ hasNotText: new RegExp(`^${first}$`) })
      .waitFor(); // moved on
    await page.keyboard.press('u');
    await page
      .getByTestId('message')
      .filter({ hasText: `Undone: ${first} was not signed.` })
      .waitFor();
    await page
      .getByTestId('item-id')
      .filter({ hasText: new RegExp(`^${first}$`) })
      .waitFor(); // back, with the choice restored
    expect(await page.getByTestId('action-approve').isChecked()).toBe(true);
    // Moving on and back sends nothing: the undone decision is gone for good.
    await page.keyboard.press('j');
    await page.getByTestId('item-id').filter({ hasNotText: first }).waitFor();
    await page.keyboard.press('k');
    await page.getByTestId('item-id').filter({ hasText: first }).waitFor();
    expect((await readAllLabels(dir)).flatMap((e) => e.label.signoffs)).toEqual([]);
    expect(gitCli(dir, ['log', '-1', '--format=%s'])).toMatch(/^Propose relabels/);
  });
});

describe('steward review as a process', () => {
  it('prints one token URL on 127.0.0.1, serves it, and stops cleanly on Ctrl-C (SIGINT)', async () => {
    const { dir, keyA } = await demoReviewBenchmark();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        "import { main } from './src/cli/main.ts'; process.exitCode = await main(process.argv.slice(1));",
        'review',
        '--dir',
        dir,
        '--reviewer',
        'dr-a',
        '--key',
        keyA,
      ],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code} before printing a URL: ${out}${err}`)));
    });
    expect(out.match(/http:\/\//g)).toHaveLength(1);
    const cookie = await login(url);
    expect((await raw(`${new URL(url).origin}/api/queue`, { headers: { cookie } })).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('steward review: stopped.');
    await expect(raw(`${new URL(url).origin}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
