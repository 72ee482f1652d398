import type { Threshold } from '../shared/tally.js';

// The keys and point tables of APACHE II, shared by its reference and its v1.0 convention (apache-ii.ts,
// apache-ii-v1.ts).
export const FIO2_KEYS = ['FiO₂', 'FiO2'];
export const PAO2_KEYS = ['Partial pressure of oxygen (PaO₂) for Apache II', 'PaO2'];
export const CRF_KEYS = ['Chronic Renal Failure', 'Chronic renal failure'];

// Knaus 1985, table 1: each printed range starts at its lower limit (see `banded`).
export const TEMPERATURE: Threshold[] = [
  [41, 4],
  [39, 3],
  [38.5, 1],
  [36, 0],
  [34, 1],
  [32, 2],
  [30, 3],
];
export const MAP: Threshold[] = [
  [160, 4],
  [130, 3],
  [110, 2],
  [70, 0],
  [50, 2],
];
export const HEART_RATE: Threshold[] = [
  [180, 4],
  [140, 3],
  [110, 2],
  [70, 0],
  [55, 2],
  [40, 3],
];
export const RESPIRATORY_RATE: Threshold[] = [
  [50, 4],
  [35, 3],
  [25, 1],
  [12, 0],
  [10, 1],
  [6, 2],
];
export const A_A_GRADIENT: Threshold[] = [
  [500, 4],
  [350, 3],
  [200, 2],
];
export const PH: Threshold[] = [
  [7.7, 4],
  [7.6, 3],
  [7.5, 1],
  [7.33, 0],
  [7.25, 2],
  [7.15, 3],
];
export const SODIUM: Threshold[] = [
  [180, 4],
  [160, 3],
  [155, 2],
  [150, 1],
  [130, 0],
  [120, 2],
  [111, 3],
];
export const POTASSIUM: Threshold[] = [
  [7, 4],
  [6, 3],
  [5.5, 1],
  [3.5, 0],
  [3, 1],
  [2.5, 2],
];
export const CREATININE: Threshold[] = [
  [3.5, 4],
  [2, 3],
  [1.5, 2],
  [0.6, 0],
];
export const HEMATOCRIT: Threshold[] = [
  [60, 4],
  [50, 2],
  [46, 1],
  [30, 0],
  [20, 2],
];
export const WBC_THOUSANDS: Threshold[] = [
  [40, 4],
  [20, 2],
  [15, 1],
  [3, 0],
  [1, 2],
];
export const AGE: Threshold[] = [
  [75, 6],
  [65, 5],
  [55, 3],
  [45, 2],
];
