import { spawn } from 'node:child_process';
import type { CliIO } from '../cli/io.js';
import { checkoutBranch, currentBranch, openRepo } from '../git/index.js';
import { requireReviewer } from '../review/reviewer.js';
import { reviewerSigningKey } from '../review/signing-key.js';
import { type ReviewServerOptions, startReviewServer } from './server.js';
import type { ReviewServiceOptions } from './service.js';

export interface PrepareReviewOptions extends Omit<ReviewServiceOptions, 'reviewer'> {
  reviewer?: string;
  branch?: string;
}

/**
 * Everything that can fail checked before the server starts: the branch checked out, the reviewer
 * registered, the key theirs (a page that could not sign would waste a physician's hour).
 */
export async function prepareReview(o: PrepareReviewOptions): Promise<ReviewServiceOptions> {
  if (o.branch) {
    const repo = await openRepo({ dir: o.dir });
    if ((await currentBranch(repo)) !== o.branch) await checkoutBranch(repo, { name: o.branch });
  }
  const reviewer = o.reviewer ? await requireReviewer(o.dir, o.reviewer) : undefined;
  if (reviewer && o.keyPath) await reviewerSigningKey(reviewer, o.keyPath, o.dir);
  const { branch: _branch, reviewer: _id, ...rest } = o;
  return { ...rest, ...(reviewer ? { reviewer } : {}) };
}

/** Serves until Ctrl-C (SIGINT) or SIGTERM, then closes every connection and returns 0. */
export async function serveUntilSignal(
  options: ReviewServerOptions,
  io: CliIO,
  { open }: { open: boolean },
): Promise<number> {
  const server = await startReviewServer(options);
  io.out(
    `steward review: ` +
      `${options.reviewer ? `signing as ${options.reviewer.id}` : 'read only'}${options.blind ? ', blind' : ''}; ` +
      `Ctrl-C stops it.\n`,
  );
  io.out(`Open this URL in your browser (it works once):\n\n    ${server.url}\n\n`);
  if (open) openBrowser(server.url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  io.out('steward review: stopped.\n');
  return 0;
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}
