import type { SignoffPolicy } from '../config/config.js';
import { canonicalJson } from '../store/canonical.js';

/** The role of the people who may change the trust root; never one of the policy's physician roles. */
export const MAINTAINER_ROLE = 'maintainer';

/** Why a sign-off policy cannot be in force, or undefined when it can. */
export function policyProblem(p: SignoffPolicy): string | undefined {
  if (!p || typeof p !== 'object') return 'the policy is not an object';
  const keys = Object.keys(p).sort().join(',');
  if (keys !== 'allowVerifierOnly,contentious,physicianRoles,relabel')
    return `the policy has exactly relabel, contentious, physicianRoles, allowVerifierOnly (has ${keys})`;
  if (!Number.isInteger(p.relabel) || p.relabel < 1 || !Number.isInteger(p.contentious) || p.contentious < p.relabel)
    return 'relabel must be a whole number ≥ 1 and contentious ≥ relabel';
  if (
    !Array.isArray(p.physicianRoles) ||
    p.physicianRoles.length === 0 ||
    !p.physicianRoles.every((r) => typeof r === 'string' && /^[a-z][a-z0-9-]*$/.test(r))
  )
    return 'physicianRoles must name at least one role';
  if (p.physicianRoles.includes(MAINTAINER_ROLE)) return 'a maintainer is never a physician';
  if (typeof p.allowVerifierOnly !== 'boolean') return 'allowVerifierOnly must be true or false';
  return undefined;
}

/** The policy fields that differ between two policies, as people read them. */
export function describePolicyChange(a: SignoffPolicy, b: SignoffPolicy): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort() as (keyof SignoffPolicy)[];
  return keys
    .filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null))
    .map((k) => `${k} ${JSON.stringify(a[k])} → ${JSON.stringify(b[k])}`)
    .join(', ');
}
