import { adjustedBodyWeight } from './defs/adjusted-body-weight.js';
import { bmi } from './defs/bmi.js';
import { bodySurfaceArea } from './defs/body-surface-area.js';
import { estimatedConception } from './defs/estimated-conception.js';
import { estimatedDueDate } from './defs/estimated-due-date.js';
import { gestationalAge } from './defs/gestational-age.js';
import { idealBodyWeight } from './defs/ideal-body-weight.js';
import { maintenanceFluids } from './defs/maintenance-fluids.js';
import { meanArterialPressure } from './defs/mean-arterial-pressure.js';
import { mme } from './defs/mme.js';
import { qtcBazett } from './defs/qtc-bazett.js';
import { qtcFramingham } from './defs/qtc-framingham.js';
import { qtcFridericia } from './defs/qtc-fridericia.js';
import { qtcHodges } from './defs/qtc-hodges.js';
import { qtcRautaharju } from './defs/qtc-rautaharju.js';
import { steroidConversion } from './defs/steroid-conversion.js';
import { targetWeight } from './defs/target-weight.js';
import type { CalculatorDefinition } from './types.js';

export const bodyAndDates: CalculatorDefinition[] = [
  meanArterialPressure,
  bmi,
  idealBodyWeight,
  qtcBazett,
  estimatedDueDate,
  maintenanceFluids,
  steroidConversion,
  mme,
  qtcFridericia,
  qtcFramingham,
  qtcHodges,
  qtcRautaharju,
  bodySurfaceArea,
  targetWeight,
  adjustedBodyWeight,
  estimatedConception,
  gestationalAge,
];
