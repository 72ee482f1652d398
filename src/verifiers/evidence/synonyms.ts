/**
 * How notes name each entity. Built from clinical abbreviations in common use (the names, acronyms
 * and short forms of laboratory reports and case reports: "Cr", "SCr", "BUN", "HR", "RR", "SpO2") and
 * from the entity keys' own wording; never from what any particular note or label says.
 *
 * `analyte` names the conversion family in units.ts; `monovalent` says mEq/L equals mmol/L;
 * `measured` marks values a note normally states as a number (labs, vitals, body size), so that a
 * missing or different number means something. Booleans list the finding's names; the negation cues
 * are in ground.ts.
 */

export interface EntitySynonyms {
  names: RegExp;
  analyte?: string;
  monovalent?: boolean;
  measured?: boolean;
  /** Counts per µL (platelets, white cells): the note may write 149,000, 149 K, 149 × 10⁹/L. */
  count?: boolean;
}

const n = (source: string) => new RegExp(source, 'gi');

export const ENTITY_SYNONYMS: Record<string, EntitySynonyms> = {
  age: {
    names: n(String.raw`\b(?:years?|yrs?|yo|y\/o|y\.o\.|aged?|months?|mo)\b|year-old|-year|-month`),
    measured: true,
  },
  weight: {
    names: n(String.raw`\b(?:weight|weighed|weighing|weighs|wt|body ?mass)\b|\bkg\b|\blbs?\b|pounds`),
    measured: true,
    analyte: 'weight',
  },
  height: {
    names: n(String.raw`\b(?:height|tall|ht|length|stature)\b|\bcm\b|\bm\b|inches|feet|\bft\b`),
    measured: true,
    analyte: 'height',
  },
  creatinine: { names: n(String.raw`\b(?:creatinine|creat|s?cr|crea)\b`), analyte: 'creatinine', measured: true },
  'Pre-operative creatinine': {
    names: n(String.raw`\b(?:creatinine|creat|s?cr)\b`),
    analyte: 'creatinine',
    measured: true,
  },
  'Urine creatinine': { names: n(String.raw`\b(?:creatinine|creat|u?cr)\b`), analyte: 'creatinine', measured: true },
  Albumin: { names: n(String.raw`\b(?:albumin|alb)\b`), measured: true },
  Bilirubin: { names: n(String.raw`\b(?:bilirubin|bili|t\.? ?bil|tbil)\b`), analyte: 'bilirubin', measured: true },
  'Blood Urea Nitrogen (BUN)': {
    names: n(String.raw`\b(?:bun|urea|blood urea nitrogen|urea nitrogen)\b`),
    analyte: 'bun',
    measured: true,
  },
  Glucose: { names: n(String.raw`\b(?:glucose|sugar|glycemia|bg|fbg|fpg)\b`), analyte: 'glucose', measured: true },
  Calcium: { names: n(String.raw`\b(?:calcium|ca)\b`), analyte: 'calcium', measured: true },
  Sodium: { names: n(String.raw`\b(?:sodium|na\+?)(?![a-z])`), monovalent: true, measured: true },
  'Urine sodium': { names: n(String.raw`\b(?:sodium|na\+?)(?![a-z])`), monovalent: true, measured: true },
  Potassium: { names: n(String.raw`\b(?:potassium|k\+?)(?![a-z])`), monovalent: true, measured: true },
  Chloride: { names: n(String.raw`\b(?:chloride|cl-?)(?![a-z])`), monovalent: true, measured: true },
  Bicarbonate: {
    names: n(String.raw`\b(?:bicarbonate|bicarb|hco3-?|hco₃|tco2|co2|total co2)(?![a-z])`),
    monovalent: true,
    measured: true,
  },
  'Total cholesterol': { names: n(String.raw`\b(?:cholesterol|tc|chol)\b`), analyte: 'cholesterol', measured: true },
  'high-density lipoprotein cholesterol': {
    names: n(String.raw`\b(?:hdl|high[- ]density)`),
    analyte: 'cholesterol',
    measured: true,
  },
  Triglycerides: { names: n(String.raw`\b(?:triglycerides?|tg|trig)\b`), analyte: 'triglycerides', measured: true },
  Hemoglobin: { names: n(String.raw`\b(?:ha?emoglobin|hgb|hb)\b`), measured: true },
  Hematocrit: { names: n(String.raw`\b(?:ha?ematocrit|hct)\b`), measured: true },
  'Platelet count': { names: n(String.raw`\b(?:platelets?|plt|plts|thrombocytes?)\b`), measured: true, count: true },
  'White blood cell count': {
    names: n(
      String.raw`\b(?:white blood cells?|white cells?|wbcs?|leukocytes?|leucocytes?|white (?:blood )?cell count)\b`,
    ),
    measured: true,
    count: true,
  },
  'Aspartate aminotransferase': { names: n(String.raw`\b(?:ast|sgot|aspartate)`), measured: true },
  'Alanine aminotransferase': { names: n(String.raw`\b(?:alt|sgpt|alanine)`), measured: true },
  'international normalized ratio': {
    names: n(String.raw`\b(?:inr|international normali[sz]ed ratio)\b`),
    measured: true,
  },
  pH: { names: n(String.raw`\bph\b`), measured: true },
  'Heart Rate or Pulse': {
    names: n(String.raw`\b(?:heart rate|pulse|hr|bpm|beats|tachycardi\w*|bradycardi\w*|p)\b`),
    measured: true,
  },
  'Systolic Blood Pressure': { names: n(String.raw`\b(?:blood pressure|bp|systolic|sbp|mm ?hg)\b`), measured: true },
  'Diastolic Blood Pressure': { names: n(String.raw`\b(?:blood pressure|bp|diastolic|dbp|mm ?hg)\b`), measured: true },
  'respiratory rate': {
    names: n(String.raw`\b(?:respiratory rate|respiration|respirations|rr|breaths|breathing|tachypn\w*)\b`),
    measured: true,
  },
  Temperature: {
    names: n(String.raw`\b(?:temperature|temp|febrile|fever|afebrile|t)\b|°|º`),
    measured: true,
    analyte: 'temperature',
  },
  'O₂ saturation percentage': {
    names: n(String.raw`\b(?:saturation|sat|sats|spo2|spo₂|sao2|o2|oxygen)\b`),
    measured: true,
  },
  'FiO₂': { names: n(String.raw`\b(?:fio2|fio₂|fraction of inspired|inspired oxygen|oxygen)\b`) },
  'Partial pressure of oxygen (PaO₂) for Apache II': {
    names: n(String.raw`\b(?:pao2|pao₂|po2|po₂|partial pressure of oxygen|oxygen tension)\b`),
    measured: true,
  },
  'PaCO₂': { names: n(String.raw`\b(?:paco2|paco₂|pco2|pco₂|carbon dioxide)\b`), measured: true },
  'QT interval': { names: n(String.raw`\b(?:qt|qtc|qt interval)\b`), measured: true },
  'Urine Output': { names: n(String.raw`\b(?:urine output|urinary output|diuresis|uop|urine)\b`) },
  'cycle length': { names: n(String.raw`\b(?:cycle|cycles|menstrual|period|days)\b`) },
  'Glasgow Coma Score': { names: n(String.raw`\b(?:gcs|glasgow)\b`) },
  'Number of Alcoholic Drinks Per Week': { names: n(String.raw`\b(?:drinks?|alcohol|beers?|wine|liquor|glasses)\b`) },
  // Inputs a published score or equation cannot default (see NEEDED_INPUTS in check-label.ts).
  'Initial troponin': {
    names: n(
      String.raw`\b(?:troponins?|trop|tni|tnt|ctni|ctnt|hs-?ctn\w*|` +
        String.raw`cardiac enzymes|cardiac markers|cardiac biomarkers)\b`,
    ),
    measured: true,
  },
  'Electrocardiogram Test': {
    names: n(
      String.raw`\b(?:ecg|ekg|electrocardiogra\w*|st[- ]segment|st elevation|st depression|sinus rhythm|t[- ]wave)\b`,
    ),
    measured: true,
  },
  Race: {
    names: n(
      String.raw`\b(?:african|caucasian|asian|hispanic|latin[oa]|race|ethnicity|ethnic)\b|\b(?:black|white)\b` +
        String.raw`(?!\s+(?:blood|cells?|count|matter|stools?|tarry|coat(?:ed)?|spots?|patch\w*|lesions?|plaques?|` +
        String.raw`discharge|sputum|vomit\w*))`,
    ),
    measured: true,
  },
  // Throat examination findings (Centor/McIsaac, FeverPAIN): a note that never describes the throat or
  // the neck nodes has not examined them, which is not the same as finding them normal.
  'Exudate or swelling on tonsils': {
    names: n(String.raw`\b(?:tonsil\w*|exudat\w*|pharyn\w*|oropharyn\w*|throat)\b`),
    measured: true,
  },
  'Tender/swollen anterior cervical lymph nodes': {
    names: n(String.raw`\b(?:lymph\w*|nodes?|adenopathy|lymphadenopathy|lymphadenitis)\b`),
    measured: true,
  },
  'Purulent tonsils': { names: n(String.raw`\b(?:tonsil\w*|exudat\w*|purulen\w*|pus|pharyn\w*)\b`), measured: true },
  'Severe tonsil inflammation': {
    names: n(String.raw`\b(?:tonsil\w*|pharyn\w*|inflam\w*|erythem\w*|swollen|swelling)\b`),
    measured: true,
  },
  // Booleans: the finding's names.
  Hemoptysis: { names: n(String.raw`\b(?:ha?emoptysis|coughing up blood|blood-tinged sputum)\b`) },
  'Hypertension history': { names: n(String.raw`\b(?:hypertension|hypertensive|htn|high blood pressure)\b`) },
  'Congestive Heart Faliure': {
    names: n(String.raw`\b(?:heart failure|chf|hfref|hfpef|cardiac failure|ventricular dysfunction)\b`),
  },
  'Diabetes history': { names: n(String.raw`\b(?:diabetes|diabetic|dm|t2dm|t1dm|iddm|niddm)\b`) },
  Stroke: { names: n(String.raw`\b(?:stroke|cva|cerebrovascular accident|cerebral infarct\w*)\b`) },
  'Transient Ischemic Attacks History': { names: n(String.raw`\b(?:tia|transient ischa?emic)\b`) },
  'Previously Documented Pulmonary Embolism': { names: n(String.raw`\b(?:pulmonary embol\w*|pe)\b`) },
  'Previously documented Deep Vein Thrombosis': {
    names: n(String.raw`\b(?:deep vein thrombosis|deep venous thrombosis|dvt)\b`),
  },
  'Chronic Obstructive Pulmonary Disease': {
    names: n(String.raw`\b(?:copd|chronic obstructive|emphysema|chronic bronchitis)\b`),
  },
  Dementia: { names: n(String.raw`\b(?:dementia|alzheimer\w*)\b`) },
  Confusion: { names: n(String.raw`\b(?:confus\w*|disorient\w*|altered mental)\b`) },
  'Altered mental status': { names: n(String.raw`\b(?:altered mental|confus\w*|disorient\w*|obtunded|lethargic)\b`) },
  'Active cancer': { names: n(String.raw`\b(?:cancer|carcinoma|malignan\w*|tumou?r|lymphoma|leukemia|metasta\w*)\b`) },
  'Myocardial infarction': { names: n(String.raw`\b(?:myocardial infarction|mi|stemi|nstemi|heart attack)\b`) },
  'Peripheral vascular disease': {
    names: n(String.raw`\b(?:peripheral vascular|peripheral arterial|pad|pvd|claudication)\b`),
  },
  Smoker: { names: n(String.raw`\b(?:smok\w*|cigarettes?|tobacco|pack-years?)\b`) },
  smoking: { names: n(String.raw`\b(?:smok\w*|cigarettes?|tobacco|pack-years?)\b`) },
  'Melena present': { names: n(String.raw`\b(?:mela?ena|black stools?|tarry stools?)\b`) },
  'Recent syncope': { names: n(String.raw`\b(?:syncop\w*|fainted|passed out|loss of consciousness)\b`) },
  'Cough Absent': { names: n(String.raw`\b(?:cough\w*)\b`) },
  Hypotension: { names: n(String.raw`\b(?:hypotens\w*)\b`) },
  obesity: { names: n(String.raw`\b(?:obes\w*)\b`) },
};

export function synonymsOf(key: string): EntitySynonyms | undefined {
  return ENTITY_SYNONYMS[key];
}
