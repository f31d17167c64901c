/*
 * The closed vocabularies of the assessment contract (shared/contract/assessment-api.md), as [wire code, label]
 * pairs. Each key is the name of the Java enum in org.footpain.api.dto that reads it, and ClinicianPageTest checks
 * that every list here holds exactly that enum's codes: a misspelt code would be a 400.
 */
window.FootPain = window.FootPain || {};

FootPain.vocabulary = {
  Setting: [
    ["primary-care", "Primary care"],
    ["spine-clinic", "Spine clinic"],
    ["foot-and-ankle-clinic", "Foot and ankle clinic"],
    ["emergency-department", "Emergency department"]
  ],
  Sex: [
    ["female", "Female"],
    ["male", "Male"],
    ["other", "Other"],
    ["unknown", "Unknown"]
  ],
  RiskFactor: [
    ["diabetes", "Diabetes"],
    ["cancer-history", "History of cancer"],
    ["immunosuppression", "Immunosuppression"],
    ["intravenous-drug-use", "Intravenous drug use"],
    ["osteoporosis", "Osteoporosis"],
    ["long-term-corticosteroids", "Long-term corticosteroids"],
    ["smoking", "Smoking"],
    ["hypertension", "Hypertension"],
    ["hyperlipidemia", "Hyperlipidaemia"],
    ["chronic-kidney-disease", "Chronic kidney disease"],
    ["heavy-alcohol-use", "Heavy alcohol use"],
    ["recent-spinal-procedure", "Recent spinal procedure"],
    ["recent-bacteremia-or-infection", "Recent bacteraemia or infection"],
    ["prolonged-squatting-or-leg-crossing", "Prolonged squatting or leg crossing"],
    ["recent-weight-loss-diet-or-bariatric-surgery", "Recent weight-loss diet or bariatric surgery"],
    ["running-or-prolonged-standing", "Running or prolonged standing"],
    ["obesity", "Obesity"]
  ],
  SymptomSide: [
    ["left", "Left leg"],
    ["right", "Right leg"],
    ["bilateral", "Both legs"]
  ],
  Onset: [
    ["sudden", "Sudden"],
    ["gradual", "Gradual"]
  ],
  PainLocation: [
    ["low-back", "Low back"],
    ["buttock", "Buttock"],
    ["groin", "Groin"],
    ["anterior-thigh", "Front of thigh"],
    ["posterior-thigh", "Back of thigh"],
    ["lateral-thigh", "Side of thigh"],
    ["knee", "Knee"],
    ["shin", "Shin"],
    ["calf", "Calf"],
    ["medial-ankle", "Inner ankle"],
    ["heel", "Heel"],
    ["sole", "Sole"],
    ["arch", "Arch"],
    ["dorsum-of-foot", "Top of foot"],
    ["lateral-foot", "Outer foot"],
    ["forefoot", "Forefoot"],
    ["toes", "Toes"],
    ["between-toes", "Between the toes"]
  ],
  Symptom: [
    ["back-pain", "Back pain"],
    ["leg-pain-worse-than-back-pain", "Leg pain worse than back pain"],
    ["numbness", "Numbness"],
    ["tingling", "Tingling"],
    ["burning-pain", "Burning pain"],
    ["weakness", "Weakness"],
    ["tripping-or-foot-slap", "Tripping or foot slap"],
    ["calf-cramping-on-walking", "Calf cramping on walking"],
    ["cold-foot", "Cold foot"],
    ["foot-pain-at-night-relieved-by-dangling", "Foot pain at night, relieved by dangling"],
    ["unsteady-gait", "Unsteady gait"],
    ["hand-clumsiness-or-numbness", "Hand clumsiness or numbness"]
  ],
  Aggravator: [
    ["sitting", "Sitting"],
    ["standing", "Standing"],
    ["walking", "Walking"],
    ["walking-uphill", "Walking uphill"],
    ["walking-downhill", "Walking downhill"],
    ["bending-forward", "Bending forward"],
    ["spinal-extension", "Spinal extension"],
    ["cough-sneeze-strain", "Cough, sneeze or strain"],
    ["first-steps-after-rest", "First steps after rest"],
    ["tight-shoes", "Tight shoes"],
    ["prolonged-standing", "Prolonged standing"],
    ["running-or-jumping", "Running or jumping"]
  ],
  Reliever: [
    ["sitting-or-bending-forward", "Sitting or bending forward"],
    ["standing-still", "Standing still"],
    ["lying-down", "Lying down"],
    ["rest", "Rest"],
    ["removing-shoes", "Removing shoes"],
    ["walking-a-few-steps", "Walking a few steps"]
  ],
  RedFlag: [
    ["saddle-anesthesia", "Saddle anaesthesia"],
    ["urinary-retention", "Urinary retention"],
    ["urinary-incontinence", "Urinary incontinence"],
    ["fecal-incontinence", "Faecal incontinence"],
    ["new-sexual-dysfunction", "New sexual dysfunction"],
    ["fever", "Fever"],
    ["unexplained-weight-loss", "Unexplained weight loss"],
    ["significant-trauma", "Significant trauma"],
    ["unrelenting-night-pain", "Unrelenting night pain"],
    ["progressive-weakness", "Progressive weakness"]
  ],
  WalkResult: [
    ["normal", "Normal"],
    ["impaired", "Impaired"],
    ["unable", "Unable"]
  ],
  ReflexGrade: [
    ["absent", "Absent"],
    ["diminished", "Diminished"],
    ["normal", "Normal"],
    ["brisk", "Brisk"]
  ],
  PlantarResponse: [
    ["flexor", "Flexor (down-going)"],
    ["extensor", "Extensor (Babinski)"],
    ["equivocal", "Equivocal"]
  ],
  PresentAbsent: [
    ["present", "Present"],
    ["absent", "Absent"]
  ],
  PositiveNegative: [
    ["positive", "Positive"],
    ["negative", "Negative"]
  ],
  SensationGrade: [
    ["normal", "Normal"],
    ["reduced", "Reduced"],
    ["absent", "Absent"]
  ],
  PulseGrade: [
    ["normal", "Normal"],
    ["diminished", "Diminished"],
    ["absent", "Absent"]
  ],
  Dermatome: [
    ["l2", "L2"],
    ["l3", "L3"],
    ["l4", "L4"],
    ["l5", "L5"],
    ["s1", "S1"],
    ["s2", "S2"],
    ["saddle", "Saddle (S3–S5)"]
  ],
  Nerve: [
    ["common-fibular", "Common fibular"],
    ["superficial-fibular", "Superficial fibular"],
    ["deep-fibular", "Deep fibular"],
    ["tibial-plantar", "Tibial (plantar)"],
    ["sural", "Sural"],
    ["saphenous", "Saphenous"],
    ["interdigital", "Interdigital"]
  ],
  LossSide: [
    ["left", "Left"],
    ["right", "Right"],
    ["bilateral", "Both"]
  ]
};
