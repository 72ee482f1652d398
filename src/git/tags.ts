import { GitStoreError } from './errors.js';
import { runGit } from './exec.js';
import { type Identity, resolveIdentity, signatureEnv } from './identity.js';
import { checkRefName } from './names.js';
import { readCommitMemo } from './objects.js';
import { resolveCommit, updateRefChecked } from './refs.js';
import type { Repo } from './repo.js';

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

/**
 * Create an annotated tag (TAG_EXISTS when the name is taken, even a moment ago by another process:
 * the tag object is written by `git mktag` and the ref created by `update-ref` only if it does not
 * exist yet); returns what `listTags` would say of it.
 */
export async function createTag(
  repo: Repo,
  { name, message, ref = 'HEAD', tagger }: CreateTagOptions,
): Promise<TagInfo> {
  checkRefName(name, 'tag');
  const commit = await resolveCommit(repo, ref);
  const existing = await tagTarget(repo, name);
  if (existing) throw new GitStoreError('TAG_EXISTS', `tag ${name} already exists`, { name, oid: existing });
  const signature = await resolveIdentity(repo, tagger, 'tagger');
  const env = signatureEnv(signature, 'COMMITTER');
  const text = message.endsWith('\n') ? message : message + '\n';
  const body =
    `object ${commit}\ntype commit\ntag ${name}\ntagger ${signature.name} <${signature.email}> ` +
    `${env.GIT_COMMITTER_DATE.slice(1)}\n\n${text}`;
  const oid = (await runGit(repo.dir, ['mktag', '--strict'], { input: body })).stdout.toString('utf8').trim();
  try {
    await updateRefChecked(repo, `refs/tags/${name}`, oid, null, `steward: tag ${name}`);
  } catch (error) {
    if (error instanceof GitStoreError && error.code === 'REF_MOVED')
      throw new GitStoreError('TAG_EXISTS', `tag ${name} already exists`, { name });
    throw error;
  }
  return describeTag(repo, name, oid, 'tag');
}

/** Every tag with the commit it names, sorted by name with numbers compared as numbers (v1.10 after v1.9). */
export async function listTags(repo: Repo): Promise<TagInfo[]> {
  const out = await runGit(repo.dir, [
    'for-each-ref',
    '--format=%(refname)%00%(objectname)%00%(objecttype)',
    'refs/tags/',
  ]);
  const rows = out.stdout
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\0'));
  const tags = await Promise.all(
    rows.map(([ref, oid, type]) => describeTag(repo, ref.slice('refs/tags/'.length), oid, type)),
  );
  return tags.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

async function describeTag(repo: Repo, name: string, oid: string, type: string): Promise<TagInfo> {
  if (type !== 'tag') return { name, commit: await resolveCommit(repo, oid), annotated: false };
  const object = await repo.reader.read(oid);
  if (!object) throw new GitStoreError('MISSING_OBJECT', `tag ${name}: object ${oid} is missing`, { name, oid });
  const text = object.content.toString('utf8');
  const blank = text.indexOf('\n\n');
  const headers = text.slice(0, blank < 0 ? text.length : blank);
  const tagger = /^tagger (.*) <([^>]*)> (\d+) [+-]\d{4}$/m.exec(headers);
  let message = blank < 0 ? '' : text.slice(blank + 2);
  const signed = message.search(/^-----BEGIN (PGP|SSH) SIGNATURE-----$/m);
  if (signed >= 0) message = message.slice(0, signed);
  const info: TagInfo = { name, commit: await resolveCommit(repo, oid), annotated: true, oid, message };
  if (tagger) {
    info.tagger = { name: tagger[1], email: tagger[2] };
    info.date = new Date(Number(tagger[3]) * 1000).toISOString();
  }
  return info;
}

async function tagTarget(repo: Repo, name: string): Promise<string | undefined> {
  const out = await runGit(repo.dir, ['rev-parse', '-q', '--verify', `refs/tags/${name}`], { okCodes: [1] });
  return out.code === 0 ? out.stdout.toString('utf8').trim() : undefined;
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
