import { isGitStoreError, openRepo, readFileTextsAt } from '../git/index.js';
import { StewardError, inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { loadLabels } from '../release/load-labels.js';
import { isSemver, tagOf } from '../core/semver.js';
import { parseLabelPath } from '../store/paths.js';
import { parseLabelText, readAllLabels } from '../store/read.js';

export interface LoadedVersion {
  /** The version as the user named it ("working tree" when none). */
  name: string;
  labels: Label[];
  /** How the labels were read, for the report: a verified release, a bare tag, a ref, or the files on disk. */
  note: string;
}

/**
 * The labels to score against. A release version ("1.1.0") is read at its tag v1.1.0 and verified
 * against the release's manifest; a tag of that name made without `steward release` (no release record)
 * is read as it is, and the note says so. Any other name is a git ref; no version is the working tree.
 */
export async function loadVersionLabels(options: { dir: string; version?: string }): Promise<LoadedVersion> {
  const { dir, version } = options;
  if (version === undefined) {
    return {
      name: 'working tree',
      labels: (await readAllLabels(dir)).map((f) => f.label),
      note: 'working tree: the label files on disk',
    };
  }
  if (isSemver(version)) {
    try {
      const release = await loadLabels({ dir, version });
      return {
        name: version,
        labels: release.labels,
        note:
          `${version}: release ${release.tag}, labels verified against its ` +
          `manifest${release.trust.signer ? `, ${release.trust.note}` : ''}`,
      };
    } catch (error) {
      if (!(error instanceof StewardError && error.code === 'RELEASE_RECORD_MISSING')) throw error;
      const tag = tagOf(version);
      return {
        name: version,
        labels: await parsedLabelsAtRef(dir, tag),
        note: `${version}: tag ${tag} has no release record; labels read at the tag, not verified`,
      };
    }
  }
  return { name: version, labels: await parsedLabelsAtRef(dir, version), note: `${version}: labels at that ref` };
}

async function parsedLabelsAtRef(dir: string, ref: string): Promise<Label[]> {
  const repo = await openRepo({ dir });
  let files: Map<string, string>;
  try {
    files = await readFileTextsAt(repo, { ref });
  } catch (error) {
    if (isGitStoreError(error, 'UNKNOWN_REF'))
      throw inputError('UNKNOWN_VERSION', `no version "${ref}": ${error.message}`, { version: ref });
    throw error;
  }
  const labels: Label[] = [];
  for (const [path, text] of files) {
    if (!parseLabelPath(path)) continue;
    const file = parseLabelText(path, text);
    if (file.parseError)
      throw inputError('LABEL_BROKEN_JSON', `${path} at ${ref}: ${file.parseError.message}`, { file: path, ref });
    labels.push(file.json as Label);
  }
  return labels;
}
