import { defineCalculator, entities, shape } from '../define.js';
import { PointsTally } from '../shared/tally.js';

/** The data's spellings of "bedridden recently > 3 days or major surgery within 12 weeks" (one criterion). */
const BEDRIDDEN_OR_SURGERY = [
  'Bedridden recently >3 days or major surgery within 12 weeks',
  'Bedridden recently >3 days',
  'Major surgery within 12 weeks',
] as const;

/** The one-point criteria, in MDCalc's order, as (data key, criterion). */
const ONE_POINT: readonly (readonly [string, string])[] = [
  ['Calf swelling >3 centimeters compared to the other leg', 'Calf swelling > 3 cm compared to the other leg'],
  ['Collateral (nonvaricose) superficial veins present', 'Collateral (nonvaricose) superficial veins'],
  ['Entire Leg Swollen', 'Entire leg swollen'],
  ['Localized tenderness along the deep venous system', 'Localized tenderness along the deep venous system'],
  ['Pitting edema, confined to symptomatic leg', 'Pitting edema confined to the symptomatic leg'],
  [
    'Paralysis, paresis, or recent plaster immobilization of the lower extremity',
    'Paralysis, paresis or recent plaster immobilization of the lower extremity',
  ],
  ['Previously documented Deep Vein Thrombosis', 'Previously documented DVT'],
];

const ALTERNATIVE = 'Alternative diagnosis to Deep Vein Thrombosis as likely or more likely';

/** Wells' criteria for DVT (Wells et al., N Engl J Med 2003;349:1227–35). */
export const wellsDvt = defineCalculator({
  id: 16,
  slug: 'wells-dvt',
  names: ["Wells' Criteria for DVT"],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/wells_criteria_dvt.py',
  reference: 'Wells PS et al. N Engl J Med 2003;349:1227-35; MDCalc "Wells\' Criteria for DVT"',
  entitySchema: entities({
    'Active cancer': shape.flag,
    ...Object.fromEntries(BEDRIDDEN_OR_SURGERY.map((key) => [key, shape.flag])),
    ...Object.fromEntries(ONE_POINT.map(([key]) => [key, shape.flag])),
    [ALTERNATIVE]: shape.flag,
  }),
  compute(inputs) {
    const tally = new PointsTally(inputs);
    tally.finding('Active cancer (treatment or palliation within 6 months)', inputs.flag('Active cancer'), 1);
    tally.finding(
      'Bedridden recently > 3 days or major surgery within 12 weeks',
      inputs.anyFlag(BEDRIDDEN_OR_SURGERY),
      1,
      Object.fromEntries(BEDRIDDEN_OR_SURGERY.filter((k) => inputs.has(k)).map((k) => [k, inputs.flag(k)])),
    );
    for (const [key, criterion] of ONE_POINT) tally.finding(criterion, inputs.flag(key), 1);
    tally.finding('Alternative diagnosis to DVT as likely or more likely', inputs.flag(ALTERNATIVE), -2);
    return tally.finish("Wells' DVT score", 'integer');
  },
});
