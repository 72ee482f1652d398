import { formatSemver, parseSemver } from '../core/semver.js';
import { openRepo } from '../git/index.js';
import { readReleaseRecord } from './load-labels.js';

export type RecordAtTag = Awaited<ReturnType<typeof readReleaseRecord>>;

/** Reads a release's record at its tag, as readReleaseRecord does (`dir` the repository). */
export type ReleaseRecordReader = (dir: string, version: string) => Promise<RecordAtTag>;

export const readRecordAtTag: ReleaseRecordReader = async (dir, version) =>
  readReleaseRecord(await openRepo({ dir }), version);

/**
 * A reader that reads each release once: `verify` reads the record to check the export and then asks
 * who signed it, and at 1M labels a read is a 226 MB record inflated and scanned. The same repository and
 * version give the same answer, so the second ask takes the first one's (errors included).
 */
export function readEachRecordOnce(read: ReleaseRecordReader = readRecordAtTag): ReleaseRecordReader {
  const reads = new Map<string, Promise<RecordAtTag>>();
  return (dir, version) => {
    let key: string;
    try {
      key = `${dir}\0${formatSemver(parseSemver(version))}`;
    } catch {
      return read(dir, version); // not a version: readReleaseRecord says so, each time
    }
    let found = reads.get(key);
    if (!found) {
      found = read(dir, version);
      reads.set(key, found);
    }
    return found;
  };
}
