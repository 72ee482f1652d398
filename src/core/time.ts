/** An ISO 8601 timestamp for records: the given time (tests pin it) or now. */
export function isoTime(now?: Date | string): string {
  if (now === undefined) return new Date().toISOString();
  const date = typeof now === 'string' ? new Date(now) : now;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: ${String(now)}`);
  return date.toISOString();
}
