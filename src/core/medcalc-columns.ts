/** The 14 columns of a MedCalc-Bench CSV; the first may be called "Unique ID" (the audit's copy). */
export const MEDCALC_COLUMNS = [
  'Row Number',
  'Calculator ID',
  'Calculator Name',
  'Category',
  'Output Type',
  'Note ID',
  'Note Type',
  'Patient Note',
  'Question',
  'Relevant Entities',
  'Ground Truth Answer',
  'Lower Limit',
  'Upper Limit',
  'Ground Truth Explanation',
] as const;
