import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors/index.js';
import { findingsFromAjv } from '../schema/findings.js';
import { schemaValidator } from '../schema/load.js';
import { parseJsonText } from '../store/json-text.js';
import { decodeUtf8 } from '../store/utf8.js';

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

export const DEFAULT_POLICY: SignoffPolicy = {
  relabel: 1,
  contentious: 2,
  physicianRoles: ['physician'],
  allowVerifierOnly: false,
};

/** The config of a benchmark with no steward.config.json: every default. */
export function defaultConfig(): StewardConfig {
  return { name: 'benchmark', policy: { ...DEFAULT_POLICY, physicianRoles: [...DEFAULT_POLICY.physicianRoles] } };
}

/**
 * A config's text → the config with defaults filled in, or an input error naming `file` and the JSON
 * pointer of the first problem (schema/config.schema.json). Pure: the gate reads the config as it is
 * at a base ref through this same function, so both sides are judged alike.
 */
export function parseConfig(text: string, file: string = CONFIG_FILE): StewardConfig {
  const json = parseJsonText(text, file, 'CONFIG_BROKEN_JSON');
  const validate = schemaValidator('config.schema.json');
  if (!validate(json)) {
    const finding = findingsFromAjv(file, validate.errors)[0];
    const pointer = finding?.pointer ?? '';
    throw inputError('CONFIG_INVALID', `${file} ${pointer || '/'}: ${finding?.message ?? 'is invalid'}`, {
      file,
      pointer,
    });
  }
  const valid = json as Partial<StewardConfig> & { policy?: Partial<SignoffPolicy> };
  const defaults = defaultConfig();
  checkCitationConfig(valid.citation);
  return {
    name: valid.name ?? defaults.name,
    description: valid.description,
    authors: valid.authors,
    citation: valid.citation,
    policy: { ...defaults.policy, ...(valid.policy ?? {}) },
  };
}

/** The benchmark's config with defaults filled in; a missing file means all defaults. */
export async function loadConfig(dir: string): Promise<StewardConfig> {
  const bytes = await readFile(join(dir, CONFIG_FILE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw inputError('CONFIG_UNREADABLE', `${CONFIG_FILE}: cannot be read (${error.code ?? error.message})`, {
      file: CONFIG_FILE,
    });
  });
  if (bytes === null) return defaultConfig();
  return parseConfig(decodeUtf8(bytes, CONFIG_FILE), CONFIG_FILE);
}

/** A DOI and a repository URL that CITATION.cff can carry (its schema would reject others). */
function checkCitationConfig(citation: StewardConfig['citation']): void {
  if (citation === undefined) return;
  const bad = (key: string, why: string) =>
    inputError('CONFIG_INVALID', `${CONFIG_FILE} /citation/${key}: ${why}`, {
      file: CONFIG_FILE,
      pointer: `/citation/${key}`,
    });
  if (citation.doi !== undefined && !/^10\.\d{4,9}(\.\d+)?\/[A-Za-z0-9:/_;\-.()[\]\\]+$/.test(citation.doi))
    throw bad('doi', 'must be a bare DOI such as 10.5281/zenodo.1003150');
  if (citation.repositoryCode !== undefined && !/^https?:\/\/\S+$/.test(citation.repositoryCode))
    throw bad('repositoryCode', 'must be an http(s) URL');
}
