import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors/index.js';
import { findingsFromAjv, formatFinding } from '../schema/findings.js';
import { schemaValidator } from '../schema/load.js';

export const REVIEWERS_DIR = 'reviewers';

/** reviewers/<id>.json: who may sign off, in which role, with which key. */
export interface Reviewer {
  id: string;
  name: string;
  role: string;
  specialty?: string;
  orcid?: string;
  /** "ed25519:<base64 raw key>". */
  publicKey: string;
  /** Set by `steward reviewer revoke`: sign-offs added after the revocation is at the base do not count. */
  revoked?: { time: string; by: string; reason?: string };
}

export interface ReviewerFileProblem {
  file: string;
  code: 'invalid-reviewer';
  message: string;
}

export function reviewerPath(id: string): string {
  return `${REVIEWERS_DIR}/${id}.json`;
}

/** Schema problems of one reviewer file's JSON, plus the id / file-name agreement. */
export function reviewerProblems(file: string, json: unknown): ReviewerFileProblem[] {
  const validate = schemaValidator('reviewer.schema.json');
  if (!validate(json))
    return findingsFromAjv(file, validate.errors).map((f) => ({
      file,
      code: 'invalid-reviewer',
      message: formatFinding(f),
    }));
  const reviewer = json as Reviewer;
  if (file !== reviewerPath(reviewer.id))
    return [{ file, code: 'invalid-reviewer', message: `${file}: id "${reviewer.id}" does not match the file name` }];
  return [];
}

/**
 * Every reviewer under reviewers/ by id. A file that is not valid is left out of the map and reported,
 * so sign-offs under that id then count as from an unknown reviewer.
 */
export async function readReviewers(
  dir: string,
): Promise<{ reviewers: Map<string, Reviewer>; problems: ReviewerFileProblem[] }> {
  const names = await readdir(join(dir, REVIEWERS_DIR)).catch(() => [] as string[]);
  const reviewers = new Map<string, Reviewer>();
  const problems: ReviewerFileProblem[] = [];
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
    const file = `${REVIEWERS_DIR}/${name}`;
    const text = await readFile(join(dir, file), 'utf8');
    const parsed = parseReviewerFile(file, text);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else reviewers.set(parsed.reviewer.id, parsed.reviewer);
  }
  return { reviewers, problems };
}

/** One registered reviewer, or an input error naming what is wrong (for commands that sign). */
export async function requireReviewer(dir: string, id: string): Promise<Reviewer> {
  const { reviewers, problems } = await readReviewers(dir);
  const found = reviewers.get(id);
  if (found) return found;
  const broken = problems.find((p) => p.file === reviewerPath(id));
  if (broken) throw inputError('INVALID_REVIEWER', broken.message, { file: broken.file });
  throw inputError(
    'UNKNOWN_REVIEWER',
    `no reviewer "${id}": register one with steward reviewer add ${id} --name ... --role ... --key <path>`,
    { reviewer: id },
  );
}

/** One reviewer file's text: the reviewer, or the problems that keep it from counting (broken JSON, schema). */
export function parseReviewerFile(
  file: string,
  text: string,
): { reviewer: Reviewer } | { problems: ReviewerFileProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      problems: [{ file, code: 'invalid-reviewer', message: `${file}: invalid JSON: ${(error as Error).message}` }],
    };
  }
  const own = reviewerProblems(file, json);
  return own.length > 0 ? { problems: own } : { reviewer: json as Reviewer };
}
