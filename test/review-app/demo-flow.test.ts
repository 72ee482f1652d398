import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { type ReviewServer, startReviewServer } from '../../src/review-app/server.js';
import { requireReviewer } from '../../src/review/reviewer.js';
import { runCli } from '../helpers/cli.js';
import { gitCli } from '../helpers/git.js';
import { readAllLabels } from '../../src/store/read.js';
import { HAS_CHROMIUM, type OpenBrowser, launchChromium } from './browser.js';
import { BRANCH, demoReviewBenchmark } from './fixture.js';
import { reviewFiveByKeyboard } from './keyboard-flow.js';

const DECISION = { approve: 'approve', amend: 'amend', na: 'amend', reject: 'reject' } as const;

describe.skipIf(!HAS_CHROMIUM)('steward review in headless Chromium, on the demo split', () => {
  let server: ReviewServer | undefined;
  let browser: OpenBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    await server?.close();
    browser = server = undefined;
  });

  it(
    'five items by keyboard: approve, amend, N/A, keep previous, skip; check then reports exactly those sign-offs, ' +
      'all verifying',
    async () => {
      const { dir, keyA } = await demoReviewBenchmark();
      expect(gitCli(dir, ['branch', '--show-current']).trim()).toBe(BRANCH);
      server = await startReviewServer({
        dir,
        reviewer: await requireReviewer(dir, 'dr-a'),
        keyPath: keyA,
        blind: false,
        undoMs: 200,
      });
      browser = await launchChromium();
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(server.url);
      expect(new URL(page.url()).search).toBe(''); // the token is spent and gone from the address bar
      await page.getByTestId('progress').filter({ hasText: '0 of 6 done' }).waitFor();

      const steps = await reviewFiveByKeyboard(page);
      await page.getByTestId('progress').filter({ hasText: '4 of 6 done' }).waitFor();
      await page
        .getByTestId('message')
        .filter({ hasText: /commit [0-9a-f]{10}/ })
        .waitFor();
      expect(errors).toEqual([]);

      const signed = steps.filter((s) => s.action !== 'skip');
      const labels = new Map((await readAllLabels(dir)).map((e) => [e.label.id, e.label]));
      for (const s of signed) {
        const mine = labels.get(s.id)!.signoffs.filter((x) => x.reviewer === 'dr-a');
        expect(mine, s.id).toHaveLength(1);
        expect(mine[0].decision, s.id).toBe(DECISION[s.action as keyof typeof DECISION]);
        if (s.action === 'amend')
          expect(mine[0]).toMatchObject({
            value: s.typed,
            note: 'error category: extraction-error; recomputed from the admission weight',
          });
        if (s.action === 'na')
          expect(mine[0]).toMatchObject({
            value: 'N/A',
            parsedValue: null,
            note: 'incomputable: several values over time',
          });
      }
      const check = await runCheck({ dir });
      const byDrA = check.labels.flatMap((l) =>
        l.signoffs.filter((s) => s.reviewer === 'dr-a').map((s) => ({ id: l.id, ...s })),
      );
      expect(byDrA.map((s) => [s.id, s.decision]).sort()).toEqual(
        signed.map((s) => [s.id, DECISION[s.action as keyof typeof DECISION]]).sort(),
      );
      for (const s of byDrA)
        expect({ id: s.id, valid: s.signatureValid, stale: s.stale }).toEqual({ id: s.id, valid: true, stale: false });
      // The gate: the approved and amended relabels pass, the rejected one is blocked, the skipped and the sixth still
      // need a physician.
      const problems = Object.fromEntries(
        check.labels.filter((l) => l.needsSignoff).map((l) => [l.id, l.problems.map((p) => p.code)]),
      );
      for (const s of steps)
        expect(problems[s.id], s.id).toEqual(
          s.action === 'reject' ? ['rejected', 'missing-signoff'] : s.action === 'skip' ? ['missing-signoff'] : [],
        );
      const cli = await runCli(['check', '--dir', dir, '--json']);
      expect(cli.code).toBe(1);
      // One commit per decision, on the relabel branch, each through signLabels ("Sign off <id>: <decision> by dr-a").
      const log = gitCli(dir, ['log', '--format=%s', '-4']).trim().split('\n').reverse();
      expect(log).toEqual(
        signed.map((s) => `Sign off ${s.id}: ${DECISION[s.action as keyof typeof DECISION]} by dr-a`),
      );
      expect(gitCli(dir, ['status', '--porcelain']).trim()).toBe('');
    },
  );
});
