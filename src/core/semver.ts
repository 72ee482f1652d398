import { inputError } from '../errors/index.js';

export type Semver = [number, number, number];

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** "1.2.3" (a leading "v" is accepted) → [1, 2, 3]; pre-releases are not release versions here. */
export function parseSemver(text: string): Semver {
  const m = SEMVER.exec(text.replace(/^v/, ''));
  if (!m)
    throw inputError('BAD_VERSION', `"${text}" is not a release version (MAJOR.MINOR.PATCH, e.g. 1.1.0)`, {
      version: text,
    });
  return checkedSemver([Number(m[1]), Number(m[2]), Number(m[3])], text);
}

/**
 * Each part must be a safe integer: beyond 2^53 − 1, Number() rounds, so "9007199254740993.0.0" would
 * be released, tagged and compared as 9007199254740992.0.0, a different version than the one asked for.
 */
function checkedSemver(v: Semver, text: string): Semver {
  const part = v.findIndex((n) => !Number.isSafeInteger(n));
  if (part !== -1) {
    throw inputError(
      'BAD_VERSION',
      `"${text}": the ${['major', 'minor', 'patch'][part]} number is larger than ${Number.MAX_SAFE_INTEGER}`,
      { version: text },
    );
  }
  return v;
}

export function isSemver(text: string): boolean {
  return SEMVER.test(text.replace(/^v/, ''));
}

export function compareSemver(a: Semver, b: Semver): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatSemver(v: Semver): string {
  // A bump of the largest version would step past the safe integers: refused, not rounded.
  return checkedSemver(v, v.join('.')).join('.');
}

/** The git tag of a release version: v1.1.0. */
export function tagOf(version: string): string {
  return `v${formatSemver(parseSemver(version))}`;
}
