/**
 * Writes a synthetic benchmark repository of N labels (default 100,000) for performance work:
 * labels/<split>/<calculator-slug>/<id>.json spread evenly over the 55 calculators of the catalog
 * (~1,800 per folder at 100,000). Every label is schema-valid and passes `steward validate`.
 *
 * The content is generated here from templates in the spirit of labels/demo (invented patients, never
 * MedCalc-Bench text), with sizes close to the real v1.0 labels: notes of ~100 B to ~9 KB (mean ~2.2 KB),
 * explanations of ~0.3–2.5 KB, files of ~4.5 KB on average. About 5% of the items are relabeled, 2%
 * incomputable and 5% confirmed, with revisions and sign-offs, so the schema's deeper branches are
 * exercised too. Sign-off signatures are placeholders: this fixture is for validate and read paths,
 * not for signature checks. Answers are random, not computed: an audit of this repository is noise.
 *
 * It is a fixture builder, not the thing measured: files are written directly (no temp + rename), with
 * synchronous writes, which on the 2-core benchmark machine took half the CPU and ~60% of the time of
 * 64 parallel fs/promises writes (the thread-pool round trips cost more than the small writes). The
 * output is deterministic for a given --seed.
 *
 * Run: npx tsx scripts/make-synthetic-benchmark.ts <dir> [--count 100000] [--split synth] [--seed 1]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOG, type CatalogEntry } from '../src/calculators/catalog.js';
import { answerWithLimits } from '../src/label/answer.js';
import type { Answer, Entities, Label, Signoff } from '../src/label/types.js';
import { canonicalJson, contentHash, sha256Hex } from '../src/store/canonical.js';
import { LABELS_DIR } from '../src/store/paths.js';
import { mulberry32 } from '../src/stats/random.js';

export interface SyntheticOptions {
  /** The repository root to write into (labels/ is created inside it). */
  dir: string;
  count?: number;
  split?: string;
  seed?: number;
}

export interface SyntheticResult {
  files: number;
  folders: number;
  bytes: number;
  ms: number;
}

/** Writes the synthetic repository; returns how many files and bytes it wrote. */
export async function makeSyntheticBenchmark(options: SyntheticOptions): Promise<SyntheticResult> {
  const started = performance.now();
  const count = options.count ?? 100_000;
  const split = options.split ?? 'synth';
  // The same seed gives the same repository.
  const random = mulberry32(options.seed ?? 1).uniform;
  const root = join(options.dir, LABELS_DIR, split);
  for (const entry of CATALOG) mkdirSync(join(root, entry.slug), { recursive: true });

  let bytes = 0;
  const width = Math.max(6, String(count).length);
  for (let index = 0; index < count; index++) {
    const label = syntheticLabel(index, split, width, random);
    const text = canonicalJson(label);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(root, CATALOG[index % CATALOG.length].slug, `${label.id}.json`), text);
  }
  return { files: count, folders: Math.min(count, CATALOG.length), bytes, ms: performance.now() - started };
}

type Random = () => number;

/** One synthetic label: calculator by index (round robin over the catalog), everything else random. */
export function syntheticLabel(index: number, split: string, width: number, random: Random): Label {
  const entry = CATALOG[index % CATALOG.length];
  const row = index + 1;
  const id = `${split}-${String(row).padStart(width, '0')}`;
  const patient = makePatient(random);
  const original = randomAnswer(entry, random);
  const roll = random();
  const status: Label['status'] =
    roll < 0.05 ? 'relabeled' : roll < 0.07 ? 'incomputable' : roll < 0.12 ? 'confirmed' : 'original';
  const time = isoTime(random);
  let answer: Answer = original;
  let revision: Label['revision'] = null;
  if (status === 'relabeled') {
    answer = randomAnswer(entry, random);
    revision = {
      previous: original,
      category: pick(random, ['extraction-error', 'calculator-logic-mismatch', 'clinical-ambiguity']),
      rationale: `Recomputed from the note: ${pick(random, RATIONALES)}`,
      proposer: 'synthetic-pipeline',
      verifier: 'synthetic-verifier',
      time,
      ...(random() < 0.3 ? { contentious: true } : {}),
    };
  } else if (status === 'incomputable') {
    answer = { kind: 'incomputable', value: null, reason: `The note does not report ${pick(random, MISSING)}.` };
    revision = {
      previous: original,
      category: 'incomputable',
      rationale: 'A required input is missing from the note.',
      proposer: 'synthetic-pipeline',
      time,
    };
  }
  const label: Label = {
    id,
    split,
    calculator: { id: entry.id, name: entry.names[0], category: entry.category },
    source: {
      dataset: 'medcalc-steward synthetic',
      version: '1',
      row,
      calculatorId: entry.id,
      noteId: `synthetic-note-${row}`,
      noteType: 'Synthetic',
      outputType: entry.kind === 'gestational-age' ? 'integer' : entry.kind,
    },
    note: makeNote(patient, random),
    question:
      `Using the ${entry.names[0]}, what is the patient's result? ` + `Give your answer as ${KIND_WORDS[entry.kind]}.`,
    entities: makeEntities(patient, random),
    answer,
    explanation: makeExplanation(entry, random),
    status,
    revision,
    signoffs: [],
  };
  if (status !== 'original') label.signoffs = makeSignoffs(label, random);
  return label;
}

interface Patient {
  age: number;
  sex: 'Male' | 'Female';
  weight: number;
  height: number;
}

function makePatient(random: Random): Patient {
  return {
    age: int(random, 18, 95),
    sex: random() < 0.5 ? 'Male' : 'Female',
    weight: round(random() * 80 + 45, 1),
    height: int(random, 148, 198),
  };
}

function makeSignoffs(label: Label, random: Random): Signoff[] {
  const hash = contentHash(label);
  const n = int(random, 1, 3);
  return Array.from({ length: n }, (_, k) => {
    const reviewer = `physician-${k + 1}`;
    const time = isoTime(random);
    return {
      reviewer,
      role: pick(random, ['pediatric critical care', 'anesthesiology', 'radiation oncology']),
      decision: 'approve' as const,
      time,
      contentHash: hash,
      signature: `synthetic-${sha256Hex(`${reviewer}\n${hash}\n${time}`).slice(0, 32)}`,
    };
  });
}

function randomAnswer(entry: CatalogEntry, random: Random): Answer {
  switch (entry.kind) {
    case 'decimal':
      return answerWithLimits('decimal', round(random() * 200 - (random() < 0.05 ? 100 : 0), 3));
    case 'integer':
      return answerWithLimits('integer', int(random, 0, 12));
    case 'date':
      return answerWithLimits('date', randomDate(random));
    case 'gestational-age':
      return answerWithLimits('gestational-age', [int(random, 0, 41), int(random, 0, 6)]);
  }
}

// ---------------------------------------------------------------------------------------------------
// Text: invented sentences with random numbers, so notes differ and have realistic lengths.

const KIND_WORDS = {
  decimal: 'a decimal number',
  integer: 'a whole number',
  date: 'a date (MM/DD/YYYY)',
  'gestational-age': 'a tuple of weeks and days',
};
const SETTINGS = [
  'emergency department',
  'outpatient clinic',
  'medical ward',
  'intensive care unit',
  'pre-operative assessment clinic',
  'antenatal clinic',
];
const COMPLAINTS = [
  'shortness of breath',
  'chest pain',
  'fever and cough',
  'abdominal pain',
  'confusion',
  'leg swelling',
  'fatigue',
  'a fall at home',
  'vomiting',
  'palpitations',
];
const HISTORY = [
  'hypertension',
  'type 2 diabetes',
  'chronic kidney disease',
  'asthma',
  'atrial fibrillation',
  'hypothyroidism',
  'osteoarthritis',
  'no significant illness',
];
const MISSING = [
  'a serum chloride',
  'the patient height',
  'a QT interval',
  'the last menstrual period',
  'an albumin level',
  'the heart rate',
];
const RATIONALES = [
  'a unit was misread',
  'a finding in the note was missed',
  'the formula was applied to the wrong weight',
  'an intermediate value was rounded',
];

const SENTENCES: ((r: Random) => string)[] = [
  (r) =>
    `Vital signs: temperature ${round(35.5 + r() * 4, 1)} °C, heart rate ${int(r, 48, 140)}/min, blood pressure ` +
    `${int(r, 85, 190)}/${int(r, 45, 110)} mmHg, respiratory rate ${int(r, 10, 34)}/min, oxygen saturation ` +
    `${int(r, 84, 100)}% on room air.`,
  (r) =>
    `Laboratory studies showed sodium ${int(r, 122, 152)} mmol/L, potassium ${round(2.8 + r() * 3, 1)} mmol/L, ` +
    `chloride ${int(r, 88, 114)} mmol/L, bicarbonate ${int(r, 10, 32)} mmol/L, blood urea nitrogen ` +
    `${int(r, 6, 80)} mg/dL, creatinine ${round(0.5 + r() * 4, 2)} mg/dL and glucose ${int(r, 60, 480)} mg/dL.`,
  (r) =>
    `A complete blood count found white cells ${round(2 + r() * 20, 1)} ×10⁹/L, haemoglobin ` +
    `${round(7 + r() * 9, 1)} g/dL and platelets ${int(r, 40, 520)} ×10⁹/L.`,
  (r) =>
    `Liver tests: albumin ${round(1.8 + r() * 3, 1)} g/dL, total bilirubin ${round(0.2 + r() * 6, 1)} mg/dL, AST ` +
    `${int(r, 12, 300)} U/L, ALT ${int(r, 10, 280)} U/L, INR ${round(0.9 + r() * 2.5, 1)}.`,
  (r) =>
    `The past medical history includes ${pick(r, HISTORY)} and ${pick(r, HISTORY)}, diagnosed ${int(r, 1, 25)} ` +
    `years ago.`,
  (r) =>
    `Regular medications are ` +
    `${pick(r, ['metformin', 'amlodipine', 'ramipril', 'apixaban', 'levothyroxine', 'atorvastatin'])} ` +
    `${int(r, 1, 20) * 5} mg daily and ${pick(r, ['bisoprolol', 'furosemide', 'omeprazole', 'sertraline'])} ` +
    `${int(r, 1, 8) * 5} mg daily.`,
  (r) =>
    `On examination the ` +
    pick(r, [
      'chest was clear',
      'abdomen was soft and non-tender',
      'heart sounds were normal',
      'calves were not swollen',
    ]) +
    ', ' +
    `and ` +
    pick(r, [
      'there was no focal neurological deficit',
      'capillary refill was under two seconds',
      'the jugular venous pressure was not raised',
    ]) +
    '.',
  (r) =>
    `An ECG showed ${pick(r, ['sinus rhythm', 'atrial fibrillation', 'sinus tachycardia'])} at ` +
    `${int(r, 50, 150)} beats per minute with a QT interval of ${int(r, 320, 520)} ms.`,
  (r) =>
    `A chest radiograph ` +
    pick(r, [
      'was unremarkable',
      'showed a right lower lobe consolidation',
      'showed small bilateral effusions',
      'showed cardiomegaly',
    ]) +
    '.',
  (r) =>
    `Social history: ${pick(r, ['never smoked', 'former smoker of 20 pack-years', 'current smoker'])}, drinks ` +
    `${int(r, 0, 30)} units of alcohol per week, lives ${pick(r, ['alone', 'with a partner', 'with family'])}.`,
  (r) =>
    `The symptoms had been present for ${int(r, 1, 21)} days and were ` +
    `${pick(r, ['getting worse', 'stable', 'intermittent'])}; there was no recent travel.`,
  (r) => `The patient weighs ${round(45 + r() * 80, 1)} kg and is ${int(r, 148, 198)} cm tall.`,
  (r) =>
    `The patient was admitted for observation and reviewed again after ${int(r, 4, 48)} hours, when ` +
    `${pick(r, ['the symptoms had eased', 'the results were discussed with the family', 'treatment was adjusted'])}.`,
];

function makeNote(p: Patient, random: Random): string {
  const opening =
    `A ${p.age}-year-old ${p.sex === 'Male' ? 'man' : 'woman'} attends the ${pick(random, SETTINGS)} with ` +
    `${pick(random, COMPLAINTS)}.`;
  // Sentence counts skewed like the real notes: many short template notes, a long tail of case reports.
  const u = random();
  const sentences = u < 0.2 ? int(random, 0, 4) : u < 0.75 ? int(random, 5, 26) : int(random, 27, 80);
  const parts = [opening];
  for (let k = 0; k < sentences; k++) parts.push(pick(random, SENTENCES)(random));
  return parts.join(' ');
}

function makeEntities(p: Patient, random: Random): Entities {
  const entities: Entities = { age: [p.age, 'years'], sex: p.sex, weight: [p.weight, 'kg'], height: [p.height, 'cm'] };
  if (random() < 0.5) entities.creatinine = [round(0.5 + random() * 4, 2), random() < 0.8 ? 'mg/dL' : 'µmol/L'];
  if (random() < 0.5) entities['Systolic Blood Pressure'] = [int(random, 85, 190), 'mm hg'];
  if (random() < 0.5) entities['Heart Rate or Pulse'] = [int(random, 48, 140), 'beats per minute'];
  if (random() < 0.3) entities['Hypertension history'] = random() < 0.5;
  if (random() < 0.3) entities['Congestive Heart Faliure'] = random() < 0.5;
  if (random() < 0.2) entities['Last menstrual date'] = randomDate(random);
  if (random() < 0.2) entities.INR = round(0.9 + random() * 2.5, 1);
  return entities;
}

function makeExplanation(entry: CatalogEntry, random: Random): string {
  const steps = int(random, 2, 22);
  const lines = [`The ${entry.names[0]} is computed from the inputs reported in the note.`];
  for (let k = 1; k <= steps; k++) {
    lines.push(
      `Step ${k}: the ${pick(random, ['weight', 'age', 'creatinine', 'heart rate', 'sodium', 'albumin'])} is ` +
        `${round(random() * 150, 1)}, which contributes ${round(random() * 10, 2)} to the running total of ` +
        `${round(random() * 100, 3)}.`,
    );
  }
  return lines.join(' ');
}

// ---------------------------------------------------------------------------------------------------

function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function randomDate(random: Random): string {
  const date = new Date(Date.UTC(2015, 0, 1) + int(random, 0, 3650) * 86_400_000);
  return (
    `${String(date.getUTCMonth() + 1).padStart(2, '0')}/${String(date.getUTCDate()).padStart(2, '0')}/` +
    `${date.getUTCFullYear()}`
  );
}

function isoTime(random: Random): string {
  return new Date(Date.UTC(2025, 0, 1) + int(random, 0, 365 * 86_400) * 1000).toISOString().replace('.000Z', 'Z');
}

function parseArgs(argv: string[]): SyntheticOptions {
  let dir: string | undefined;
  const options: Partial<SyntheticOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--count') options.count = Number(value());
    else if (arg === '--split') options.split = value();
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else dir = arg;
  }
  if (!dir) throw new Error('usage: make-synthetic-benchmark.ts <dir> [--count 100000] [--split synth] [--seed 1]');
  if (options.count !== undefined && !(Number.isInteger(options.count) && options.count > 0))
    throw new Error('--count must be a positive whole number');
  return { ...options, dir: resolve(dir) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const options = parseArgs(process.argv.slice(2));
  const result = await makeSyntheticBenchmark(options);
  console.log(
    `synthetic benchmark: ${result.files} labels in ${result.folders} folders, ` +
      `${(result.bytes / 1e6).toFixed(1)} MB, ` +
      `${(result.ms / 1000).toFixed(1)} s → ${join(options.dir, LABELS_DIR, options.split ?? 'synth')}`,
  );
}
