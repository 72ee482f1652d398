import type { StewardConfig } from '../config/config.js';
import type { ReleaseRecordFacts } from './record.js';
import { CITED_WORKS, type CitedWork } from './citation-sources.js';

/** A citation author: a person (family and given names) or an organisation (name only). */
export interface CitationAuthor {
  name?: string;
  family?: string;
  given?: string;
  orcid?: string;
}

export interface CitationFacts {
  name: string;
  version: string;
  date: string;
  /** The commit whose labels the release pins (record.labelCommit): what both CITATION.cff and `cite` name. */
  commit: string;
  /** The release commit the tag points at (it adds notes and citation to `commit`), when known. */
  tagCommit?: string;
  root: string;
  count: number;
  authors: CitationAuthor[];
  description?: string;
  /** SPDX id of the labels' licence (MedCalc-Bench-derived data is CC-BY-SA-4.0). */
  license: string;
  repositoryCode?: string;
  doi?: string;
}

/** The licence a benchmark built on MedCalc-Bench must carry (its ShareAlike clause). */
export const DEFAULT_DATA_LICENSE = 'CC-BY-SA-4.0';

const quote = (s: string) => JSON.stringify(s);

export function authorsOf(config: StewardConfig): CitationAuthor[] {
  return config.authors?.length ? config.authors : [{ name: `${config.name} maintainers` }];
}

/** The facts of a release for every citation format, from its record and the benchmark's config. */
export function citationFactsOf(record: ReleaseRecordFacts, config: StewardConfig, tagCommit?: string): CitationFacts {
  const c = config.citation ?? {};
  return {
    name: record.name,
    version: record.version,
    date: record.date,
    commit: record.labelCommit,
    ...(tagCommit ? { tagCommit } : {}),
    root: record.manifest.root,
    count: record.manifest.count,
    authors: authorsOf(config),
    description: config.description,
    license: c.license ?? DEFAULT_DATA_LICENSE,
    ...(c.repositoryCode ? { repositoryCode: c.repositoryCode } : {}),
    ...(c.doi ? { doi: c.doi } : {}),
  };
}

function cffAuthor(a: CitationAuthor, indent: string): string[] {
  const head = a.family
    ? [`${indent}- family-names: ${quote(a.family)}`, ...(a.given ? [`${indent}  given-names: ${quote(a.given)}`] : [])]
    : [`${indent}- name: ${quote(a.name ?? 'unknown')}`];
  const orcid = a.orcid
    ? [`${indent}  orcid: ${quote(`https://orcid.org/${a.orcid.replace(/^https?:\/\/orcid\.org\//, '')}`)}`]
    : [];
  return [...head, ...orcid];
}

function cffReference(w: CitedWork): string[] {
  return [
    `  - type: ${w.type}`,
    `    title: ${quote(w.title)}`,
    '    authors:',
    ...w.authors.flatMap((a) => [
      `      - family-names: ${quote(a['family-names'])}`,
      `        given-names: ${quote(a['given-names'])}`,
    ]),
    `    year: ${w.year}`,
    `    url: ${quote(w.url)}`,
    ...(w['repository-code'] ? [`    repository-code: ${quote(w['repository-code'])}`] : []),
    ...(w.license ? [`    license: ${quote(w.license)}`] : []),
    '    identifiers:',
    ...w.identifiers.flatMap((i) => [
      `      - type: ${i.type}`,
      `        value: ${quote(i.value)}`,
      `        description: ${quote(i.description)}`,
    ]),
  ];
}

/**
 * CITATION.cff (Citation File Format 1.2.0) for a release: version, date, licence, the label commit
 * and root hash as identifiers (and the DOI when the config has one), and references to MedCalc-Bench
 * (its CC-BY-SA 4.0 licence requires the credit) and to the stewardship paper.
 */
export function citationCff(f: CitationFacts): string {
  return [
    'cff-version: 1.2.0',
    'message: "If you evaluate on this benchmark version, cite it as below and state its root hash; ' +
      'cite MedCalc-Bench too (see references)."',
    'type: dataset',
    `title: ${quote(f.name)}`,
    ...(f.description ? [`abstract: ${quote(f.description)}`] : []),
    `version: ${quote(f.version)}`,
    `date-released: ${quote(f.date)}`,
    `license: ${quote(f.license)}`,
    ...(f.repositoryCode ? [`repository-code: ${quote(f.repositoryCode)}`] : []),
    `commit: ${quote(f.commit)}`,
    ...(f.doi ? [`doi: ${quote(f.doi)}`] : []),
    'identifiers:',
    ...(f.doi
      ? ['  - type: doi', `    value: ${quote(f.doi)}`, `    description: ${quote(`DOI of version ${f.version}`)}`]
      : []),
    '  - type: other',
    `    value: ${quote(`git:${f.commit}`)}`,
    '    description: "Git commit of the released labels"',
    '  - type: other',
    `    value: ${quote(f.root)}`,
    `    description: ${quote(`Root hash of the label manifest (${f.count} labels)`)}`,
    'authors:',
    ...f.authors.flatMap((a) => cffAuthor(a, '  ')),
    'references:',
    ...CITED_WORKS.flatMap(cffReference),
    '',
  ].join('\n');
}

/** Text safe inside a BibTeX field: LaTeX's special characters escaped. */
export function bibtexEscape(text: string): string {
  const map: Record<string, string> = {
    '\\': '\\textbackslash{}',
    '{': '\\{',
    '}': '\\}',
    '&': '\\&',
    '%': '\\%',
    $: '\\$',
    '#': '\\#',
    _: '\\_',
    '~': '\\textasciitilde{}',
    '^': '\\textasciicircum{}',
  };
  return text.replace(/[\\{}&%$#_~^]/g, (c) => map[c]);
}

/**
 * A BibTeX author: "Family, Given" for a person; an organisation in braces, so BibTeX neither splits it at "and"
 * nor reads its last word as a surname.
 */
export function bibtexAuthor(a: CitationAuthor): string {
  if (a.family) return bibtexEscape(a.given ? `${a.family}, ${a.given}` : a.family);
  return `{${bibtexEscape(a.name ?? 'unknown')}}`;
}

/** BibTeX @misc entry for a release, naming the same commit as CITATION.cff. */
export function citationBibtex(f: CitationFacts): string {
  const key = `${f.name.replace(/[^A-Za-z0-9]+/g, '')}${f.version.replace(/\./g, '_')}`;
  return [
    `@misc{${key},`,
    `  title = {{${bibtexEscape(f.name)}}, version ${bibtexEscape(f.version)}},`,
    `  author = {${f.authors.map(bibtexAuthor).join(' and ')}},`,
    `  year = {${f.date.slice(0, 4)}},`,
    `  version = {${bibtexEscape(f.version)}},`,
    ...(f.doi ? [`  doi = {${bibtexEscape(f.doi)}},`] : []),
    ...(f.repositoryCode ? [`  url = {${f.repositoryCode}},`] : []),
    `  note = {Released ${f.date}; labels at commit ${f.commit}; label manifest root ${f.root}; ` +
      `licence ${bibtexEscape(f.license)}; derived from MedCalc-Bench (Khandekar et al., 2024)},`,
    '}',
    '',
  ].join('\n');
}

/** APA-style reference line. */
export function citationApa(f: CitationFacts): string {
  const names = f.authors
    .map((a) => (a.family ? `${a.family}${a.given ? `, ${a.given.slice(0, 1)}.` : ''}` : a.name))
    .join(', ');
  const doi = f.doi ? ` https://doi.org/${f.doi}` : '';
  return (
    `${names}. (${f.date.slice(0, 4)}). ${f.name} (Version ${f.version}) [Data set]. ` +
    `Released ${f.date}; labels at commit ${f.commit.slice(0, 12)}; root hash ${f.root}.${doi}\n`
  );
}
