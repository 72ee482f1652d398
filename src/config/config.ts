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
  authors?: { name?: string; family?: string; given?: string; orcid?: string }[];
  /** CITATION.cff extras: the labels' licence (default CC-BY-SA-4.0), the repository URL, a DOI. */
  citation?: { license?: string; repositoryCode?: string; doi?: string };
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
  checkCitationConfig(json.citation);
  return { name: json.name ?? 'benchmark', description: json.description, authors: json.authors, citation: json.citation, policy };
}

/** A DOI and a repository URL that CITATION.cff can carry (its schema would reject others). */
function checkCitationConfig(citation: StewardConfig['citation']): void {
  if (citation === undefined) return;
  const bad = (key: string, why: string) => inputError('CONFIG_INVALID', `${CONFIG_FILE} /citation/${key}: ${why}`, { file: CONFIG_FILE, pointer: `/citation/${key}` });
  if (citation.doi !== undefined && !/^10\.\d{4,9}(\.\d+)?\/[A-Za-z0-9:/_;\-.()[\]\\]+$/.test(citation.doi)) throw bad('doi', 'must be a bare DOI such as 10.5281/zenodo.1003150');
  if (citation.repositoryCode !== undefined && !/^https?:\/\/\S+$/.test(citation.repositoryCode)) throw bad('repositoryCode', 'must be an http(s) URL');
}
