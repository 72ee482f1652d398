import { defineQtc } from '../shared/qtc.js';

/**
 * QTc by the Framingham linear formula: QT + 154 × (1 − RR), RR in seconds (Sagie A et al., Am J Cardiol
 * 1992;70:797-801).
 */
export const qtcFramingham = defineQtc({
  id: 57,
  slug: 'qtc-framingham',
  names: ['QTc Framingham Calculator'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/qt_calculator_framingham.py',
  reference:
    'Sagie A, Larson MG, Goldberg RJ, et al. An improved method for adjusting the QT interval for heart rate ' +
    '(the Framingham Heart Study). Am J Cardiol 1992;70:797-801',
  formula: 'QTc (Framingham) = QT + 154 × (1 − RR)',
  correct: (qt, rr) => qt + 154 * (1 - rr),
});
