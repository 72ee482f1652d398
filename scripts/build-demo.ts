/**
 * Builds the repository's own demo benchmark (labels/demo/...): synthetic patients written for this
 * project, not taken from MedCalc-Bench. Answers are computed by hand (arithmetic in the comments).
 * Five labels are wrong on purpose, so that `steward audit` has something to find:
 *   demo-0003  CHA2DS2-VASc 3: diabetes was missed (extraction error; the right score is 4)
 *   demo-0008  GCS 13: the verbal score counted twice, the v1.0 code defect (right: 10)
 *   demo-0009  due date with |cycle − 28|, the v1.0 code defect (right: 10/12/2024)
 *   demo-0013  BMI 35.2: weight misread (right: 29.984)
 *   demo-0017  anion gap 12 with no chloride in the note: incomputable
 * Run: npx tsx scripts/build-demo.ts   (idempotent; rewrites only what changes)
 */
import { resolve } from 'node:path';
import { catalogById } from '../src/calculators/catalog.js';
import { answerWithLimits } from '../src/label/answer.js';
import type { ComputableKind, Entities, Label, WeeksDays } from '../src/label/types.js';
import { writeLabels } from '../src/store/write.js';

interface DemoItem {
  row: number;
  calculatorId: number;
  note: string;
  question: string;
  entities: Entities;
  answer: number | string | WeeksDays;
  explanation: string;
}

const items: DemoItem[] = [
  {
    row: 1,
    calculatorId: 6,
    note:
      'A 45-year-old woman attends a weight-management clinic. She weighs 82 kg and is 165 cm tall. Blood pressure ' +
      '132/84 mmHg.',
    question: 'Compute this patient’s BMI (kg/m²).',
    entities: { weight: [82, 'kg'], height: [165, 'cm'] },
    answer: 30.119, // 82 / 1.65² = 82 / 2.7225 = 30.1194
    explanation: 'BMI = weight / height² = 82 kg / (1.65 m)² = 30.119 kg/m².',
  },
  {
    row: 2,
    calculatorId: 5,
    note:
      'A 58-year-old man is reviewed on the ward after a hernia repair. Blood pressure 128/76 mm Hg, pulse 70/min, ' +
      'afebrile.',
    question: 'Compute the mean arterial pressure (mm Hg) from the recorded blood pressure.',
    entities: { 'Systolic Blood Pressure': [128, 'mm hg'], 'Diastolic Blood Pressure': [76, 'mm hg'] },
    answer: 93.333, // (2·76 + 128) / 3 = 280 / 3
    explanation: 'MAP = (2 × DBP + SBP) / 3 = (2 × 76 + 128) / 3 = 93.333 mm Hg.',
  },
  {
    row: 3,
    calculatorId: 4,
    note:
      'A 72-year-old woman with newly found atrial fibrillation. History of hypertension and type 2 diabetes on ' +
      'metformin. No heart failure, stroke, TIA or vascular disease.',
    question: 'Compute the CHA2DS2-VASc stroke-risk score for this patient.',
    entities: {
      age: [72, 'years'],
      sex: 'Female',
      'Hypertension history': true,
      'Diabetes history': true,
      'Congestive Heart Faliure': false,
      Stroke: false,
      'Transient Ischemic Attacks History': false,
      'Thromboembolism history': false,
      'Vascular disease history': false,
    },
    answer: 3, // WRONG on purpose: age 65–74 (1) + female (1) + hypertension (1) + diabetes (1) = 4
    explanation: 'Age 65–74: 1. Female: 1. Hypertension: 1. Total 3.',
  },
  {
    row: 4,
    calculatorId: 39,
    note:
      'A 35-year-old man with gastroenteritis. Labs: sodium 138 mmol/L, potassium 3.6 mmol/L, chloride 102 mmol/L, ' +
      'bicarbonate 24 mmol/L.',
    question: 'Compute the serum anion gap (mEq/L).',
    entities: { Sodium: [138, 'mmol/L'], Chloride: [102, 'mmol/L'], Bicarbonate: [24, 'mmol/L'] },
    answer: 12, // 138 − (102 + 24)
    explanation: 'Anion gap = Na − (Cl + HCO3) = 138 − (102 + 24) = 12 mEq/L.',
  },
  {
    row: 5,
    calculatorId: 11,
    note: 'A 50-year-old woman on a macrolide has an ECG: sinus rhythm at 75 beats per minute, QT interval 400 ms.',
    question: 'Correct the QT interval for heart rate with Bazett’s formula; give it in msec.',
    entities: { 'Heart Rate or Pulse': [75, 'beats per minute'], 'QT interval': [400, 'msec'] },
    answer: 447.214, // RR = 60/75 = 0.8 s; 400 / √0.8 = 447.2136
    explanation: 'RR = 60 / 75 = 0.8 s. QTc = QT / √RR = 400 / √0.8 = 447.214 msec.',
  },
  {
    row: 6,
    calculatorId: 7,
    note: 'A 67-year-old man with malnutrition. Serum calcium 8.0 mg/dL, albumin 2.5 g/dL, phosphate normal.',
    question: 'Correct the serum calcium (mg/dL) for the low albumin, taking 4 g/dL as normal albumin.',
    entities: { Calcium: [8.0, 'mg/dL'], Albumin: [2.5, 'g/dL'] },
    answer: 9.2, // 8.0 + 0.8 × (4 − 2.5)
    explanation: 'Corrected Ca = Ca + 0.8 × (4 − albumin) = 8.0 + 0.8 × 1.5 = 9.2 mg/dL.',
  },
  {
    row: 7,
    calculatorId: 45,
    note:
      'A 70-year-old man with community-acquired pneumonia. Alert and oriented. Respiratory rate 32/min, blood ' +
      'pressure 95/55 mm Hg. BUN 25 mg/dL.',
    question: 'Compute the CURB-65 pneumonia severity score.',
    entities: {
      age: [70, 'years'],
      Confusion: false,
      'Blood Urea Nitrogen (BUN)': [25, 'mg/dL'],
      'respiratory rate': [32, 'breaths per minute'],
      'Systolic Blood Pressure': [95, 'mm hg'],
      'Diastolic Blood Pressure': [55, 'mm hg'],
    },
    answer: 4, // BUN > 19 (1) + RR ≥ 30 (1) + DBP ≤ 60 (1) + age ≥ 65 (1)
    explanation: 'Confusion 0, BUN > 19 mg/dL 1, RR ≥ 30 1, SBP < 90 or DBP ≤ 60 1, age ≥ 65 1: total 4.',
  },
  {
    row: 8,
    calculatorId: 21,
    note:
      'A 40-year-old cyclist after a fall. He opens his eyes only to a painful stimulus, says inappropriate words, ' +
      'and localizes pain with his right arm.',
    question: 'Compute the Glasgow Coma Scale total.',
    entities: {
      'Best eye response': 'eye opening to pain',
      'Best verbal response': 'inappropriate words',
      'Best motor response': 'localizes pain',
    },
    answer: 13, // WRONG on purpose (v1.0 defect): eye 2 + verbal 3 + motor 5 = 10; counting verbal twice gives 13
    explanation: 'Eye 2, verbal 3, motor 5, verbal 3: 13.',
  },
  {
    row: 9,
    calculatorId: 13,
    note:
      'A 29-year-old woman with a positive pregnancy test. Her last menstrual period began on 01/10/2024 ' +
      'and her cycles are regular at 24 days.',
    question: 'Estimate the due date from the last menstrual period and cycle length (Naegele’s rule), as MM/DD/YYYY.',
    entities: { 'Last menstrual date': '01/10/2024', 'cycle length': 24 },
    answer: '10/20/2024', // WRONG on purpose (v1.0 defect): 01/10/2024 + 280 d = 10/16/2024, + (24 − 28) = 10/12/2024
    explanation: 'LMP + 280 days + |24 − 28| days = 10/20/2024.',
  },
  {
    row: 10,
    calculatorId: 69,
    note: 'A woman is seen in the antenatal clinic on 03/10/2024. Her last menstrual period started on 01/01/2024.',
    question: 'Estimate the gestational age from the last menstrual period, as (weeks, days).',
    entities: { 'Current Date': '03/10/2024', 'Last menstrual date': '01/01/2024' },
    answer: [9, 6], // Jan 1 → Mar 10, 2024 = 30 + 29 + 10 = 69 days = 9 weeks 6 days
    explanation: 'From 01/01/2024 to 03/10/2024 is 69 days: 9 weeks and 6 days.',
  },
  {
    row: 11,
    calculatorId: 2,
    note: 'A 60-year-old man before contrast CT. Weight 80 kg, height 180 cm. Serum creatinine 1.2 mg/dL.',
    question:
      'Estimate creatinine clearance (mL/min) with Cockcroft-Gault. Weight to use: adjusted body weight when BMI ' +
      'is overweight or obese, the smaller of ideal and actual weight when BMI is normal, actual weight when ' +
      'underweight.',
    entities: { age: [60, 'years'], sex: 'Male', weight: [80, 'kg'], height: [180, 'cm'], creatinine: [1.2, 'mg/dL'] },
    // BMI 80/1.8² = 24.69 (normal) → min(IBW, 80); IBW = 50 + 2.3 × (180/2.54 − 60) = 74.9921
    // CrCl = (140 − 60) × 74.9921 / (72 × 1.2) = 69.437
    answer: 69.437,
    explanation:
      'BMI 24.7 (normal): weight = min(IBW 74.99 kg, 80 kg). CrCl = (140 − 60) × 74.99 / (72 × 1.2) = 69.437 mL/min.',
  },
  {
    row: 12,
    calculatorId: 30,
    note: 'A 52-year-old woman with vomiting. Sodium 140 mEq/L, BUN 14 mg/dL, glucose 90 mg/dL.',
    question: 'Compute the calculated serum osmolality (mOsm/kg).',
    entities: { Sodium: [140, 'mEq/L'], 'Blood Urea Nitrogen (BUN)': [14, 'mg/dL'], Glucose: [90, 'mg/dL'] },
    answer: 290, // 2 × 140 + 14/2.8 + 90/18 = 280 + 5 + 5
    explanation: 'Osm = 2 × Na + BUN / 2.8 + glucose / 18 = 280 + 5 + 5 = 290 mOsm/kg.',
  },
  {
    row: 13,
    calculatorId: 6,
    note: 'A 38-year-old man, 95 kg and 178 cm, asks about knee pain when running.',
    question: 'Compute this patient’s BMI (kg/m²).',
    entities: { weight: [95, 'kg'], height: [178, 'cm'] },
    answer: 35.2, // WRONG on purpose: 95 / 1.78² = 29.984
    explanation: 'BMI = 111.5 kg / (1.78 m)² = 35.2 kg/m².',
  },
  {
    row: 14,
    calculatorId: 44,
    note:
      'Fasting lipid panel of a 48-year-old man: total cholesterol 200 mg/dL, HDL 50 mg/dL, triglycerides 150 ' +
      'mg/dL.',
    question: 'Compute LDL cholesterol (mg/dL) with the Friedewald equation.',
    entities: {
      'Total cholesterol': [200, 'mg/dL'],
      'high-density lipoprotein cholesterol': [50, 'mg/dL'],
      Triglycerides: [150, 'mg/dL'],
    },
    answer: 120, // 200 − 50 − 150/5
    explanation: 'LDL = TC − HDL − TG/5 = 200 − 50 − 30 = 120 mg/dL.',
  },
  {
    row: 15,
    calculatorId: 10,
    note: 'A 30-year-old woman, 165 cm tall, is to be ventilated after an overdose.',
    question: 'Compute the ideal body weight (kg) from height (Devine formula).',
    entities: { sex: 'Female', height: [165, 'cm'] },
    answer: 56.91, // 45.5 + 2.3 × (165/2.54 − 60) = 45.5 + 2.3 × 4.9606 = 56.9094
    explanation: 'IBW = 45.5 + 2.3 × (height in inches − 60) = 45.5 + 2.3 × 4.961 = 56.91 kg.',
  },
  {
    row: 16,
    calculatorId: 39,
    note: 'A 61-year-old woman with diabetic ketoacidosis. Sodium 132 mEq/L, chloride 96 mEq/L, bicarbonate 10 mEq/L.',
    question: 'Compute the serum anion gap (mEq/L).',
    entities: { Sodium: [132, 'mEq/L'], Chloride: [96, 'mEq/L'], Bicarbonate: [10, 'mEq/L'] },
    answer: 26, // 132 − (96 + 10)
    explanation: 'Anion gap = 132 − (96 + 10) = 26 mEq/L.',
  },
  {
    row: 17,
    calculatorId: 39,
    note:
      'A 44-year-old man with confusion. Sodium 136 mEq/L and bicarbonate 20 mEq/L; the chloride sample haemolysed ' +
      'and was not reported.',
    question: 'Compute the serum anion gap (mEq/L).',
    entities: { Sodium: [136, 'mEq/L'], Bicarbonate: [20, 'mEq/L'] },
    answer: 12, // WRONG on purpose: no chloride, the anion gap cannot be computed
    explanation: 'Anion gap = 136 − (104 + 20) = 12 mEq/L (chloride assumed normal).',
  },
];

function toLabel(item: DemoItem): Label {
  const entry = catalogById(item.calculatorId);
  if (!entry) throw new Error(`unknown calculator ${item.calculatorId}`);
  const answer = answerWithLimits(entry.kind as ComputableKind, item.answer);
  return {
    id: `demo-${String(item.row).padStart(4, '0')}`,
    split: 'demo',
    calculator: { id: entry.id, name: entry.names[0], category: entry.category },
    source: {
      dataset: 'medcalc-steward demo',
      version: '1',
      row: item.row,
      calculatorId: entry.id,
      noteId: `demo-note-${item.row}`,
      noteType: 'Synthetic',
      outputType: entry.kind === 'gestational-age' ? 'integer' : entry.kind,
    },
    note: item.note,
    question: item.question,
    entities: item.entities,
    answer,
    explanation: item.explanation,
    status: 'original',
    revision: null,
    signoffs: [],
  };
}

const dir = resolve(process.argv[2] ?? '.');
const result = await writeLabels(dir, items.map(toLabel));
console.log(`demo benchmark: ${result.written.length} written, ${result.unchanged} unchanged in ${dir}/labels/demo`);
