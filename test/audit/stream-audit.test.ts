import { describe, expect, it } from 'vitest';
import { auditJson, auditMarkdown } from '../../src/audit/report.js';
import { auditLabels } from '../../src/audit/run-audit.js';
import { AuditStream } from '../../src/audit/stream-audit.js';
import { readAllLabels } from '../../src/store/read.js';
import { REPO_ROOT } from '../helpers/shared.js';

// The streaming audit must print what the in-memory one does, byte for byte, for any --triage.
describe('AuditStream', () => {
  it.each([0, 2, 3.5, -2, 50])('gives auditMarkdown and auditJson exactly (triage limit %s)', async (limit) => {
    const labels = await readAllLabels(REPO_ROOT);
    expect(labels.length).toBeGreaterThan(5);
    const report = auditLabels(labels);
    expect(report.triage.length).toBeGreaterThan(2);
    const stream = new AuditStream(limit);
    try {
      for (const { label, file } of labels) stream.add(label, file);
      expect(stream.triageCount).toBe(report.triage.length);
      expect(stream.markdown()).toBe(auditMarkdown(report, { triageLimit: limit }));
      const json = JSON.stringify(auditJson(report), null, 2) + '\n';
      expect([...stream.json()].join('')).toBe(json);
      // A second read gives the same text (the CLI writes --out and stdout from one run).
      expect([...stream.json()].join('')).toBe(json);
    } finally {
      stream.close();
    }
  });

  it('prints an empty queue as auditJson does', () => {
    const stream = new AuditStream(50);
    try {
      const empty = auditLabels([]);
      expect([...stream.json()].join('')).toBe(JSON.stringify(auditJson(empty), null, 2) + '\n');
      expect(stream.markdown()).toBe(auditMarkdown(empty, { triageLimit: 50 }));
    } finally {
      stream.close();
    }
  });
});
