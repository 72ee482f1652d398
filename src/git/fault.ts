/**
 * Named points where the fault-injection script (scripts/fault-injection.ts) and the safety tests
 * kill a writing command: STEWARD_FAULT_AT=<name>[:<n>] sends SIGKILL to this process the n-th time
 * (default first) it passes <name>. Unset, this is one environment lookup.
 */
const hits = new Map<string, number>();

export function faultPoint(name: string): void {
  const spec = process.env.STEWARD_FAULT_AT;
  if (!spec) return;
  const [at, nth = '1'] = spec.split(':');
  if (at !== name) return;
  const count = (hits.get(name) ?? 0) + 1;
  hits.set(name, count);
  if (count === Number(nth)) process.kill(process.pid, 'SIGKILL');
}

/** Every named point, in the order a write passes them. */
export const FAULT_POINTS = [
  'lock-taken',
  'journal-written',
  'temps-written',
  'renamed-one',
  'files-written',
  'blobs-written',
  'commit-written',
  'ref-updated',
  'index-updated',
] as const;
