import { readFileSync } from 'node:fs';
import { packagePath } from './package-root.js';

/** This tool's name and version, from its own package.json. */
export function toolPackage(): { name: string; version: string } {
  const json = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { name: string; version: string };
  return { name: json.name, version: json.version };
}

/** An npm package name from a benchmark name: lower case, [a-z0-9-._], at most 214 characters. */
export function packageNameOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|-+$/g, '');
  return (slug || 'benchmark').slice(0, 214);
}

/**
 * The benchmark's package.json: private (labels are not an npm package), the tool pinned to the exact
 * version that made the repository, so the gate in CI runs the same checks as the maintainer's machine.
 */
export function packageJsonTemplate(options: { name: string }): string {
  const tool = toolPackage();
  const json = {
    name: packageNameOf(options.name),
    private: true,
    description: `${options.name}: a clinical calculation benchmark kept with ${tool.name}`,
    type: 'module',
    scripts: {
      validate: 'steward validate',
      audit: 'steward audit',
      check: 'steward check',
      test: 'steward validate && steward check',
    },
    devDependencies: { [tool.name]: tool.version },
  };
  return JSON.stringify(json, null, 2) + '\n';
}
