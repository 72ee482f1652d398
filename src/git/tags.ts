import git from 'isomorphic-git';
import { GitStoreError, isoGitCode } from './errors.js';
import { type Identity, resolveIdentity } from './identity.js';
import { checkRefName } from './names.js';
import { readCommitMemo } from './objects.js';
import { resolveCommit } from './refs.js';
import { type Repo, gitArgs } from './repo.js';

export interface CreateTagOptions {
  name: string;
  message: string;
  /** What to tag (default HEAD); peeled to a commit. */
  ref?: string;
  /** Default: the repository's config identity. */
  tagger?: Identity;
}

export interface TagInfo {
  name: string;
  /** The commit the tag names, peeled. */
  commit: string;
  annotated: boolean;
  /** The tag object's oid (annotated tags only). */
  oid?: string;
  message?: string;
  tagger?: { name: string; email: string };
  /** ISO 8601 (annotated tags only). */
  date?: string;
}

/** Create an annotated tag (TAG_EXISTS when the name is taken); returns what `listTags` would say of it. */
export async function createTag(repo: Repo, { name, message, ref = 'HEAD', tagger }: CreateTagOptions): Promise<TagInfo> {
  checkRefName(name, 'tag');
  const commit = await resolveCommit(repo, ref);
  const existing = await tagTarget(repo, name);
  if (existing) throw new GitStoreError('TAG_EXISTS', `tag ${name} already exists`, { name, oid: existing });
  const signature = await resolveIdentity(repo, tagger, 'tagger');
  await git.annotatedTag({ ...gitArgs(repo), ref: name, message: message.endsWith('\n') ? message : message + '\n', object: commit, tagger: signature });
  return describeTag(repo, name);
}

/** Every tag with the commit it names, sorted by name with numbers compared as numbers (v1.10 after v1.9). */
export async function listTags(repo: Repo): Promise<TagInfo[]> {
  const names = await git.listTags({ ...gitArgs(repo) });
  const tags = await Promise.all(names.map((name) => describeTag(repo, name)));
  return tags.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

async function describeTag(repo: Repo, name: string): Promise<TagInfo> {
  const oid = await tagTarget(repo, name);
  if (!oid) throw new GitStoreError('UNKNOWN_REF', `no tag named ${name}`, { ref: name, reason: 'no such tag' });
  const object = await git.readObject({ ...gitArgs(repo), oid, format: 'parsed' });
  if (object.format !== 'parsed' || object.type !== 'tag') {
    return { name, commit: await resolveCommit(repo, oid), annotated: false };
  }
  const tag = object.object;
  return {
    name,
    commit: await resolveCommit(repo, oid),
    annotated: true,
    oid,
    message: tag.message,
    tagger: { name: tag.tagger.name, email: tag.tagger.email },
    date: new Date(tag.tagger.timestamp * 1000).toISOString(),
  };
}

async function tagTarget(repo: Repo, name: string): Promise<string | undefined> {
  try {
    return await git.resolveRef({ ...gitArgs(repo), ref: `refs/tags/${name}` });
  } catch (error) {
    if (isoGitCode(error) === 'NotFoundError') return undefined;
    throw error;
  }
}

export interface TagsContainingOptions {
  /** A commit (any ref). */
  commit: string;
  /** The tags to consider (default: listTags). */
  tags?: readonly TagInfo[];
}

/**
 * The tags whose commit is `commit` or descends from it: the releases that include that change.
 * Each tag's ancestry is walked once per handle and kept, since history below a commit never changes.
 */
export async function tagsContainingCommit(repo: Repo, { commit, tags }: TagsContainingOptions): Promise<TagInfo[]> {
  const target = await resolveCommit(repo, commit);
  const out: TagInfo[] = [];
  for (const tag of tags ?? (await listTags(repo))) {
    if (tag.commit === target || (await ancestry(repo, tag.commit)).has(target)) out.push(tag);
  }
  return out;
}

/** Every commit reachable from `oid`, itself included. */
async function ancestry(repo: Repo, oid: string): Promise<Set<string>> {
  const known = repo.objects.ancestry.get(oid);
  if (known) return known;
  const seen = new Set<string>([oid]);
  const queue = [oid];
  while (queue.length > 0) {
    const next = queue.pop()!;
    for (const parent of (await readCommitMemo(repo, next)).parent) {
      const cached = repo.objects.ancestry.get(parent);
      if (cached) {
        for (const c of cached) seen.add(c);
      } else if (!seen.has(parent)) {
        seen.add(parent);
        queue.push(parent);
      }
    }
  }
  repo.objects.ancestry.set(oid, seen);
  return seen;
}
