import type { Label } from '../../src/label/types.js';

/** A small valid label for tests; override any part. */
export function makeLabel(overrides: Partial<Label> = {}): Label {
  return {
    id: 'demo-0001',
    split: 'demo',
    calculator: { id: 6, name: 'Body Mass Index (BMI)', category: 'physical' },
    source: {
      dataset: 'test',
      version: '0',
      row: 1,
      calculatorId: 6,
      noteId: 'n-1',
      noteType: 'Synthetic',
      outputType: 'decimal',
    },
    note: 'A synthetic note.',
    question: 'What is the BMI?',
    entities: { weight: [70, 'kg'], height: [175, 'cm'] },
    answer: { kind: 'decimal', value: 22.857, lower: 21.71415, upper: 23.99985 },
    explanation: '70 / 1.75^2',
    status: 'original',
    revision: null,
    signoffs: [],
    ...overrides,
  };
}
