import type { CitationFacts } from '../release/citation.js';
import { citationBibtex } from '../release/citation.js';
import { MEDCALC_BENCH, STEWARDSHIP_PAPER } from '../release/citation-sources.js';
import type { ReadReleaseRecord, ReleaseRecordFacts } from '../release/record.js';
import type { HfColumn } from './hf-columns.js';

export interface HfSplitFile {
  /** The split as the benchmark names it. */
  split: string;
  /** The split's name on the Hub (letters, digits, underscores: "one-shot" becomes "one_shot"). */
  hfSplit: string;
  path: string;
  rows: number;
}

/** How this release differs from the previous one, item by item (from the two manifests). */
export interface ManifestChanges {
  previousVersion: string | null;
  added: string[];
  removed: string[];
  changed: string[];
}

export interface DatasetCardInput {
  record: ReleaseRecordFacts;
  citation: CitationFacts;
  files: HfSplitFile[];
  columns: readonly HfColumn[];
  changes: ManifestChanges;
}

const yamlString = (s: string) => JSON.stringify(s);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const listed = (ids: string[]) =>
  ids.length === 0
    ? 'none'
    : `${ids
        .slice(0, 20)
        .map((id) => `\`${id}\``)
        .join(', ')}${ids.length > 20 ? `, … (${ids.length} in all)` : ''}`;

function sizeCategory(n: number): string {
  if (n < 1000) return 'n<1K';
  if (n < 10000) return '1K<n<10K';
  if (n < 100000) return '10K<n<100K';
  return '100K<n<1M';
}

/**
 * The dataset card (README.md) of a Hugging Face export: YAML front matter that `datasets` and the Hub
 * read (licence, pretty name, task categories, one config whose data_files name each split's Parquet
 * file), then the version, root hash and commit that pin it, the release's statistics, what changed
 * since the previous version, the columns, and how to cite it and the works it derives from.
 */
export function datasetCard(input: DatasetCardInput): string {
  const { record, citation, files, columns, changes } = input;
  const s = record.statistics;
  const a = s.agreement;
  const front = [
    '---',
    `license: ${citation.license.toLowerCase()}`,
    `pretty_name: ${yamlString(`${record.name} ${record.version}`)}`,
    'language:',
    '- en',
    'task_categories:',
    '- question-answering',
    'tags:',
    '- medical',
    '- clinical-calculation',
    '- benchmark',
    '- medcalc-bench',
    'size_categories:',
    `- ${sizeCategory(record.manifest.count)}`,
    'configs:',
    '- config_name: default',
    '  data_files:',
    ...files.flatMap((f) => [`  - split: ${f.hfSplit}`, `    path: ${f.path}`]),
    '---',
  ];
  const renamed = files.filter((f) => f.hfSplit !== f.split);
  const body = [
    `# ${record.name} ${record.version}`,
    '',
    citation.description ??
      `A release of ${record.name}, a clinical calculation benchmark derived from MedCalc-Bench and kept by ` +
        `medcalc-steward.`,
    '',
    '## This version',
    '',
    '| | |',
    '|---|---|',
    `| version | ${record.version} (released ${record.date}) |`,
    `| root hash | \`${record.manifest.root}\` (${record.manifest.count} labels) |`,
    `| label commit | \`${record.labelCommit}\` |`,
    `| previous version | ${record.previousVersion ?? 'none (first release)'} |`,
    ...files.map((f) => `| split \`${f.hfSplit}\` | ${f.rows} rows, \`${f.path}\` |`),
    '',
    ...(renamed.length
      ? [
          `Split names on the Hub allow only letters, digits and underscores: ` +
            `${renamed.map((f) => `\`${f.split}\` is \`${f.hfSplit}\``).join(', ')}.`,
          '',
        ]
      : []),
    'State the version and root hash with any number you report on this data. `steward verify` checks a pinned ' +
      'export against the release record; this Parquet folder is written from labels verified against the same ' +
      'manifest.',
    '',
    '## What changed',
    '',
    `Since ${changes.previousVersion ?? 'nothing (this is the first release)'}: ${s.added} added, ${s.removed} ` +
      `removed, ${s.relabeled} relabeled, ${s.madeIncomputable} made incomputable, ${s.confirmed} confirmed, ` +
      `${s.otherEdits} other edits; ${s.physicianSigned} of the changed answers are physician-signed and ` +
      `${s.verifierOnly} verifier-only.`,
    '',
    ...(changes.previousVersion
      ? [
          `- items whose label changed: ${listed(changes.changed)}`,
          `- items added: ${listed(changes.added)}`,
          `- items removed: ${listed(changes.removed)}`,
          '',
        ]
      : []),
    ...(Object.keys(s.byCategory).length
      ? [
          '| error category | labels | share of all labels | Wilson 95% CI |',
          '|---|---:|---:|---|',
          ...Object.entries(s.byCategory).map(
            ([k, v]) => `| ${k} | ${v.count} | ${pct(v.share)} | ${pct(v.lower)}–${pct(v.upper)} |`,
          ),
          '',
        ]
      : []),
    '## Agreement with physicians',
    '',
    a.previous || a.proposed
      ? `${a.items} items carry a physician's own value.` +
        (a.previous
          ? ` The previous release's labels agreed with ${a.previous.k}/${a.previous.n} ` +
            `(${a.previous.percent.toFixed(1)}%, Wilson 95% CI ${pct(a.previous.lower)}–${pct(a.previous.upper)}).`
          : '') +
        (a.proposed
          ? ` The labels as proposed, before physician review, agreed with ${a.proposed.k}/${a.proposed.n} ` +
            `(${a.proposed.percent.toFixed(1)}%, Wilson 95% CI ${pct(a.proposed.lower)}–${pct(a.proposed.upper)}).`
          : '') +
        ` Released labels a physician amended are that physician's value by construction ` +
        `(${a.byConstruction.released}), so they are not compared.`
      : 'No label carries a physician value yet.',
    '',
    '## Columns',
    '',
    "The first 14 columns are MedCalc-Bench's, as its CSV writes them (a harness written for MedCalc-Bench reads " +
      'them unchanged); the rest give the answer with one type per column.',
    '',
    '| column | type | meaning |',
    '|---|---|---|',
    ...columns.map((c) => `| ${c.name} | ${c.type.toLowerCase()}${c.nullable ? ', nullable' : ''} | ${c.describe} |`),
    '',
    '## How to cite',
    '',
    '```bibtex',
    citationBibtex(citation).trimEnd(),
    '```',
    '',
    `This data derives from MedCalc-Bench (${MEDCALC_BENCH.authors[0]['family-names']} et al., ` +
      `${MEDCALC_BENCH.year}, ${MEDCALC_BENCH.url}), released under CC-BY-SA 4.0: cite it too, and share what you ` +
      `derive from this data under the same licence. ` +
      `The stewardship method (physician-overseen relabeling) is described in ` +
      `${STEWARDSHIP_PAPER.authors[0]['family-names']} et al., "${STEWARDSHIP_PAPER.title}" ` +
      `(${STEWARDSHIP_PAPER.url}).`,
    '',
    '## Load it',
    '',
    '```python',
    'from datasets import load_dataset',
    `ds = load_dataset("path/to/this/folder")  # or the Hub repository it was pushed to`,
    '```',
    '',
  ];
  return [...front, '', ...body].join('\n');
}

/** Items added, removed and changed between two manifests (by label hash). */
export function manifestChanges(current: ReadReleaseRecord, previous: ReadReleaseRecord | null): ManifestChanges {
  if (!previous) return { previousVersion: null, added: [], removed: [], changed: [] };
  const now = current.manifest.items;
  const before = previous.manifest.items;
  const changes: ManifestChanges = { previousVersion: previous.version, added: [], removed: [], changed: [] };
  // Both are sorted by id: one walk through the two.
  for (let i = 0, j = 0; i < now.count || j < before.count; ) {
    const a = i < now.count ? now.idAt(i) : undefined;
    const b = j < before.count ? before.idAt(j) : undefined;
    if (b === undefined || (a !== undefined && a < b)) {
      changes.added.push(a!);
      i++;
    } else if (a === undefined || b < a) {
      changes.removed.push(b);
      j++;
    } else {
      if (!now.matches(i, 1, before.hashBytesAt(j, 1))) changes.changed.push(a);
      i++;
      j++;
    }
  }
  return changes;
}
