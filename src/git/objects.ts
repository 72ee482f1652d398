import { GitStoreError } from './errors.js';
import type { Repo } from './repo.js';

/** A parsed commit, in the shape callers have always read (isomorphic-git's, which this replaced). */
export interface CommitObject {
  tree: string;
  parent: string[];
  author: Person;
  committer: Person;
  message: string;
  gpgsig?: string;
}

export interface Person {
  name: string;
  email: string;
  timestamp: number;
  /** Minutes, as Date#getTimezoneOffset gives them (UTC+2 is -120). */
  timezoneOffset: number;
}

/** A commit, read through the handle's cat-file process and parsed once per handle. */
export async function readCommitMemo(repo: Repo, oid: string): Promise<CommitObject> {
  let commit = repo.objects.commits.get(oid);
  if (!commit) {
    const object = await repo.reader.read(oid);
    if (!object) throw new GitStoreError('MISSING_OBJECT', `commit ${oid} is missing from the object store`, { oid });
    if (object.type !== 'commit')
      throw new GitStoreError('NOT_A_COMMIT', `${oid} is a ${object.type}, not a commit`, { oid, type: object.type });
    commit = parseCommit(object.content);
    repo.objects.commits.set(oid, commit);
  }
  return commit;
}

/** As isomorphic-git's GitCommit.parse did: headers (continuation lines joined), then the normalised message. */
export function parseCommit(raw: Buffer): CommitObject {
  const text = raw.toString('utf8');
  const blank = text.indexOf('\n\n');
  const lines = text.slice(0, blank).split('\n');
  const headers: string[] = [];
  for (const line of lines) {
    if (line[0] === ' ') headers[headers.length - 1] += '\n' + line.slice(1);
    else headers.push(line);
  }
  const keyOf = (h: string): string => h.slice(0, h.indexOf(' '));
  const headerValue = (h: string): string => h.slice(h.indexOf(' ') + 1);
  if (headers.length === 0 || keyOf(headers[0]) !== 'tree')
    throw new Error('malformed commit: tree is not its first header');
  const out: Record<string, unknown> = { message: normalizeNewlines(text.slice(blank + 2)), parent: [] as string[] };
  out.tree = headerValue(headers[0]);
  let i = 1;
  for (; i < headers.length && keyOf(headers[i]) === 'parent'; i++)
    (out.parent as string[]).push(headerValue(headers[i]));
  const seen = new Set(['tree', 'parent']);
  for (; i < headers.length; i++) {
    const key = keyOf(headers[i]);
    if (seen.has(key)) continue;
    seen.add(key);
    out[key] = headerValue(headers[i]);
  }
  if (typeof out.author === 'string') out.author = parsePerson(out.author);
  if (typeof out.committer === 'string') out.committer = parsePerson(out.committer);
  return out as unknown as CommitObject;
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r/g, '').replace(/^\n+/, '').replace(/\n+$/, '') + '\n';
}

function parsePerson(value: string): { name: string; email: string; timestamp: number; timezoneOffset: number } {
  const match = /^(.*) <(.*)> (.*) (.*)$/.exec(value);
  if (!match) throw new Error(`malformed commit signature: ${value}`);
  const zone = /(\+|-)(\d\d)(\d\d)/.exec(match[4]);
  if (!zone) throw new Error(`malformed commit time zone: ${match[4]}`);
  const minutes = (zone[1] === '+' ? 1 : -1) * (Number(zone[2]) * 60 + Number(zone[3]));
  // isomorphic-git stores the offset negated, keeping +0000 as 0 (not -0).
  return {
    name: match[1],
    email: match[2],
    timestamp: Number(match[3]),
    timezoneOffset: minutes === 0 ? minutes : -minutes,
  };
}

/** The blob (or folder) at `path` ('a/b/c.json') under the tree `treeOid`, or undefined when absent. */
export async function entryAtPath(
  repo: Repo,
  treeOid: string,
  path: string,
): Promise<{ oid: string; type: 'blob' | 'tree' | 'commit' } | undefined> {
  const segments = path.split('/');
  let current = treeOid;
  for (let i = 0; i < segments.length; i++) {
    const key = (await treeKeys(repo, current)).get(segments[i]);
    if (!key) return undefined;
    const oid = oidOfKey(key);
    if (i === segments.length - 1) return { oid, type: isTreeKey(key) ? 'tree' : isFileKey(key) ? 'blob' : 'commit' };
    if (!isTreeKey(key)) return undefined;
    current = oid;
  }
  return undefined;
}

/**
 * A tree as name → "mode oid" keys, for comparing two versions of a folder: a plain scan of the raw
 * object (no hex, no per-entry objects), memoised per handle.
 */
export async function treeKeys(repo: Repo, oid: string): Promise<Map<string, string>> {
  let keys = repo.objects.treeKeys.get(oid);
  if (!keys) {
    const object = await repo.reader.read(oid);
    if (object?.type !== 'tree')
      throw new GitStoreError('MISSING_OBJECT', `tree ${oid} is missing from the object store`, { oid });
    keys = scanTree(object.content, repo.objectFormat === 'sha256' ? 32 : 20);
    repo.objects.treeKeys.set(oid, keys);
  }
  return keys;
}

/** Entries are `<mode> <name>\0<20-byte oid>`, one after another. */
export function scanTree(raw: Buffer, hashBytes = 20): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < raw.length) {
    const space = raw.indexOf(0x20, at);
    const nul = raw.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 1 + hashBytes > raw.length) throw new Error('malformed tree object');
    out.set(
      raw.toString('utf8', space + 1, nul),
      raw.toString('latin1', at, space) + ' ' + raw.toString('latin1', nul + 1, nul + 1 + hashBytes),
    );
    at = nul + 1 + hashBytes;
  }
  return out;
}

export function isTreeKey(key: string | undefined): boolean {
  return key?.startsWith('40000 ') === true;
}

/** A regular file, an executable one, or a symlink (not a submodule's commit). */
export function isFileKey(key: string): boolean {
  return key.startsWith('100') || key.startsWith('120000 ');
}

export function oidOfKey(key: string): string {
  return Buffer.from(key.slice(key.indexOf(' ') + 1), 'latin1').toString('hex');
}
