/**
 * Benchmark of the review page on the real benchmark, in Debian's headless Chromium:
 *
 *   npx tsx bench/review.ts [--items 20] [--decisions 10]
 *
 * Setup (not timed): the 1,047 labels of MedCalc-Bench v1.0 from ../shared imported into a temp folder,
 * released as v1.0.0, the stewardship corrections proposed on a branch (279 relabels), a physician
 * registered. Then, with the server in this process:
 *   open item   after the queue has loaded, a click on a queue entry until its note, entities and
 *               traces are on screen (page → GET /api/item → render). Target < 300 ms.
 *   decision    `a`, Ctrl+Enter (no undo window) until the page shows the commit id: the POST, the
 *               sign-off through signLabels (read the labels, sign, validate, write, commit). Target < 1 s.
 * Each is compared with git doing the like work in the same run: `git cat-file -p HEAD:<label>` for
 * reading one label, and `git add <label> && git commit` of one changed label file for a decision.
 * Prints min / median / max and writes them into docs/review.md between the bench markers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';
import { createTag, openRepo } from '../src/git/index.js';
import { importMedcalcBench } from '../src/importers/import-medcalc.js';
import { proposeBatch } from '../src/propose/propose-batch.js';
import { startReviewServer } from '../src/review-app/server.js';
import { requireReviewer } from '../src/review/reviewer.js';
import { launchChromium } from '../test/review-app/browser.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.STEWARD_SHARED ?? resolve(REPO, '..', 'shared');
const DOC = join(REPO, 'docs', 'review.md');

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function cli(argv: string[]): Promise<void> {
  let err = '';
  const code = await main(argv, { out: () => {}, err: (t) => (err += t), isTTY: false });
  if (code !== 0) throw new Error(`steward ${argv.join(' ')}: ${err}`);
}

function stats(xs: number[]): { min: number; median: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

async function run(): Promise<void> {
  const itemsN = arg('items', 20);
  const decisionsN = arg('decisions', 10);
  process.env.GIT_AUTHOR_NAME ??= 'Bench Steward';
  process.env.GIT_AUTHOR_EMAIL ??= 'bench@example.org';
  const work = mkdtempSync(join(tmpdir(), 'steward-bench-review-'));
  const browser = await launchChromium();
  try {
    await cli(['init', 'bench', '--dir', work]);
    const dir = join(work, 'bench');
    await importMedcalcBench({
      dir,
      source: join(SHARED, 'medcalc-bench', 'v1.0', 'test_data.csv'),
      split: 'test',
      sourceVersion: '1.0',
    });
    await createTag(await openRepo({ dir }), {
      name: 'v1.0.0',
      message: 'release 1.0.0',
      tagger: { name: 'Bench', email: 'bench@example.org' },
    });
    const key = join(work, 'dr-bench.pem');
    await cli(['keygen', '--out', key, '--dir', dir]);
    await cli([
      'reviewer',
      'add',
      'dr-bench',
      '--name',
      'Dr Bench',
      '--role',
      'physician',
      '--specialty',
      'anesthesiology',
      '--key',
      key,
      '--dir',
      dir,
    ]);
    await proposeBatch({
      dir,
      file: join(SHARED, 'medcalc-stewardship', 'data', 'medcalc_v1_corrected.csv'),
      verifier: 'stewardship-pipeline',
      branch: 'relabel/stewardship-v1',
    });
    const files = execFileSync('git', ['ls-files', 'labels'], { cwd: dir, encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter((f) => f.endsWith('.json'));
    const labelCount = files.length;

    const server = await startReviewServer({
      dir,
      reviewer: await requireReviewer(dir, 'dr-bench'),
      keyPath: key,
      blind: false,
      undoMs: 0,
    });
    const page = await browser.context.newPage();
    let t = performance.now();
    await page.goto(server.url);
    await page.getByTestId('progress').filter({ hasText: 'of 279 done' }).waitFor();
    const queueLoad = performance.now() - t;
    const entries = page.getByTestId('queue-item');
    const ids = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));

    const open: number[] = [];
    for (let k = 1; k <= itemsN; k++) {
      const id = ids[k % ids.length];
      t = performance.now();
      await entries.nth(k % ids.length).click();
      await page
        .getByTestId('item-id')
        .filter({ hasText: new RegExp(`^${id}$`) })
        .waitFor();
      await page.getByTestId('trace-reference').waitFor();
      open.push(performance.now() - t);
    }
    const gitRead: number[] = [];
    for (let k = 0; k < itemsN; k++) {
      t = performance.now();
      execFileSync('git', ['cat-file', '-p', `HEAD:${files[k]}`], { cwd: dir });
      gitRead.push(performance.now() - t);
    }

    const decide: number[] = [];
    for (let k = 0; k < decisionsN; k++) {
      await page.getByTestId('item-id').waitFor();
      const before = await page
        .getByTestId('message')
        .textContent()
        .catch(() => '');
      t = performance.now();
      await page.keyboard.press('a');
      await page.keyboard.press('Control+Enter');
      await page
        .getByTestId('message')
        .filter({ hasText: /commit [0-9a-f]{10}/, hasNotText: before || '\u0000' })
        .waitFor();
      decide.push(performance.now() - t);
    }
    await page.close();
    await server.close();

    // git doing a decision's writing: one label file changed, added and committed.
    const gitCommit: number[] = [];
    for (let k = 0; k < decisionsN; k++) {
      const file = join(dir, files[500 + k]);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\n$/, '\n\n'));
      t = performance.now();
      execFileSync('git', ['add', files[500 + k]], { cwd: dir });
      execFileSync('git', ['commit', '-q', '-m', 'bench'], { cwd: dir });
      gitCommit.push(performance.now() - t);
    }
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const o = stats(open);
    const d = stats(decide);
    const gr = stats(gitRead);
    const gc = stats(gitCommit);
    const table = [
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npx tsx bench/review.ts\` on a ${labelCount}-label ` +
        `repository (the real v1.0 test set with the 279 stewardship relabels on a branch), Node ` +
        `${process.version}, Debian Chromium headless, on the shared 2-core machine while other engineers' tests ` +
        `ran (loaded): read the ratios and the minimums rather than the maximums.`,
      '',
      '| what | runs | min | median | max | target | git doing the like work (median) | ratio (median) |',
      '|---|---:|---:|---:|---:|---:|---|---:|',
      `| open an item after the queue loaded (click → note, entities, traces on screen) | ${itemsN} | ` +
        `${ms(o.min)} | ${ms(o.median)} | ${ms(o.max)} | < 300 ms | \`git cat-file -p HEAD:<label>\` ` +
        `${ms(gr.median)} | ${(o.median / gr.median).toFixed(1)}× |`,
      `| a decision committed (a, Ctrl+Enter → commit id on the page) | ${decisionsN} | ${ms(d.min)} | ` +
        `${ms(d.median)} | ${ms(d.max)} | < 1 s | \`git add\` + \`git commit\` of one label ${ms(gc.median)} | ` +
        `${(d.median / gc.median).toFixed(1)}× |`,
      '',
      `The first queue load (the gate over all ${labelCount} labels and the audit of the 279 relabels) took ` +
        `${ms(queueLoad)}. Peak RSS of the server process (with Playwright's driver, not Chromium) ` +
        `${rssMb.toFixed(0)} MB.`,
    ].join('\n');
    console.log(table);
    const doc = readFileSync(DOC, 'utf8');
    const start = '<!-- bench:review -->';
    const end = '<!-- /bench:review -->';
    if (doc.includes(start) && doc.includes(end))
      writeFileSync(
        DOC,
        doc.slice(0, doc.indexOf(start) + start.length) + '\n' + table + '\n' + doc.slice(doc.indexOf(end)),
      );
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await run();
