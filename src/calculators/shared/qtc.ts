/** The QT corrections (Bazett, Fridericia, Framingham, Hodges, Rautaharju): one reader, five formulas. */
import { defineCalculator, entities, shape } from '../define.js';
import type { CalculatorDefinition, CatalogEntry } from '../types.js';
import { decimalResult, roundV1 } from './v1-quirks.js';
import { unusable } from './body.js';

export interface QtcSpec extends CatalogEntry {
  reference: string;
  v1Source: string;
  /** The formula in words, for the trace. */
  formula: string;
  /** QTc (ms) from QT (ms), RR interval (s) and heart rate (/min). */
  correct(qtMs: number, rrSec: number, heartRate: number): number;
  /** The v1.0 code's variant, given its rounded RR; defaults to `correct` with the rounded RR. */
  v1?(qtMs: number, rrSecRounded: number, heartRate: number): number;
}

/** MedCalc-Bench v1.0 writes 'QT interval'; MedCalc-Bench Verified writes 'QT Interval'. */
const QT_KEYS = ['QT interval', 'QT Interval'] as const;

const qtcSchema = {
  ...entities({ 'Heart Rate or Pulse': shape.quantity, 'QT interval': shape.quantity, 'QT Interval': shape.quantity }, [
    'Heart Rate or Pulse',
  ]),
  // Ajv's strictRequired wants each alternative to declare the key it requires.
  anyOf: QT_KEYS.map((key) => ({ type: 'object', properties: { [key]: shape.quantity }, required: [key] })),
};

/**
 * A QT correction: reads heart rate and QT, derives RR = 60 / HR seconds and applies the formula.
 * Under `medcalc-v1.0` RR is rounded to 3 decimals first and the QTc rounded, as the original code did.
 */
export function defineQtc(spec: QtcSpec): CalculatorDefinition {
  const { formula: _formula, correct: _correct, v1: _v1, ...declared } = spec;
  return defineCalculator({
    ...declared,
    entitySchema: qtcSchema,
    compute(inputs) {
      const qtKey = inputs.firstKey(QT_KEYS);
      // v1.0 used the bare numbers; the reference converts units ('s' → ms) where the data gives them.
      const heartRate = inputs.isV1 ? inputs.number('Heart Rate or Pulse') : inputs.ratePerMin('Heart Rate or Pulse');
      const qt = inputs.isV1 ? inputs.number(qtKey) : inputs.intervalMs(qtKey);
      if (heartRate !== undefined && !(heartRate > 0)) unusable(inputs, 'Heart Rate or Pulse', 'not a positive rate');
      if (qt !== undefined && !(qt > 0)) unusable(inputs, qtKey, 'not a positive interval');
      if (inputs.incomplete || heartRate === undefined || qt === undefined) return inputs.incomputable();
      let rr = inputs.step('RR interval = 60 / heart rate (s)', { heartRate }, 60 / heartRate);
      if (inputs.isV1) rr = inputs.step('RR rounded to 3 decimals, as v1.0 did', { rr }, roundV1(rr));
      const formula = inputs.isV1 ? (spec.v1 ?? spec.correct) : spec.correct;
      return decimalResult(
        inputs,
        inputs.step(spec.formula, { qtMs: qt, rrSec: rr, heartRate }, formula(qt, rr, heartRate)),
      );
    },
  });
}
