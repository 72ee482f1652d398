import type { StewardConfig } from '../config/config.js';

export interface CitationFacts {
  name: string;
  version: string;
  date: string;
  commit: string;
  tagCommit?: string;
  root: string;
  count: number;
  authors: { name: string; orcid?: string }[];
  description?: string;
}

const quote = (s: string) => JSON.stringify(s);

export function authorsOf(config: StewardConfig): { name: string; orcid?: string }[] {
  return config.authors?.length ? config.authors : [{ name: `${config.name} maintainers` }];
}

/** CITATION.cff (Citation File Format 1.2.0) for a release. */
export function citationCff(f: CitationFacts): string {
  const authors = f.authors.flatMap((a) => [`  - name: ${quote(a.name)}`, ...(a.orcid ? [`    orcid: ${quote(`https://orcid.org/${a.orcid.replace(/^https?:\/\/orcid\.org\//, '')}`)}`] : [])]);
  return [
    'cff-version: 1.2.0',
    'message: "If you evaluate on this benchmark version, cite it as below and state its root hash."',
    'type: dataset',
    `title: ${quote(f.name)}`,
    ...(f.description ? [`abstract: ${quote(f.description)}`] : []),
    `version: ${quote(f.version)}`,
    `date-released: ${quote(f.date)}`,
    `commit: ${quote(f.commit)}`,
    'identifiers:',
    '  - type: other',
    `    value: ${quote(f.root)}`,
    `    description: ${quote(`Root hash of the label manifest (${f.count} labels)`)}`,
    'authors:',
    ...authors,
    '',
  ].join('\n');
}

/** BibTeX @misc entry for a release. */
export function citationBibtex(f: CitationFacts): string {
  const key = `${f.name.replace(/[^A-Za-z0-9]+/g, '')}${f.version.replace(/\./g, '_')}`;
  return [
    `@misc{${key},`,
    `  title = {{${f.name}}, version ${f.version}},`,
    `  author = {${f.authors.map((a) => a.name).join(' and ')}},`,
    `  year = {${f.date.slice(0, 4)}},`,
    `  version = {${f.version}},`,
    `  note = {Released ${f.date}; commit ${f.tagCommit ?? f.commit}; label manifest root ${f.root}},`,
    '}',
    '',
  ].join('\n');
}

/** APA-style reference line. */
export function citationApa(f: CitationFacts): string {
  const names = f.authors.map((a) => a.name).join(', ');
  return `${names}. (${f.date.slice(0, 4)}). ${f.name} (Version ${f.version}) [Data set]. Released ${f.date}; commit ${(f.tagCommit ?? f.commit).slice(0, 12)}; root hash ${f.root}.\n`;
}
