import { cha2ds2Vasc } from './defs/cha2ds2-vasc.js';
import { centorMcisaac } from './defs/centor-mcisaac.js';
import { childPugh } from './defs/child-pugh.js';
import { curb65 } from './defs/curb-65.js';
import { feverpain } from './defs/feverpain.js';
import { gcs } from './defs/gcs.js';
import { hasBled } from './defs/has-bled.js';
import { heartScore } from './defs/heart-score.js';
import { perc } from './defs/perc.js';
import { rcri } from './defs/rcri.js';
import { sirs } from './defs/sirs.js';
import { wellsDvt } from './defs/wells-dvt.js';
import { wellsPe } from './defs/wells-pe.js';
import type { CalculatorDefinition } from './types.js';

/** Point scores and criteria counts taken at the bedside. */
export const bedsideScores: CalculatorDefinition[] = [
  cha2ds2Vasc,
  wellsPe,
  childPugh,
  wellsDvt,
  rcri,
  heartScore,
  centorMcisaac,
  gcs,
  hasBled,
  feverpain,
  curb65,
  perc,
  sirs,
];
