import { readAllLabels } from '../src/store/read.js';
import { auditLabels } from '../src/audit/run-audit.js';
import { auditLabel } from '../src/audit/classify.js';
import { findCalculator } from '../src/calculators/registry.js';
const demo = (await readAllLabels('.')).map((f) => f.label);
const labels: any[] = [];
for (let i = 0; i < 100000; i++) labels.push({ label: { ...demo[i % demo.length], id: 'x' + i } });
const t = (name: string, fn: () => void) => { const c = process.cpuUsage(); fn(); const u = process.cpuUsage(c); console.log(name, ((u.user + u.system) / 1000).toFixed(0), 'cpu ms'); };
for (let k = 0; k < 3; k++) {
  t('both', () => { for (const { label } of labels) { const c = findCalculator(label.calculator.id)!; c.compute(label.entities); c.compute(label.entities, { convention: 'medcalc-v1.0' }); } });
  t('auditLabel loop', () => { for (const { label } of labels) auditLabel(label); });
  t('auditLabels', () => auditLabels(labels));
}
