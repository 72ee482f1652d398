import { defineQtc } from '../shared/qtc.js';

/**
 * QTc by Rautaharju: QT × (120 + HR) / 180 (Rautaharju PM et al., Int J Cardiol 2014;174:535-540; MDCalc "Corrected QT
 * Interval (QTc)").
 */
export const qtcRautaharju = defineQtc({
  id: 59,
  slug: 'qtc-rautaharju',
  names: ['QTc Rautaharju Calculator'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/qt_calculator_rautaharju.py',
  reference:
    'Rautaharju PM, Mason JW, Akiyama T. New age- and sex-specific criteria for QT prolongation based on rate ' +
    'correction formulas that minimize bias at the upper normal limits. Int J Cardiol 2014;174:535-540; MDCalc ' +
    '"Corrected QT Interval (QTc)"',
  formula: 'QTc (Rautaharju) = QT × (120 + HR) / 180',
  // Uses the heart rate itself, so the v1.0 code's rounded RR does not enter.
  correct: (qt, _rr, hr) => (qt * (120 + hr)) / 180,
});
