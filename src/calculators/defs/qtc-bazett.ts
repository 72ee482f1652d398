import { defineQtc } from './_body-and-dates-helpers.js';

/** QTc by Bazett: QT / √RR, RR in seconds (Bazett HC, Heart 1920;7:353-370). */
export const qtcBazett = defineQtc({
  id: 11,
  reference: 'Bazett HC. An analysis of the time-relations of electrocardiograms. Heart 1920;7:353-370',
  formula: 'QTc (Bazett) = QT / √RR',
  correct: (qt, rr) => qt / Math.sqrt(rr),
});
