import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StewardConfig } from '../config/config.js';
import { compareSemver, formatSemver, parseSemver } from '../core/semver.js';
import { sha256Hex } from '../store/canonical.js';
import { changelogIndex } from './changelog-index.js';
import { releaseChartFiles } from './charts-files.js';
import { citationCff, citationFactsOf } from './citation.js';
import {
  type ReleaseRecord,
  type ReleaseRecordFacts,
  notesPath,
  parseReleaseRecord,
  recordPath,
  serializeReleaseRecordPieces,
} from './record.js';

/** A version, or major/minor/patch: the next one after the latest release (from 0.0.0 when there is none). */
export function nextVersion(requested: string, latest: string | undefined): string {
  const bumps = ['major', 'minor', 'patch'];
  if (!bumps.includes(requested)) return formatSemver(parseSemver(requested));
  const [a, b, c] = parseSemver(latest ?? '0.0.0');
  if (requested === 'major') return formatSemver([a + 1, 0, 0]);
  if (requested === 'minor') return formatSemver([a, b + 1, 0]);
  return formatSemver([a, b, c + 1]);
}

/** The files a release writes: its record, notes, the changelog index, CITATION.cff and the charts. */
export async function releaseFiles(
  dir: string,
  record: ReleaseRecord,
  markdown: string,
  config: StewardConfig,
  previous?: { record: ReleaseRecordFacts; recordSha256: string },
) {
  const { readdir } = await import('node:fs/promises');
  const names = (await readdir(join(dir, 'changelogs')).catch(() => [] as string[])).filter((n) =>
    /^v\d+\.\d+\.\d+\.json$/.test(n),
  );
  // The previous release's record was read and checked at its tag (schema, root, signature): when the
  // file on disk has exactly its bytes, it is that record, and parsing it again would double the cost.
  const entries: ReleaseRecordFacts[] = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, 'changelogs', name));
    if (previous && name === `v${previous.record.version}.json` && sha256Hex(bytes) === previous.recordSha256) {
      entries.push(previous.record);
      continue;
    }
    // A broken or hand-edited record is named (file and place), never a crash or a silent index entry.
    const other = parseReleaseRecord(bytes, `changelogs/${name}`);
    if (other.version !== record.version) entries.push(other);
  }
  entries.push(record);
  entries.sort((a, b) => compareSemver(parseSemver(b.version), parseSemver(a.version)));
  const index = changelogIndex(
    record.name,
    entries.map((e) => ({
      version: e.version,
      date: e.date,
      count: e.manifest.count,
      relabeled: e.statistics.relabeled,
      madeIncomputable: e.statistics.madeIncomputable,
      root: e.manifest.root,
    })),
  );
  const cff = citationCff(citationFactsOf(record, config));
  const { pieces, sha256 } = serializeReleaseRecordPieces(record);
  const files: { path: string; content: string | Iterable<string> }[] = [
    { path: recordPath(record.version), content: pieces },
    { path: notesPath(record.version), content: markdown },
    { path: 'CHANGELOG.md', content: index },
    { path: 'CITATION.cff', content: cff },
    ...releaseChartFiles(record),
  ];
  return { files, recordSha256: sha256 };
}
