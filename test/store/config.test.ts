import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parseConfig } from '../../src/config/config.js';
import { errorOf } from '../helpers/errors.js';

// parseConfig is pure (text in, config out) so the gate can judge the config at a base ref with it.
describe('parseConfig', () => {
  it('fills defaults and keeps what is given', () => {
    expect(parseConfig('{}', 'c.json')).toEqual({
      name: 'benchmark',
      description: undefined,
      authors: undefined,
      policy: DEFAULT_POLICY,
    });
    const config = parseConfig(
      JSON.stringify({ name: 'b', authors: [{ name: 'A', orcid: '0000-0002-1825-0097' }], policy: { relabel: 2 } }),
      'c.json',
    );
    expect(config.policy).toEqual({ ...DEFAULT_POLICY, relabel: 2 });
    expect(config.authors).toEqual([{ name: 'A', orcid: '0000-0002-1825-0097' }]);
  });

  it('does not share the default policy object between configs', () => {
    const a = parseConfig('{}', 'a.json');
    a.policy.physicianRoles.push('maintainer');
    expect(parseConfig('{}', 'b.json').policy.physicianRoles).toEqual(['physician']);
  });

  const bad: [string, string, string][] = [
    ['{"policy": {"relabel": 0.5}}', '/policy/relabel', 'must be integer'],
    ['{"policy": {"relabel": 1, "relabels": 0}}', '/policy', 'unknown property "relabels"'],
    [
      '{"policy": {"physicianRoles": ["physician", "physician"]}}',
      '/policy/physicianRoles',
      'must NOT have duplicate items',
    ],
    ['{"policy": {"physicianRoles": ["Physician!"]}}', '/policy/physicianRoles/0', 'must match pattern'],
    ['{"name": ""}', '/name', 'must NOT have fewer than 1 characters'],
    ['{"name": "b", "__proto__": {"policy": {"relabel": 0}}}', '', 'unknown property "__proto__"'],
  ];
  for (const [text, pointer, message] of bad) {
    it(`refuses ${text} at ${pointer || '/'}`, () => {
      const error = errorOf(() => parseConfig(text, 'at v1.0.0:steward.config.json'));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain(`at v1.0.0:steward.config.json ${pointer || '/'}: ${message}`);
      expect(error.data).toEqual({ file: 'at v1.0.0:steward.config.json', pointer });
    });
  }

  it('names the line and column of broken JSON', () => {
    const error = errorOf(() => parseConfig('{\n  "name": "b",\n}\n', 'steward.config.json'));
    expect(error.code).toBe('CONFIG_BROKEN_JSON');
    expect(error.message).toMatch(/^steward\.config\.json:3:1: invalid JSON/);
    expect(error.data).toMatchObject({ line: 3, column: 1 });
  });
});
