import type { CommitObject, RawTree } from './objects.js';

/** A small least-recently-used map; git objects are immutable, so entries never go stale. */
export class Lru<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }
}

/** Raw trees and parsed commits by oid, shared by every call on one repository handle. */
export class ObjectMemo {
  readonly trees = new Lru<RawTree>(256);
  readonly commits = new Lru<CommitObject>(20_000);
  /** commit oid → every commit reachable from it (itself included); see tags.ts. */
  readonly ancestry = new Lru<Set<string>>(64);
}
