import { defineQtc } from '../shared/qtc.js';

/** QTc by Bazett: QT / √RR, RR in seconds (Bazett HC, Heart 1920;7:353-370). */
export const qtcBazett = defineQtc({
  id: 11,
  slug: 'qtc-bazett',
  names: ['QTc Bazett Calculator'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/qt_calculator_bazett.py',
  reference: 'Bazett HC. An analysis of the time-relations of electrocardiograms. Heart 1920;7:353-370',
  formula: 'QTc (Bazett) = QT / √RR',
  correct: (qt, rr) => qt / Math.sqrt(rr),
});
