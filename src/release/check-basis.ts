import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG } from '../calculators/catalog.js';
import { CONFIG_FILE } from '../config/config.js';
import { type Repo, changedPaths } from '../git/index.js';
import { parseLabelPath } from '../store/paths.js';
import { REVIEWERS_DIR } from '../review/reviewer.js';
import { PACKAGE_SCHEMA_DIR } from '../schema/load.js';
import { canonicalLine, sha256Hex } from '../store/canonical.js';
import type { SincePrevious } from './since-previous.js';

/**
 * Bump when validation or the sign-off gate changes what it accepts (cross-checks, signature rules,
 * policy evaluation) without a schema or catalog change: releases made under other rules then check
 * every label again instead of trusting the labels they left unchanged.
 */
export const CHECK_RULES_VERSION = 2;

/** The repository's own files that validation and the gate read besides the labels. */
export const CHECK_INPUT_PATHS = ['schema', REVIEWERS_DIR, CONFIG_FILE] as const;

let memo: string | undefined;

/**
 * A fingerprint of the tool's side of every check a release runs: its version, the rules version, its
 * schemas and its calculator catalog. Two releases with the same fingerprint judge a label identically.
 */
export function checkRulesFingerprint(): string {
  if (memo) return memo;
  const packageJson = JSON.parse(readFileSync(join(PACKAGE_SCHEMA_DIR, '..', 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const schemas = readdirSync(PACKAGE_SCHEMA_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, sha256Hex(readFileSync(join(PACKAGE_SCHEMA_DIR, name)))]);
  memo =
    'sha256:' +
    sha256Hex(
      canonicalLine({
        tool: `${packageJson.name}@${packageJson.version}`,
        rules: CHECK_RULES_VERSION,
        schemas,
        catalog: CATALOG,
      }),
    );
  return memo;
}

/** Whether the repository's taxonomy, reviewers or config differ between two commits. */
export async function checkInputsChanged(repo: Repo, from: string, to: string): Promise<boolean> {
  for (const prefix of CHECK_INPUT_PATHS) {
    if ((await changedPaths(repo, { from, to, prefix })).length > 0) return true;
  }
  return false;
}

/**
 * When the previous release was checked under the rules in force now and nothing its checks read
 * besides the labels has changed: the label files to check (changed since, or signed) and the ids of
 * the others, which stay valid as they were. Null when every label must be checked.
 */
export async function checkBasis(
  repo: Repo,
  since: SincePrevious,
  labelCommit: string,
): Promise<{ paths: string[]; takenIds: Map<string, string>; unchangedIds: string[] } | null> {
  if (since.record.checked?.rules !== checkRulesFingerprint()) return null;
  if (await checkInputsChanged(repo, since.tag, labelCommit)) return null;
  const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
  // Ids whose released file was modified or removed; a file added beside an unchanged one of the same id leaves that id
  // taken.
  const changedIds = new Set(
    since.changes.filter((c) => c.oldOid !== undefined && parseLabelPath(c.path)).map((c) => idOf(c.path)),
  );
  const changedPaths = since.changes.filter((c) => c.newOid !== undefined && parseLabelPath(c.path)).map((c) => c.path);
  const signedUnchanged = since.record.checked.signed.filter((p) => !since.changedFiles.has(p));
  const read = new Set(signedUnchanged.map(idOf));
  const unchangedIds = [...since.items.ids()].filter((id) => !changedIds.has(id));
  const takenIds = new Map<string, string>();
  for (const id of unchangedIds) if (!read.has(id)) takenIds.set(id, `a label unchanged since ${since.tag}`);
  return { paths: [...changedPaths, ...signedUnchanged], takenIds, unchangedIds };
}
