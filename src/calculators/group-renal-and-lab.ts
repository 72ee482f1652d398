import { albuminCorrectedAnionGap } from './defs/albumin-corrected-anion-gap.js';
import { albuminCorrectedDeltaGap } from './defs/albumin-corrected-delta-gap.js';
import { albuminCorrectedDeltaRatio } from './defs/albumin-corrected-delta-ratio.js';
import { anionGap } from './defs/anion-gap.js';
import { calciumCorrection } from './defs/calcium-correction.js';
import { ckdEpiGfr } from './defs/ckd-epi-gfr.js';
import { creatinineClearance } from './defs/creatinine-clearance.js';
import { deltaGap } from './defs/delta-gap.js';
import { deltaRatio } from './defs/delta-ratio.js';
import { fena } from './defs/fena.js';
import { fib4 } from './defs/fib-4.js';
import { freeWaterDeficit } from './defs/free-water-deficit.js';
import { homaIr } from './defs/homa-ir.js';
import { ldlCalculated } from './defs/ldl-calculated.js';
import { mdrdGfr } from './defs/mdrd-gfr.js';
import { meldNa } from './defs/meld-na.js';
import { serumOsmolality } from './defs/serum-osmolality.js';
import { sodiumCorrection } from './defs/sodium-correction.js';
import type { CalculatorDefinition } from './types.js';

export const renalAndLab: CalculatorDefinition[] = [
  creatinineClearance,
  ckdEpiGfr,
  calciumCorrection,
  mdrdGfr,
  fib4,
  meldNa,
  sodiumCorrection,
  serumOsmolality,
  homaIr,
  freeWaterDeficit,
  anionGap,
  fena,
  ldlCalculated,
  deltaGap,
  deltaRatio,
  albuminCorrectedAnionGap,
  albuminCorrectedDeltaGap,
  albuminCorrectedDeltaRatio,
];
