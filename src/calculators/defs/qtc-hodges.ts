import { defineQtc } from '../shared/qtc.js';

/** QTc by Hodges: QT + 1.75 × (HR − 60) (Hodges M et al., J Am Coll Cardiol 1983;1:694). */
export const qtcHodges = defineQtc({
  id: 58,
  slug: 'qtc-hodges',
  names: ['QTc Hodges Calculator'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/qt_calculator_hodges.py',
  reference:
    "Hodges M, Salerno D, Erlien D. Bazett's QT correction reviewed: evidence that a linear QT correction for " +
    'heart rate is better. J Am Coll Cardiol 1983;1:694',
  formula: 'QTc (Hodges) = QT + 1.75 × (HR − 60)',
  correct: (qt, _rr, hr) => qt + 1.75 * (hr - 60),
  // v1.0 recovered the heart rate as 60 / RR from its rounded RR, which shifts the result slightly.
  v1: (qt, rr) => qt + 1.75 * (60 / rr - 60),
});
