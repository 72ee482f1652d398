/**
 * How deep a label's JSON may nest. A label is four or five levels deep (entities add two or three);
 * a hostile file nested thousands deep parses, but every recursive step after it (hashing, export,
 * diff) would overflow the stack. Refused at parse time, so nothing later has to guard itself.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The JSON pointer of the first value nested deeper than `limit` (objects and arrays count one level
 * each), or undefined when the value stays within it. Recursive, but never deeper than `limit` + 1
 * calls, so it cannot overflow; the pointer is only built once a value is found too deep, because
 * this runs on every label read (100,000 of them in a large repository).
 */
export function tooDeepPointer(value: unknown, limit = MAX_JSON_DEPTH): string | undefined {
  const path: string[] = [];
  if (!tooDeep(value, 0, limit, path)) return undefined;
  return path
    .reverse()
    .map((key) => '/' + key.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('');
}

/**
 * Whether value nests deeper than limit below depth; on true, `path` holds the keys leading there (innermost first).
 */
function tooDeep(value: unknown, depth: number, limit: number, path: string[]): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth >= limit) return true;
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      const item = value[k];
      if (item !== null && typeof item === 'object' && tooDeep(item, depth + 1, limit, path)) {
        path.push(String(k));
        return true;
      }
    }
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item !== null && typeof item === 'object' && tooDeep(item, depth + 1, limit, path)) {
      path.push(key);
      return true;
    }
  }
  return false;
}
