/**
 * How deep a label's JSON may nest. A label is four or five levels deep (entities add two or three);
 * a hostile file nested thousands deep parses, but every recursive step after it (hashing, export,
 * diff) would overflow the stack. Refused at parse time, so nothing later has to guard itself.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The JSON pointer of the first value nested deeper than `limit` (objects and arrays count one level
 * each), or undefined when the value stays within it. Iterative: it must not itself overflow.
 */
export function tooDeepPointer(value: unknown, limit = MAX_JSON_DEPTH): string | undefined {
  const stack: { value: unknown; depth: number; pointer: string }[] = [{ value, depth: 0, pointer: '' }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.value === null || typeof top.value !== 'object') continue;
    const depth = top.depth + 1;
    if (depth > limit) return top.pointer;
    if (Array.isArray(top.value)) {
      for (let k = top.value.length - 1; k >= 0; k--) stack.push({ value: top.value[k], depth, pointer: `${top.pointer}/${k}` });
    } else {
      for (const key of Object.keys(top.value)) {
        stack.push({ value: (top.value as Record<string, unknown>)[key], depth, pointer: `${top.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
      }
    }
  }
  return undefined;
}
