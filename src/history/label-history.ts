import { inputError } from '../errors/index.js';
import {
  fileHistory,
  isGitStoreError,
  listTags,
  openRepo,
  readFileTextsAt,
  tagsContainingCommit,
} from '../git/index.js';
import type { Label } from '../label/types.js';
import { type FieldChange, diffLabel } from '../diff/label-diff.js';
import { worktreeLabelPath } from './find-label.js';

export interface HistoryEntry {
  commit: string;
  date: string;
  author: string;
  message: string;
  change: 'added' | 'modified' | 'removed';
  fields: FieldChange[];
  answer: Label['answer'] | null;
  status: Label['status'] | null;
  category: string | null;
  rationale: string | null;
  signoffsAdded: Label['signoffs'];
  /** Release tags that contain this state of the label. */
  tags: string[];
}

export interface LabelHistory {
  id: string;
  path: string;
  entries: HistoryEntry[];
}

/** Every commit that changed one label, newest first, with the semantic change and the releases containing it. */
export async function labelHistory(options: { dir: string; id: string; ref?: string }): Promise<LabelHistory> {
  const repo = await openRepo({ dir: options.dir });
  const path =
    (await worktreeLabelPath(options.dir, options.id)) ?? (await pathAtRef(repo, options.id, options.ref ?? 'HEAD'));
  if (!path)
    throw inputError('UNKNOWN_LABEL', `no label "${options.id}" in the working tree or at ${options.ref ?? 'HEAD'}`, {
      id: options.id,
    });
  const versions = await fileHistory(repo, { path, ref: options.ref ?? 'HEAD' });
  const tags = await listTags(repo);
  const entries: HistoryEntry[] = [];
  for (let k = 0; k < versions.length; k++) {
    const v = versions[k];
    const older = versions[k + 1];
    const before = older?.text ? (JSON.parse(older.text) as Label) : null;
    const after = v.text ? (JSON.parse(v.text) as Label) : null;
    const d = diffLabel(path, before, after);
    const containing = await tagsContainingCommit(repo, { commit: v.oid, tags });
    // A state is in a release when the tag contains this commit but not the next change of the label.
    const newer = versions[k - 1];
    const superseded = newer
      ? new Set((await tagsContainingCommit(repo, { commit: newer.oid, tags })).map((t) => t.name))
      : new Set<string>();
    const beforeSignoffs = new Set(before?.signoffs.map((s) => s.signature) ?? []);
    entries.push({
      commit: v.oid,
      date: v.date,
      author: `${v.author.name} <${v.author.email}>`,
      message: v.message.trim(),
      change: d.change,
      fields: d.fields,
      answer: after?.answer ?? null,
      status: after?.status ?? null,
      category: after?.revision?.category ?? null,
      rationale: after?.revision?.rationale ?? null,
      signoffsAdded: after?.signoffs.filter((s) => !beforeSignoffs.has(s.signature)) ?? [],
      tags: containing.map((t) => t.name).filter((n) => !superseded.has(n)),
    });
  }
  if (entries.length === 0)
    throw inputError('UNKNOWN_LABEL', `label "${options.id}" (${path}) has no committed history`, {
      id: options.id,
      path,
    });
  return { id: options.id, path, entries };
}

async function pathAtRef(
  repo: Awaited<ReturnType<typeof openRepo>>,
  id: string,
  ref: string,
): Promise<string | undefined> {
  // A repository without commits has no HEAD yet: then the label simply is not there.
  const files = await readFileTextsAt(repo, { ref }).catch((error) => {
    if (isGitStoreError(error, 'UNKNOWN_REF') && ref === 'HEAD') return new Map<string, string>();
    throw error;
  });
  return [...files.keys()].find((p) => p.endsWith(`/${id}.json`));
}
