import { auditLabels } from '../../audit/run-audit.js';
import { inputError } from '../../errors/index.js';
import type { Label } from '../../label/types.js';
import { readAllLabels } from '../../store/read.js';

export interface SelectOptions {
  dir: string;
  ids?: string[];
  calculator?: number;
  /** The audit's triage queue: the items it flags. */
  triaged?: boolean;
  split?: string;
}

/** The labels a verifier run covers, in the store's order; no selector means every label. */
export async function selectLabels(o: SelectOptions): Promise<Label[]> {
  const given = [o.ids && o.ids.length > 0, o.calculator !== undefined, o.triaged].filter(Boolean).length;
  if (given > 1) throw inputError('USAGE', 'choose one of --ids, --calculator, --triaged');
  let files = await readAllLabels(o.dir);
  if (o.split) files = files.filter((f) => f.label.split === o.split);
  if (o.ids && o.ids.length > 0) {
    const byId = new Map(files.map((f) => [f.label.id, f.label]));
    const unknown = o.ids.filter((id) => !byId.has(id));
    if (unknown.length > 0)
      throw inputError(
        'UNKNOWN_ID',
        `no label ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ''}`,
        { ids: unknown },
      );
    return [...new Set(o.ids)].map((id) => byId.get(id)!);
  }
  if (o.calculator !== undefined)
    return files.filter((f) => f.label.calculator.id === o.calculator).map((f) => f.label);
  if (o.triaged) {
    const queue = new Set(auditLabels(files).triage.map((i) => i.id));
    return files.filter((f) => queue.has(f.label.id)).map((f) => f.label);
  }
  return files.map((f) => f.label);
}
