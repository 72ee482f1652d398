/**
 * The synthetic fixture bench/score.ts (and older benchmarks) build: --folders x --per-folder labels
 * of ~1.3 KB at labels/test/calc-NNN/test-NNNNNN.json, one first commit made by the git CLI
 * (scaffolding, not what is measured).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Repo, initRepo, openRepo } from '../src/git/index.js';
import { canonicalJson } from '../src/store/canonical.js';
import { mulberry32 } from '../src/stats/random.js';

const WORDS = (
  'patient presented with acute onset of dyspnea chest pain fever creatinine serum mg dL history of ' +
  'hypertension diabetes mellitus admitted emergency department examination revealed blood pressure heart rate ' +
  'respiratory oxygen saturation laboratory results showed elevated troponin sodium potassium glucose'
).split(' ');

function rng(seed: number): () => number {
  return mulberry32(seed >>> 0).uniform;
}

export function slugOf(folder: number): string {
  return `calc-${String(folder).padStart(3, '0')}`;
}

export function labelPathOf(folder: number, index: number, perFolder: number): string {
  const id = `test-${String(folder * perFolder + index + 1).padStart(6, '0')}`;
  return `labels/test/${slugOf(folder)}/${id}.json`;
}

export function syntheticLabel(folder: number, index: number, perFolder: number, version = 0): string {
  const random = rng(folder * 1_000_003 + index * 7 + 1);
  const words = Array.from({ length: 70 }, () => WORDS[Math.floor(random() * WORDS.length)]);
  const value = Math.round(random() * 100_000) / 1000 + version;
  const row = folder * perFolder + index + 1;
  return canonicalJson({
    id: `test-${String(row).padStart(6, '0')}`,
    split: 'test',
    calculator: { id: folder + 1, name: `Synthetic calculator ${folder + 1}`, category: 'lab' },
    source: {
      dataset: 'MedCalc-Bench',
      version: '1.0',
      row,
      calculatorId: folder + 1,
      noteId: `pmc-${Math.floor(random() * 9e6)}-1`,
      noteType: 'Extracted',
      outputType: 'decimal',
    },
    note: words.join(' '),
    question: `What is the patient's synthetic score ${folder + 1}?`,
    entities: { age: [Math.floor(random() * 90) + 1, 'years'], sex: random() < 0.5 ? 'Male' : 'Female' },
    answer: { kind: 'decimal', value, lower: value * 0.95, upper: value * 1.05 },
    explanation: `Computed from the synthetic inputs, version ${version}.`,
    status: version === 0 ? 'original' : 'relabeled',
    revision: null,
    signoffs: [],
  });
}

const AUTHOR = { name: 'Bench Runner', email: 'bench@example.invalid' };

export async function buildFixture(dir: string, options: { folders: number; perFolder: number }): Promise<Repo> {
  await initRepo({ dir });
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  };
  git('config', 'gc.auto', '0');
  git('config', 'user.name', AUTHOR.name);
  git('config', 'user.email', AUTHOR.email);
  for (let folder = 0; folder < options.folders; folder++) {
    mkdirSync(join(dir, 'labels/test', slugOf(folder)), { recursive: true });
    for (let index = 0; index < options.perFolder; index++) {
      writeFileSync(
        join(dir, labelPathOf(folder, index, options.perFolder)),
        syntheticLabel(folder, index, options.perFolder),
      );
    }
  }
  writeFileSync(join(dir, 'README.md'), '# Synthetic benchmark labels\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'Import synthetic labels');
  return openRepo({ dir });
}
