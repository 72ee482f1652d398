import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import { proposeBatch } from '../../src/propose/propose-batch.js';
import { type ReviewServer, startReviewServer } from '../../src/review-app/server.js';
import { requireReviewer } from '../../src/review/reviewer.js';
import { readAllLabels } from '../../src/store/read.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, tag, useTestIdentity } from '../helpers/git.js';
import { CORRECTED_CSV, HAS_SHARED, V1_CSV } from '../helpers/shared.js';
import { HAS_CHROMIUM, type OpenBrowser, launchChromium } from './browser.js';
import { reviewFiveByKeyboard } from './keyboard-flow.js';

const DECISION = { approve: 'approve', amend: 'amend', na: 'amend', reject: 'reject' } as const;

/** The real v1.0 test set (1,047 labels, released as v1.0.0) with the stewardship corrections proposed on a branch. */
describe.skipIf(!HAS_SHARED || !HAS_CHROMIUM)(
  'steward review in Chromium on the real v1.0 labels with the stewardship proposals',
  () => {
    let work: string;
    let dir: string;
    let keyPath: string;
    let server: ReviewServer | undefined;
    let browser: OpenBrowser | undefined;

    beforeAll(async () => {
      useTestIdentity();
      work = mkdtempSync(join(tmpdir(), 'steward-review-real-'));
      expect((await runCli(['init', 'bench', '--dir', work])).code).toBe(0);
      dir = join(work, 'bench');
      expect((await importMedcalcBench({ dir, source: V1_CSV, split: 'test', sourceVersion: '1.0' })).added).toBe(1047);
      keyPath = join(work, 'dr-lee.pem');
      expect((await runCli(['keygen', '--out', keyPath, '--dir', dir])).code).toBe(0);
      const added = await runCli([
        'reviewer',
        'add',
        'dr-lee',
        '--name',
        'Dr A. Lee',
        '--role',
        'physician',
        '--specialty',
        'anesthesiology',
        '--key',
        keyPath,
        '--dir',
        dir,
      ]);
      expect(added.code, added.err).toBe(0);
      // The gate trusts the reviewers registered at its base: the physician is registered before the tag.
      await tag(dir, 'v1.0.0');
      const batch = await proposeBatch({
        dir,
        file: CORRECTED_CSV,
        verifier: 'stewardship-pipeline',
        branch: 'relabel/stewardship-v1',
        now: '2026-01-22T00:00:00.000Z',
      });
      expect(batch.relabeled.length + batch.incomputable.length).toBe(279);
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    afterEach(async () => {
      await browser?.close();
      await server?.close();
      browser = server = undefined;
    });

    it(
      'the queue is the 279 relabels in triage order; five items by keyboard; check reports exactly those four ' +
        'sign-offs, verifying',
      async () => {
        server = await startReviewServer({
          dir,
          reviewer: await requireReviewer(dir, 'dr-lee'),
          keyPath,
          blind: false,
          undoMs: 200,
        });
        browser = await launchChromium();
        const page = await browser.context.newPage();
        await page.goto(server.url);
        await page.getByTestId('progress').filter({ hasText: '0 of 279 done' }).waitFor();
        const queue = JSON.parse(await page.evaluate('fetch("/api/queue").then((r) => r.text())'));
        const priorities = queue.items.map((i: { priority: number }) => i.priority);
        expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
        await page
          .getByTestId('item-id')
          .filter({ hasText: new RegExp(`^${queue.items[0].id}$`) })
          .waitFor(); // the first item opens by itself
        // The highest-priority item shows its note with evidence marked and the reference trace.
        expect(await page.locator('[data-testid="note"] mark').count()).toBeGreaterThan(0);
        await page.getByTestId('trace-reference').waitFor();

        const steps = await reviewFiveByKeyboard(page);
        expect(steps.map((s) => s.id)).toEqual(queue.items.slice(0, 5).map((i: { id: string }) => i.id));
        await page.getByTestId('progress').filter({ hasText: '4 of 279 done' }).waitFor();

        const signed = steps.filter((s) => s.action !== 'skip');
        const check = await runCheck({ dir });
        const mine = check.labels.flatMap((l) =>
          l.signoffs.filter((s) => s.reviewer === 'dr-lee').map((s) => ({ id: l.id, ...s })),
        );
        expect(mine.map((s) => [s.id, s.decision]).sort()).toEqual(
          signed.map((s) => [s.id, DECISION[s.action as keyof typeof DECISION]]).sort(),
        );
        for (const s of mine)
          expect({ id: s.id, valid: s.signatureValid, stale: s.stale }).toEqual({
            id: s.id,
            valid: true,
            stale: false,
          });
        const failing = new Set(check.labels.filter((l) => l.problems.length > 0).map((l) => l.id));
        expect(failing.size).toBe(279 - 3); // approved, amended, N/A pass; the rejected one and the rest do not
        for (const s of steps)
          expect([s.id, failing.has(s.id)]).toEqual([s.id, s.action === 'reject' || s.action === 'skip']);
        const labels = new Map((await readAllLabels(dir)).map((e) => [e.label.id, e.label]));
        const amended = steps.find((s) => s.action === 'amend')!;
        expect(labels.get(amended.id)!.signoffs.at(-1)).toMatchObject({ decision: 'amend', value: amended.typed });
        expect(gitCli(dir, ['log', '--format=%s', '-4']).trim().split('\n').reverse()).toEqual(
          signed.map((s) => `Sign off ${s.id}: ${DECISION[s.action as keyof typeof DECISION]} by dr-lee`),
        );
      },
    );
  },
);
