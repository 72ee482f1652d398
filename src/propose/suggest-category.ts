import { auditLabel } from '../audit/classify.js';
import { findCalculator } from '../calculators/registry.js';
import type { CalcResult } from '../calculators/types.js';
import { formatGestationalAge } from '../label/answer.js';
import type { Label } from '../label/types.js';

export interface CategorySuggestion {
  category: string;
  /** What the calculators said, for the rationale; undefined when no calculator is available. */
  audit?: string;
}

/**
 * The error category to pre-fill for a proposal, from the calculators' audit of the current label:
 * `calculator-logic-mismatch` when only the v1.0 code convention reproduces the label (a known code
 * defect); `incomputable` for an N/A proposal on a label the reference calculator cannot compute
 * either; otherwise `unclassified`, left for the physician.
 */
export function suggestCategory(label: Label, proposesIncomputable: boolean): CategorySuggestion {
  if (!findCalculator(label.calculator.id)) return { category: 'unclassified' };
  let item: ReturnType<typeof auditLabel>;
  try {
    item = auditLabel(label);
  } catch (error) {
    // A calculator that fails on odd entities must not sink a batch: the physician classifies it.
    return { category: 'unclassified', audit: `calculator audit failed (${(error as Error).message})` };
  }
  const audit = `calculator audit: ${item.outcome}, reference calculator gives ${describeResult(item.reference)}`;
  if (item.outcome === 'calculator-logic-mismatch') return { category: 'calculator-logic-mismatch', audit };
  if (proposesIncomputable && item.outcome === 'incomputable') return { category: 'incomputable', audit };
  return { category: 'unclassified', audit };
}

function describeResult(result: CalcResult | null): string {
  if (!result) return 'nothing';
  if (result.incomputable) return `N/A (missing ${result.missing.join(', ') || 'inputs'})`;
  if (Array.isArray(result.value)) return formatGestationalAge(result.value);
  // Three decimals, as the v1.0 labels have: the audit explains, it does not set the value.
  return typeof result.value === 'number' ? String(Math.round(result.value * 1000) / 1000) : result.value;
}
