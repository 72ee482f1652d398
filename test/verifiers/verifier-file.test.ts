import { describe, expect, it } from 'vitest';
import { readVerifierFile } from '../../src/propose/verifier-file.js';
import { errorOf } from '../helpers/errors.js';

const line = (o: object) => JSON.stringify(o);
const verifyLabelsLine = {
  id: 'demo-0002',
  value: 22.857,
  category: 'extraction-error',
  rationale: 'Entities re-extracted from the note…',
  evidence: [{ entity: 'weight', quote: 'weighs 70 kg' }],
  votes: {
    runs: 5,
    supermajority: 4,
    clusters: [
      { value: 22.857, count: 4, runs: [0, 1, 2, 4] },
      { value: 29.4, count: 1, runs: [3] },
    ],
    invalid: 0,
  },
  decided: true,
  provenance: {
    tool: 'medcalc-steward@0.1.0',
    mode: 'extract',
    models: ['model-x-2026'],
    promptHash: 'ab'.repeat(32),
    calls: [],
  },
};

describe('propose --from reads verify-labels lines as they are', () => {
  it('folds votes, quotes and provenance into the evidence text', () => {
    const [row] = readVerifierFile({ file: 'run.jsonl', text: line(verifyLabelsLine) });
    expect(row).toMatchObject({
      ref: { id: 'demo-0002' },
      value: '22.857',
      category: 'extraction-error',
      decided: true,
    });
    expect(row.votes).toBe('votes 4 of 5 for 22.857 (decided, supermajority 4; others: 29.4 ×1)');
    expect(row.evidence).toBe(
      'votes 4 of 5 for 22.857 (decided, supermajority 4; others: 29.4 ×1); quotes: weight: "weighs 70 kg"; ' +
        'model model-x-2026, prompt sha256:abababababab, medcalc-steward@0.1.0',
    );
    expect(row.contentious).toBeUndefined();
  });

  it('marks an item without consensus contentious, so the policy sends it to physicians', () => {
    const [row] = readVerifierFile({ file: 'run.jsonl', text: line({ ...verifyLabelsLine, decided: false }) });
    expect(row.contentious).toBe(true);
    expect(row.votes).toContain('no consensus');
  });

  it('refuses malformed votes, decisions and quotes with the line number', () => {
    const bad = [
      { ...verifyLabelsLine, votes: { runs: 'five' } },
      { ...verifyLabelsLine, decided: 'yes' },
      { ...verifyLabelsLine, evidence: [{ entity: 1 }] },
      { ...verifyLabelsLine, provenance: 'someone' },
    ];
    for (const b of bad) {
      const e = errorOf(() => readVerifierFile({ file: 'run.jsonl', text: `${line(verifyLabelsLine)}\n${line(b)}\n` }));
      expect(e.code).toBe('JSONL_BAD_FIELD');
      expect(e.message).toMatch(/^run\.jsonl: line 2: /);
    }
  });
});
