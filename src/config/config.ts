import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors/index.js';

export const CONFIG_FILE = 'steward.config.json';

/** Who must sign off a changed label before it may merge or be released. */
export interface SignoffPolicy {
  /** Physician approve/amend sign-offs a relabeled item needs. */
  relabel: number;
  /** Physician approve/amend sign-offs an item marked contentious needs. */
  contentious: number;
  /** Roles whose sign-offs count as physician sign-offs. */
  physicianRoles: string[];
  /** Relabels backed only by a verifier may be released (they are counted separately in the notes). */
  allowVerifierOnly: boolean;
}

export interface StewardConfig {
  name: string;
  description?: string;
  /** The CITATION.cff authors of the benchmark. */
  authors?: { name: string; orcid?: string }[];
  policy: SignoffPolicy;
}

export const DEFAULT_POLICY: SignoffPolicy = { relabel: 1, contentious: 2, physicianRoles: ['physician'], allowVerifierOnly: false };

/** The benchmark's config with defaults filled in; a missing file means all defaults. */
export async function loadConfig(dir: string): Promise<StewardConfig> {
  const file = join(dir, CONFIG_FILE);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return { name: 'benchmark', policy: { ...DEFAULT_POLICY } };
  let json: Partial<StewardConfig>;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw inputError('CONFIG_BROKEN_JSON', `${CONFIG_FILE}: invalid JSON: ${(error as Error).message}`, { file: CONFIG_FILE });
  }
  const policy = { ...DEFAULT_POLICY, ...(json.policy ?? {}) };
  for (const key of ['relabel', 'contentious'] as const) {
    if (!Number.isInteger(policy[key]) || policy[key] < 0) {
      throw inputError('CONFIG_INVALID', `${CONFIG_FILE} /policy/${key}: must be a whole number ≥ 0`, { file: CONFIG_FILE, pointer: `/policy/${key}` });
    }
  }
  return { name: json.name ?? 'benchmark', description: json.description, authors: json.authors, policy };
}
