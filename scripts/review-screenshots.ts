/**
 * Screenshots of the review page for docs/review.md, taken in Debian's headless Chromium on the demo
 * split (this project's own synthetic labels) with the demo verifier's proposals:
 *
 *   npx tsx scripts/review-screenshots.ts        → docs/review/queue.png, item.png, blind.png, panel.png
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startReviewServer } from '../src/review-app/server.js';
import { requireReviewer } from '../src/review/reviewer.js';
import { signLabels } from '../src/review/sign-labels.js';
import { launchChromium } from '../test/review-app/browser.js';
import { buildDemoReviewBenchmark } from '../test/review-app/demo-bench.js';

const OUT = resolve(import.meta.dirname, '..', 'docs', 'review');

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'steward-shots-'));
  const browser = await launchChromium();
  try {
    const { dir, keyA, keyB } = await buildDemoReviewBenchmark(work);
    // Two physicians on two items, so the adjudication panel has something to show.
    await signLabels({ dir, ids: ['demo-0003'], reviewer: 'dr-b', keyPath: keyB, decision: 'approve', value: '4' });
    await signLabels({ dir, ids: ['demo-0003'], reviewer: 'dr-a', keyPath: keyA, decision: 'approve', value: '4' });
    await signLabels({
      dir,
      ids: ['demo-0012'],
      reviewer: 'dr-b',
      keyPath: keyB,
      decision: 'amend',
      value: '318',
      note: 'glucose converted',
    });
    await signLabels({ dir, ids: ['demo-0012'], reviewer: 'dr-a', keyPath: keyA, decision: 'reject', value: '290' });
    const reviewer = await requireReviewer(dir, 'dr-a');
    for (const blind of [false, true]) {
      const server = await startReviewServer({ dir, reviewer, keyPath: keyA, blind });
      const page = await browser.context.newPage();
      await page.goto(server.url);
      await page.getByTestId('item-id').waitFor();
      if (!blind) {
        await page.getByTestId('queue-item').filter({ hasText: 'demo-0001' }).click();
        await page.getByTestId('item-id').filter({ hasText: 'demo-0001' }).waitFor();
        await page.keyboard.press('e');
        await page.getByTestId('value-number').pressSequentially('27.8');
        await page.getByTestId('category').selectOption('extraction-error');
        await page.setViewportSize({ width: 1280, height: 1500 });
        await page.evaluate('document.querySelector("main").scrollTo(0, 0)');
        await page.screenshot({ path: join(OUT, 'item.png') });
        await page.getByTestId('queue-item').first().click();
        await page.setViewportSize({ width: 1280, height: 520 });
        await page.screenshot({ path: join(OUT, 'queue.png') });
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.getByTestId('panel-tab').click();
        await page.getByTestId('panel').waitFor();
        await page.screenshot({ path: join(OUT, 'panel.png') });
      } else {
        await page.getByTestId('blind-form').waitFor();
        await page.screenshot({ path: join(OUT, 'blind.png') });
      }
      await page.close();
      await server.close();
    }
    console.log(`screenshots in ${OUT}`);
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
