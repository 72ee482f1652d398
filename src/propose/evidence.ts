import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { inputError } from '../errors/index.js';

/**
 * What a revision records as evidence. A file inside the benchmark repository is recorded by its
 * repository path (and committed with the proposal); a file outside it is refused, since a path on one
 * person's disk is evidence for nobody; any other text (a URL, a citation) is recorded as given.
 */
export async function resolveEvidence(dir: string, evidence: string): Promise<{ text: string; path?: string }> {
  const abs = resolve(dir, evidence);
  const info = await stat(abs).catch(() => null);
  if (!info?.isFile()) return { text: evidence };
  const rel = relative(resolve(dir), abs);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw inputError(
      'EVIDENCE_OUTSIDE',
      `${evidence}: evidence files must be inside the benchmark repository (e.g. evidence/<label-id>.md) so ` +
        `reviewers can read them`,
      { file: evidence },
    );
  }
  const path = rel.split(sep).join('/');
  return { text: path, path };
}
