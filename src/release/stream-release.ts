import { hash } from 'node:crypto';
import { findingsError, inputError } from '../errors/index.js';
import { type BlobRef, type Repo, listBlobsAt, openRepo, readBlobs } from '../git/index.js';
import type { Label } from '../label/types.js';
import { canonicalJson } from '../store/canonical.js';
import { BlobList } from './blob-list.js';
import { describeManifestDifferences, readReleaseRecord } from './load-labels.js';
import type { ReleaseTrust } from './record-signature.js';
import type { ReadReleaseRecord } from './record.js';

/** One released label as read from git: its parsed content, its file's bytes and its place in the manifest. */
export interface ReleasedLabel {
  /** Parsed on first use (before the next label is asked for: `bytes` is then reused, see readBlobs). */
  readonly label: Label;
  bytes: Buffer;
  /** The label's place in the manifest (record.manifest.items). */
  index: number;
  /** The file's bytes are the label's canonical JSON (as the tool writes them), so its keys are in canonical order. */
  canonical: boolean;
}

export interface ReleaseStream {
  version: string;
  tag: string;
  commit: string;
  record: ReadReleaseRecord;
  /** Who signed the release, checked with the tag against the record (readReleaseRecord). */
  trust: ReleaseTrust;
  /**
   * The labels in manifest order (by id), each verified as it is read: a file whose content hash differs
   * from its item is collected, and RELEASE_MISMATCH is thrown after the last one (missing and extra
   * labels are found before the first is read, from the file names alone). Only one label is in memory
   * at a time, so a consumer that writes each out as it comes holds a constant amount whatever the size.
   */
  labels(): AsyncGenerator<ReleasedLabel>;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A release opened for a streaming read at its tag; nothing but the file list and the record is read yet. */
export async function openRelease(options: { dir: string; version: string; repo?: Repo }): Promise<ReleaseStream> {
  const repo = options.repo ?? (await openRepo({ dir: options.dir }));
  const { record, tag, commit, trust } = await readReleaseRecord(repo, options.version);
  const files = (await listBlobsAt(repo, { ref: tag })).filter((f) => f.path.endsWith('.json'));
  const named = files.map((file) => ({ id: file.path.slice(file.path.lastIndexOf('/') + 1, -'.json'.length), file }));
  named.sort((a, b) => byCodeUnit(a.id, b.id));
  const items = record.manifest.items;
  // Label files are named <id>.json (validate refuses any other name), so which labels are missing or
  // extra is known from the file list; a file whose content names another id is a changed label below.
  const missing: string[] = [];
  const extra: string[] = [];
  const ordered: BlobRef[] = [];
  for (let i = 0, j = 0; i < items.count || j < named.length; ) {
    const order = i === items.count ? 1 : j === named.length ? -1 : byCodeUnit(items.idAt(i), named[j].id);
    if (order < 0) missing.push(items.idAt(i++));
    else if (order > 0 || (ordered.length > 0 && named[j - 1]?.id === named[j].id)) extra.push(named[j++].id);
    else {
      ordered.push(named[j++].file);
      i++;
    }
  }
  if (missing.length || extra.length) throw mismatch(tag, { differing: [], missing, extra });
  const blobs = new BlobList(ordered);
  return {
    version: record.version,
    tag,
    commit,
    record,
    trust,
    async *labels() {
      const differing: string[] = [];
      let k = 0;
      for await (const { path, bytes } of readBlobs(repo, blobs)) {
        const index = k++;
        // Files the tool writes are canonical, so their bytes hash to the manifest directly (the item binds
        // the id to that hash); only a file that does not is parsed here and re-serialised (a
        // hand-formatted file with the released content still passes).
        if (items.matches(index, 1, hash('sha256', bytes, 'buffer'))) {
          yield new CanonicalLabel(bytes, index, path, tag);
          continue;
        }
        const label = parseLabel(bytes, path, tag);
        const id = items.idAt(index);
        if (label.id !== id || !items.matches(index, 1, hash('sha256', canonicalJson(label), 'buffer')))
          differing.push(id);
        else yield { label, bytes, index, canonical: false };
      }
      if (differing.length) throw mismatch(tag, { differing, missing: [], extra: [] });
    },
  };
}

/**
 * A label whose file is canonical, parsed on first use. A class, not an object literal with a getter:
 * the getter's closure, made inside the async generator, kept every parsed label alive past two young
 * collections (~6 KB promoted to the old generation per label, 2 s of garbage collection per 100k).
 */
class CanonicalLabel implements ReleasedLabel {
  readonly canonical = true;
  private parsed: Label | undefined;

  constructor(
    readonly bytes: Buffer,
    readonly index: number,
    private readonly path: string,
    private readonly tag: string,
  ) {}

  get label(): Label {
    this.parsed ??= parseLabel(this.bytes, this.path, this.tag);
    return this.parsed;
  }
}

function parseLabel(bytes: Buffer, path: string, tag: string): Label {
  try {
    return JSON.parse(bytes.toString('utf8')) as Label;
  } catch (error) {
    throw inputError('LABEL_BROKEN_JSON', `${path} at ${tag}: invalid JSON: ${(error as Error).message}`, {
      file: path,
      ref: tag,
    });
  }
}

function mismatch(tag: string, d: { differing: string[]; missing: string[]; extra: string[] }) {
  const why = describeManifestDifferences(d);
  return findingsError('RELEASE_MISMATCH', `labels at ${tag} do not match the release manifest: ${why}`, d);
}
