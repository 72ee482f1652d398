import { describe, expect, it } from 'vitest';
import { compareReleaseTags } from '../../src/core/release-tags.js';

describe('compareReleaseTags', () => {
  it('orders release tags by semantic version, pre-releases before their release', () => {
    const tags = [
      'v1.10.0',
      'v1.2.0',
      'v1.0.0',
      'v1.0.0-rc.2',
      'v1.0.0-rc.10',
      'v1.0.0-alpha',
      'v0.9.9',
      'v2.0.0+build.5',
    ];
    expect([...tags].sort(compareReleaseTags)).toEqual([
      'v0.9.9',
      'v1.0.0-alpha',
      'v1.0.0-rc.2',
      'v1.0.0-rc.10',
      'v1.0.0',
      'v1.2.0',
      'v1.10.0',
      'v2.0.0+build.5',
    ]);
  });
});
