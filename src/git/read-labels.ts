import { normalizePrefix } from './prefix.js';
import type { Repo } from './repo.js';
import { streamLabelsAt } from './stream-labels.js';

export interface ReadLabelsOptions {
  /** Tag, branch, commit, `HEAD`; `WORKTREE` or undefined reads the files on disk. */
  ref?: string;
  /** The folder to read (default `labels`). */
  prefix?: string;
}

export interface ReadLabelsParsedOptions<T> extends ReadLabelsOptions {
  /** Turns each file's text into a value (JSON.parse, a validator...); it runs once per file. */
  parse: (text: string, path: string) => T;
}

/**
 * Every file under `prefix` at a commit or in the working tree (tracked, or untracked and not
 * ignored), keyed by repository path in git's tree order: streamLabelsAt gathered into a map. Names
 * starting with a dot are not labels and are left out. Callers that do not need them all at once
 * should use streamLabelsAt.
 */
export function readFileTextsAt<T>(repo: Repo, options: ReadLabelsParsedOptions<T>): Promise<Map<string, T>>;
export function readFileTextsAt(repo: Repo, options: ReadLabelsOptions): Promise<Map<string, string>>;
export async function readFileTextsAt<T>(
  repo: Repo,
  { ref, prefix = 'labels', parse }: ReadLabelsOptions & { parse?: (text: string, path: string) => T },
): Promise<Map<string, string | T>> {
  const out = new Map<string, string | T>();
  for await (const { path, bytes } of streamLabelsAt(repo, { ref, prefix: normalizePrefix(prefix) })) {
    const text = bytes.toString('utf8');
    out.set(path, parse ? parse(text, path) : text);
  }
  return out;
}
