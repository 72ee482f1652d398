import { inputError } from '../errors/index.js';

export type Semver = [number, number, number];

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** "1.2.3" (a leading "v" is accepted) → [1, 2, 3]; pre-releases are not release versions here. */
export function parseSemver(text: string): Semver {
  const m = SEMVER.exec(text.replace(/^v/, ''));
  if (!m) throw inputError('BAD_VERSION', `"${text}" is not a release version (MAJOR.MINOR.PATCH, e.g. 1.1.0)`, { version: text });
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isSemver(text: string): boolean {
  return SEMVER.test(text.replace(/^v/, ''));
}

export function compareSemver(a: Semver, b: Semver): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatSemver(v: Semver): string {
  return v.join('.');
}

/** The git tag of a release version: v1.1.0. */
export function tagOf(version: string): string {
  return `v${formatSemver(parseSemver(version))}`;
}
