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
  const segments = path.split('/').map((name) => Buffer.from(name).toString('latin1'));
  let current = treeOid;
  for (let i = 0; i < segments.length; i++) {
    const tree = await readTreeMemo(repo, current);
    const at = Math.max(tree.find(segments[i]), tree.find(segments[i] + '/'));
    if (at < 0) return undefined;
    const mode = tree.mode(at);
    const type = mode === '40000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    if (i === segments.length - 1) return { oid: tree.oid(at)!, type };
    if (type !== 'tree') return undefined;
    current = tree.oid(at)!;
  }
  return undefined;
}

/** A tree, read through the handle's cat-file process, memoised per handle. */
export async function readTreeMemo(repo: Repo, oid: string): Promise<RawTree> {
  let tree = repo.objects.trees.get(oid);
  if (!tree) {
    const object = await repo.reader.read(oid);
    if (object?.type !== 'tree')
      throw new GitStoreError('MISSING_OBJECT', `tree ${oid} is missing from the object store`, { oid });
    tree = new RawTree(object.content, repo.objectFormat === 'sha256' ? 32 : 20);
    repo.objects.trees.set(oid, tree);
  }
  return tree;
}

/**
 * A raw tree object: its `<mode> <name>\0<oid>` entries found by the NUL that ends each name, and
 * looked up by binary search in git's order (by name, a folder's name read as if it ended in '/').
 * Names are compared as latin1 strings of their bytes, whose order is byte order.
 */
export class RawTree {
  private readonly starts: number[] = [];

  constructor(
    private readonly raw: Buffer,
    private readonly hashBytes: number,
  ) {
    for (let at = 0; at < raw.length; ) {
      this.starts.push(at);
      at = raw.indexOf(0, at) + 1 + hashBytes;
      if (at <= hashBytes || at > raw.length) throw new Error('malformed tree object');
    }
    this.starts.push(raw.length);
  }

  private key(i: number): string {
    const space = this.raw.indexOf(0x20, this.starts[i]);
    const name = this.raw.toString('latin1', space + 1, this.starts[i + 1] - this.hashBytes - 1);
    // Only a folder's mode ("40000") starts with a 4.
    return this.raw[this.starts[i]] === 0x34 ? name + '/' : name;
  }

  /** The first entry whose key is not below `key`. */
  private lowerBound(key: string): number {
    let [low, high] = [0, this.starts.length - 1];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.key(mid) < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The entry with this key, or -1. */
  find(key: string): number {
    const i = this.lowerBound(key);
    return i < this.starts.length - 1 && this.key(i) === key ? i : -1;
  }

  oid(i: number): string | null {
    return i < 0 ? null : this.raw.toString('hex', this.starts[i + 1] - this.hashBytes, this.starts[i + 1]);
  }

  mode(i: number): string {
    return this.raw.toString('latin1', this.starts[i], this.raw.indexOf(0x20, this.starts[i]));
  }

  /**
   * The tree with `changes` applied: the entries of a changed name dropped, new ones inserted in order,
   * the rest copied.
   */
  splice(changes: Map<string, { mode: string; oid: string } | null>): Buffer {
    const ops: Array<{ at: number; key: string; bytes?: Buffer }> = [];
    for (const [name, entry] of changes) {
      for (const at of [this.find(name), this.find(name + '/')]) if (at >= 0) ops.push({ at, key: '\uffff' });
      if (!entry) continue;
      const key = entry.mode === '40000' ? name + '/' : name;
      const bytes = Buffer.concat([Buffer.from(`${entry.mode} ${name}\0`, 'latin1'), Buffer.from(entry.oid, 'hex')]);
      ops.push({ at: this.lowerBound(key), key, bytes });
    }
    // By position; at one position the inserts by key, then the drop of the entry there (its key sorts last).
    ops.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
    const parts: Buffer[] = [];
    let copied = 0;
    for (const { at, bytes } of ops) {
      parts.push(this.raw.subarray(this.starts[copied], this.starts[at]), ...(bytes ? [bytes] : []));
      copied = bytes ? at : at + 1;
    }
    parts.push(this.raw.subarray(this.starts[copied]));
    return Buffer.concat(parts);
  }
}
