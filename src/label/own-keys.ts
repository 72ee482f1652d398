/**
 * Objects whose keys come from data. `obj[key] = v` with key "__proto__" sets the prototype instead of
 * a property, so the key silently disappears from every later copy, hash and export. A property
 * defined this way is an ordinary own, enumerable key, exactly as JSON.parse makes one.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Whether `key` is an own key of `target` (never one inherited from Object.prototype, such as "toString"). */
export function hasOwn(target: object, key: string): boolean {
  return Object.hasOwn(target, key);
}
