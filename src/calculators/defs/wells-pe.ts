import { defineCalculator, entities, shape } from '../define.js';
import { PointsTally } from '../shared/tally.js';

const DVT_SIGNS = 'Clinical signs and symptoms of Deep Vein Thrombosis';
const PE_LIKELY = 'Pulmonary Embolism is #1 diagnosis OR equally likely';
const IMMOBILIZED = 'Immobilization for at least 3 days';
const SURGERY = 'Surgery in the previous 4 weeks';
const PRIOR_PE = 'Previously Documented Pulmonary Embolism';
const PRIOR_DVT = 'Previously documented Deep Vein Thrombosis';
const MALIGNANCY = 'Malignancy with treatment within 6 months or palliative';

/** Wells' criteria for pulmonary embolism (Wells et al., Thromb Haemost 2000;83:416–20). */
export const wellsPe = defineCalculator({
  id: 8,
  slug: 'wells-pe',
  names: ["Wells' Criteria for Pulmonary Embolism"],
  category: 'risk',
  kind: 'decimal',
  v1Source: 'calculator_implementations/wells_criteria_pe.py',
  reference: 'Wells PS et al. Thromb Haemost 2000;83:416-20; MDCalc "Wells\' Criteria for Pulmonary Embolism"',
  entitySchema: entities(
    {
      'Heart Rate or Pulse': shape.quantity,
      [DVT_SIGNS]: shape.flag,
      [PE_LIKELY]: shape.flag,
      [IMMOBILIZED]: shape.flag,
      [SURGERY]: shape.flag,
      [PRIOR_PE]: shape.flag,
      [PRIOR_DVT]: shape.flag,
      Hemoptysis: shape.flag,
      [MALIGNANCY]: shape.flag,
    },
    ['Heart Rate or Pulse'],
  ),
  compute(inputs) {
    const heartRate = inputs.ratePerMin('Heart Rate or Pulse');
    if (heartRate === undefined) return inputs.incomputable();

    const tally = new PointsTally(inputs);
    tally.finding('Clinical signs and symptoms of DVT', inputs.flag(DVT_SIGNS), 3);
    tally.finding('PE is the #1 diagnosis or equally likely', inputs.flag(PE_LIKELY), 3);
    tally.finding('Heart rate > 100', heartRate > 100, 1.5, { heartRate });
    // Immobilization and recent surgery are one criterion: 1.5 points if either is present.
    tally.finding(
      'Immobilization ≥ 3 days or surgery in the previous 4 weeks',
      inputs.anyFlag([IMMOBILIZED, SURGERY]),
      1.5,
    );
    tally.finding('Previous, objectively diagnosed PE or DVT', inputs.anyFlag([PRIOR_PE, PRIOR_DVT]), 1.5);
    tally.finding('Hemoptysis', inputs.flag('Hemoptysis'), 1);
    tally.finding('Malignancy with treatment within 6 months or palliative', inputs.flag(MALIGNANCY), 1);
    return tally.finish("Wells' PE score", 'decimal');
  },
});
