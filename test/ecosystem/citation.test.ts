import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { bibtexAuthor, bibtexEscape, citationBibtex } from '../../src/release/citation.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { REPO_ROOT } from '../helpers/shared.js';

beforeAll(useTestIdentity);

/**
 * The CFF 1.2.0 JSON schema as the npm package cffjs@0.0.2 (devDependency, MIT) ships it in
 * dist/schema.js: a copy of citation-file-format/citation-file-format's schema.json for 1.2.0 ($id
 * https://citation-file-format.github.io/1.2.0/schema.json). Loaded by file, since the package's
 * exports map does not expose it.
 */
async function cffValidator() {
  const { schema } = await import(pathToFileURL(join(REPO_ROOT, 'node_modules/cffjs/dist/schema.js')).href);
  expect(schema.$id).toBe('https://citation-file-format.github.io/1.2.0/schema.json');
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

async function releasedWith(config: Record<string, unknown>): Promise<string> {
  const dir = await benchmarkWith('Lab & Co_ benchmark', [makeLabel()]);
  const file = join(dir, 'steward.config.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...config }, null, 2) + '\n');
  gitCli(dir, ['commit', '-q', '--allow-empty', '-am', 'config']);
  return dir;
}

describe('CITATION.cff and cite', () => {
  it(
    'the release writes a CITATION.cff valid against the CFF 1.2.0 schema, crediting MedCalc-Bench and the ' +
      'stewardship paper',
    async () => {
      const dir = await releasedWith({
        authors: [{ family: 'Doe', given: 'Jane', orcid: '0000-0002-1825-0097' }, { name: 'Clinical Data Group' }],
        citation: { repositoryCode: 'https://example.org/bench', doi: '10.5281/zenodo.1234567' },
      });
      expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
      const cff = parseYaml(readFileSync(join(dir, 'CITATION.cff'), 'utf8'));
      const validate = await cffValidator();
      expect(validate(cff), JSON.stringify(validate.errors)).toBe(true);
      const record = JSON.parse(readFileSync(join(dir, 'changelogs/v1.0.0.json'), 'utf8'));
      expect(cff).toMatchObject({
        'cff-version': '1.2.0',
        type: 'dataset',
        version: '1.0.0',
        'date-released': record.date,
        license: 'CC-BY-SA-4.0',
        'repository-code': 'https://example.org/bench',
        commit: record.labelCommit,
        doi: '10.5281/zenodo.1234567',
      });
      expect(cff.identifiers.map((i: { value: string }) => i.value)).toEqual([
        '10.5281/zenodo.1234567',
        `git:${record.labelCommit}`,
        record.manifest.root,
      ]);
      expect(cff.references.map((r: { title: string }) => r.title)).toEqual([
        'MedCalc-Bench: Evaluating Large Language Models for Medical Calculations',
        'Scalable Stewardship of an LLM-Assisted Clinical Benchmark with Physician Oversight',
      ]);
      expect(cff.references[0].license).toBe('CC-BY-SA-4.0');
      expect(JSON.stringify(cff.references[1])).toContain('arXiv:2512.19691');

      // cite names the same commit as CITATION.cff, in every format.
      const bib = (await runCli(['cite', '--dir', dir])).out;
      expect(bib).toContain(`commit ${record.labelCommit}`);
      expect(bib).toContain('author = {Doe, Jane and {Clinical Data Group}}');
      expect(bib).toContain('title = {{Lab \\& Co\\_ benchmark}, version 1.0.0}');
      expect(bib).toContain('doi = {10.5281/zenodo.1234567}');
      expect(parseYaml((await runCli(['cite', '--format', 'cff', '--dir', dir])).out).commit).toBe(record.labelCommit);
      expect((await runCli(['cite', '--format', 'apa', '--dir', dir])).out).toContain(record.labelCommit.slice(0, 12));
    },
  );

  it('without a DOI or repository it is still valid; the default author is an organisation, braced', async () => {
    const dir = await releasedWith({});
    expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
    const cff = parseYaml(readFileSync(join(dir, 'CITATION.cff'), 'utf8'));
    expect((await cffValidator())(cff)).toBe(true);
    expect(cff.doi).toBeUndefined();
    expect((await runCli(['cite', '--dir', dir])).out).toContain('author = {{Lab \\& Co\\_ benchmark maintainers}}');
  });

  it('a DOI that CFF would reject is a config error naming the pointer', async () => {
    const dir = await releasedWith({ citation: { doi: 'https://doi.org/10.5281/x' } });
    const run = await runCli(['release', '1.0.0', '--dir', dir]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/steward\.config\.json \/citation\/doi: must be a bare DOI/);
  });
});

describe('BibTeX escaping', () => {
  it('escapes every LaTeX special character and keeps braces balanced', () => {
    expect(bibtexEscape('a&b%c$d#e_f{g}h~i^j\\k')).toBe(
      'a\\&b\\%c\\$d\\#e\\_f\\{g\\}h\\textasciitilde{}i\\textasciicircum{}j\\textbackslash{}k',
    );
    expect(bibtexAuthor({ name: 'Smith and Jones Lab' })).toBe('{Smith and Jones Lab}');
    expect(bibtexAuthor({ family: "O'Brien", given: 'Ana_Maria' })).toBe("O'Brien, Ana\\_Maria");
    const entry = citationBibtex({
      name: 'x}{y',
      version: '1.0.0',
      date: '2026-01-01',
      commit: 'c'.repeat(40),
      root: 'sha256:00',
      count: 1,
      authors: [{ name: '}{' }],
      license: 'CC-BY-SA-4.0',
    });
    let depth = 0;
    for (const [k, ch] of [...entry].entries()) {
      if (entry[k - 1] === '\\') continue;
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});
