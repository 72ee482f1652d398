/**
 * The works every release of a MedCalc-Bench-derived benchmark stands on, as CITATION.cff references.
 * MedCalc-Bench is CC-BY-SA 4.0: attribution is a condition of the licence, not a courtesy.
 */
export interface CitedWork {
  type: 'data' | 'article';
  title: string;
  authors: { 'family-names': string; 'given-names': string }[];
  year: number;
  url: string;
  identifiers: { type: 'url' | 'other'; value: string; description: string }[];
  license?: string;
  'repository-code'?: string;
}

const person = (given: string, family: string) => ({ 'given-names': given, 'family-names': family });

export const MEDCALC_BENCH: CitedWork = {
  type: 'data',
  title: 'MedCalc-Bench: Evaluating Large Language Models for Medical Calculations',
  authors: [
    person('Nikhil', 'Khandekar'),
    person('Qiao', 'Jin'),
    person('Guangzhi', 'Xiong'),
    person('Soren', 'Dunn'),
    person('Serina S.', 'Applebaum'),
    person('Zain', 'Anwar'),
    person('Maame', 'Sarfo-Gyamfi'),
    person('Conrad W.', 'Safranek'),
    person('Abid A.', 'Anwar'),
    person('Andrew', 'Zhang'),
    person('Aidan', 'Gilson'),
    person('Maxwell B.', 'Singer'),
    person('Amisha', 'Dave'),
    person('Andrew', 'Taylor'),
    person('Aidong', 'Zhang'),
    person('Qingyu', 'Chen'),
    person('Zhiyong', 'Lu'),
  ],
  year: 2024,
  url: 'https://github.com/ncbi-nlp/MedCalc-Bench',
  identifiers: [
    {
      type: 'other',
      value: 'arXiv:2406.12036',
      description: 'The MedCalc-Bench paper (NeurIPS 2024 Datasets and Benchmarks)',
    },
  ],
  license: 'CC-BY-SA-4.0',
  'repository-code': 'https://github.com/ncbi-nlp/MedCalc-Bench',
};

export const STEWARDSHIP_PAPER: CitedWork = {
  type: 'article',
  title: 'Scalable Stewardship of an LLM-Assisted Clinical Benchmark with Physician Oversight',
  authors: [
    person('Junze', 'Ye'),
    person('Daniel', 'Tawfik'),
    person('Alex J.', 'Goodell'),
    person('Nikhil V.', 'Kotha'),
    person('Mark K.', 'Buyyounouski'),
    person('Mohsen', 'Bayati'),
  ],
  year: 2025,
  url: 'https://arxiv.org/abs/2512.19691',
  identifiers: [
    {
      type: 'other',
      value: 'arXiv:2512.19691',
      description: 'The physician-led audit and stewardship method this tool implements',
    },
  ],
  'repository-code': 'https://github.com/junzeye/validate-medcalc-labels',
};

export const CITED_WORKS: readonly CitedWork[] = [MEDCALC_BENCH, STEWARDSHIP_PAPER];
