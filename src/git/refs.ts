import { GitStoreError } from './errors.js';
import { runGit } from './exec.js';
import type { Repo } from './repo.js';

/** The ref name that means "the files on disk" wherever a ref is accepted (as does leaving it out). */
export const WORKTREE = 'WORKTREE';

export type ResolvedRef = { kind: 'worktree' } | { kind: 'commit'; oid: string };

/**
 * What a ref names: a tag (annotated or lightweight, peeled to its commit), a branch, a full or short
 * commit oid, `HEAD`, any of those followed by `~n` / `^n`, or the working tree (`WORKTREE` or
 * undefined).
 */
export async function resolveRef(repo: Repo, ref: string | undefined): Promise<ResolvedRef> {
  if (ref === undefined || ref === WORKTREE) return { kind: 'worktree' };
  return { kind: 'commit', oid: await resolveCommit(repo, ref) };
}

/**
 * The commit oid a ref names; the working tree is refused (UNKNOWN_REF), since it has no commit.
 * git resolves it (cat-file's revision parser: refs, packed refs, short oids, `~n`/`^n`), so what a
 * name means here is what it means to `git rev-parse`.
 */
export async function resolveCommit(repo: Repo, ref: string): Promise<string> {
  const match = /^(.*?)((?:[~^]\d*)*)$/.exec(ref);
  const base = match?.[1] ?? '';
  const suffix = match?.[2] ?? '';
  if (!isPlausibleRef(base)) throw unknownRef(ref, 'not a ref name');
  const named = await repo.reader.info(base);
  if (!named) throw unknownRef(ref, 'no such tag, branch or commit');
  let oid = named.oid;
  if (named.type !== 'commit') {
    const peeled = named.type === 'tag' ? await repo.reader.info(`${oid}^{commit}`) : null;
    if (!peeled) {
      const type = named.type === 'tag' ? ((await repo.reader.info(`${oid}^{}`))?.type ?? 'tag') : named.type;
      throw new GitStoreError('NOT_A_COMMIT', `${ref} names a ${type}, not a commit`, { ref, oid, type });
    }
    oid = peeled.oid;
  }
  if (suffix === '') return oid;
  const walked = await repo.reader.info(`${oid}${suffix}`);
  if (!walked) throw unknownRef(ref, 'history is shorter than that');
  return walked.oid;
}

/** Anything git would read as more than a name (a path `a:b`, a range, an option) is refused outright. */
function isPlausibleRef(ref: string): boolean {
  return (
    ref.length > 0 &&
    !ref.includes('..') &&
    !ref.startsWith('/') &&
    !ref.startsWith('-') &&
    !/[\s\\:?*[\x00-\x1f\x7f]/.test(ref)
  );
}

function unknownRef(ref: string, reason: string): GitStoreError {
  return new GitStoreError('UNKNOWN_REF', `unknown ref "${ref}": ${reason}`, { ref, reason });
}

/**
 * The ref a commit moves (the branch HEAD points at, or HEAD itself when detached) and its commit,
 * read fresh from disk (never from the long-lived reader): this is the old value of a
 * compare-and-swap.
 */
export async function readHead(repo: Repo): Promise<{ ref: string; oid: string | null }> {
  const symbolic = await runGit(repo.dir, ['symbolic-ref', '-q', 'HEAD'], { okCodes: [1] });
  const ref = symbolic.code === 0 ? symbolic.stdout.toString('utf8').trim() : 'HEAD';
  const head = await runGit(repo.dir, ['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { okCodes: [1] });
  return { ref, oid: head.code === 0 ? head.stdout.toString('utf8').trim() : null };
}

/**
 * Move `ref` from `expected` (null: it must not exist yet) to `next`, or refuse with REF_MOVED when
 * someone moved it in between: git's update-ref checks the old value under the ref's lock.
 */
export async function updateRefChecked(
  repo: Repo,
  ref: string,
  next: string,
  expected: string | null,
  reason: string,
): Promise<void> {
  const old = expected ?? '0'.repeat(next.length);
  const out = await runGit(repo.dir, ['update-ref', '-m', reason, ref, next, old], { okCodes: [128, 1] });
  if (out.code === 0) return;
  const now = await runGit(repo.dir, ['rev-parse', '-q', '--verify', ref], { okCodes: [1] });
  const actual = now.code === 0 ? now.stdout.toString('utf8').trim() : null;
  throw new GitStoreError(
    'REF_MOVED',
    `${ref} moved while this command ran (expected ${expected ?? 'no ref'}, found ${actual ?? 'no ref'}); ` +
      `nothing was overwritten, run the command again`,
    { ref, expected, actual, stderr: out.stderr.trim() },
  );
}
