import { hash } from 'node:crypto';
import { findingsError, inputError } from '../errors/index.js';
import { tagOf } from '../core/semver.js';
import { blobsAt, type Repo, openRepo, readBlobs } from '../git/index.js';
import type { Label } from '../label/types.js';
import { canonicalJson } from '../store/canonical.js';
import { BlobList, BlobListBuilder } from './blob-list.js';
import { describeManifestDifferences, readReleaseRecord } from './load-labels.js';
import type { ReleaseTrust } from './record-signature.js';
import type { ManifestIndex } from './manifest-index.js';
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
  // The files are listed while the record is read and checked (at 1M labels each takes seconds); the
  // record's errors still come first, and the listing's only once the record is good.
  const listing = listingAt(repo, options.version);
  const { record, tag, commit, trust } = await readReleaseRecord(repo, options.version);
  const listed = listing?.tag === tag ? await listing.files : await labelFilesAt(repo, tag);
  const items = record.manifest.items;
  // Its own function: closures here would keep the ids alive as long as the stream (labels() below).
  const blobs = inManifestOrder(listed, items, tag);
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
 * The listed files in the manifest's order (by id); missing and extra labels are RELEASE_MISMATCH.
 * Label files are named <id>.json (validate refuses any other name), so which labels are missing or
 * extra is known from the file list; a file whose content names another id is a changed label (labels()).
 */
function inManifestOrder(listed: BlobList, items: ManifestIndex, tag: string): BlobList {
  const ids = Array.from({ length: listed.length }, (_, k) => {
    const path = listed.pathAt(k);
    return path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
  });
  const named = Uint32Array.from(ids, (_, k) => k).sort((a, b) => byCodeUnit(ids[a], ids[b]));
  const missing: string[] = [];
  const extra: string[] = [];
  const ordered: number[] = [];
  for (let i = 0, j = 0; i < items.count || j < named.length; ) {
    const order = i === items.count ? 1 : j === named.length ? -1 : byCodeUnit(items.idAt(i), ids[named[j]]);
    if (order < 0) missing.push(items.idAt(i++));
    else if (order > 0 || (ordered.length > 0 && j > 0 && ids[named[j - 1]] === ids[named[j]]))
      extra.push(ids[named[j++]]);
    else {
      ordered.push(named[j++]);
      i++;
    }
  }
  if (missing.length || extra.length) throw mismatch(tag, { differing: [], missing, extra });
  return listed.ordered(ordered);
}

/** The listing of the version's tag, started (undefined when the version is not one: the record read says so). */
function listingAt(repo: Repo, version: string): { tag: string; files: Promise<BlobList> } | undefined {
  let tag: string;
  try {
    tag = tagOf(version);
  } catch {
    return undefined;
  }
  const files = labelFilesAt(repo, tag);
  files.catch(() => {}); // awaited (and thrown) after the record is read
  return { tag, files };
}

/** The .json files under labels/ at a tag, kept compactly as they are listed (no object per file). */
async function labelFilesAt(repo: Repo, tag: string): Promise<BlobList> {
  const builder = new BlobListBuilder();
  for await (const file of blobsAt(repo, { ref: tag })) {
    if (file.path.endsWith('.json')) builder.add(file);
  }
  return new BlobList(builder);
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
