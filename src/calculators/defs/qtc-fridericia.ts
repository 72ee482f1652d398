import { defineQtc } from '../shared/qtc.js';

/** QTc by Fridericia: QT / ∛RR, RR in seconds (Fridericia LS, Acta Med Scand 1920;53:469-486). */
export const qtcFridericia = defineQtc({
  id: 56,
  slug: 'qtc-fridericia',
  names: ['QTc Fridericia Calculator'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/qt_calculator_fredericia.py',
  reference:
    'Fridericia LS. Die Systolendauer im Elektrokardiogramm bei normalen Menschen und bei Herzkranken. Acta Med ' +
    'Scand 1920;53:469-486',
  formula: 'QTc (Fridericia) = QT / RR^(1/3)',
  correct: (qt, rr) => qt / Math.cbrt(rr),
  // v1.0 computed rr ** (1/3); kept so its rounding reproduces to the last digit.
  v1: (qt, rr) => qt / rr ** (1 / 3),
});
