/*
 * Example patients for trying the page, one per region. Written for this page (invented patients, not the shared
 * vignettes); each `request` is a complete, valid POST /v1/assessments body, and ClinicianPageTest checks that each
 * one loads into the form unchanged and is answered with 200.
 */
window.FootPain = window.FootPain || {};

FootPain.examples = [
  {
    id: "spine",
    label: "Spine: L5 radiculopathy",
    summary: "52-year-old woman, 4 weeks of right leg pain down the side of the thigh and shin to the top of the foot after lifting; weak great-toe extension and hip abduction, L5 sensory loss, positive straight-leg raise.",
    request: {
      context: { setting: "primary-care" },
      patient: { ageYears: 52, sex: "female", riskFactors: [] },
      history: {
        symptomSide: "right",
        durationWeeks: 4,
        onset: "sudden",
        painLocations: ["low-back", "buttock", "lateral-thigh", "shin", "dorsum-of-foot"],
        symptoms: ["leg-pain-worse-than-back-pain", "numbness", "tingling"],
        aggravatedBy: ["sitting", "cough-sneeze-strain"],
        relievedBy: ["lying-down"],
        redFlagsScreened: true,
        redFlags: []
      },
      exam: {
        heelWalk: { left: "normal", right: "impaired" },
        toeWalk: { left: "normal", right: "normal" },
        reflexes: {
          patellar: { left: "normal", right: "normal" },
          achilles: { left: "normal", right: "normal" },
          plantarResponse: { left: "flexor", right: "flexor" }
        },
        strength: {
          hipAbduction: { left: 5, right: 4 },
          ankleDorsiflexion: { left: 5, right: 4 },
          greatToeExtension: { left: 5, right: 4 },
          ankleInversion: { left: 5, right: 4 },
          anklePlantarflexion: { left: 5, right: 5 }
        },
        sensory: {
          dermatomalLoss: [{ dermatome: "l5", side: "right" }]
        },
        neuralTension: {
          straightLegRaise: { left: "negative", right: "positive" }
        }
      }
    }
  },
  {
    id: "nerve",
    label: "Peripheral nerve: fibular neuropathy",
    summary: "38-year-old man, 2 weeks of a slapping left foot after a crash diet and long hours kneeling on a tiled floor; weak dorsiflexion and eversion with strong inversion, numb top of foot, Tinel sign at the fibular head.",
    request: {
      context: { setting: "primary-care" },
      patient: {
        ageYears: 38,
        sex: "male",
        riskFactors: ["prolonged-squatting-or-leg-crossing", "recent-weight-loss-diet-or-bariatric-surgery"]
      },
      history: {
        symptomSide: "left",
        durationWeeks: 2,
        onset: "sudden",
        painLocations: ["shin", "dorsum-of-foot"],
        symptoms: ["numbness", "weakness", "tripping-or-foot-slap"],
        redFlagsScreened: true,
        redFlags: []
      },
      exam: {
        heelWalk: { left: "impaired", right: "normal" },
        toeWalk: { left: "normal", right: "normal" },
        reflexes: {
          patellar: { left: "normal", right: "normal" },
          achilles: { left: "normal", right: "normal" }
        },
        strength: {
          hipAbduction: { left: 5, right: 5 },
          ankleDorsiflexion: { left: 4, right: 5 },
          greatToeExtension: { left: 4, right: 5 },
          ankleEversion: { left: 4, right: 5 },
          ankleInversion: { left: 5, right: 5 },
          anklePlantarflexion: { left: 5, right: 5 }
        },
        sensory: {
          nerveTerritoryLoss: [{ nerve: "common-fibular", side: "left" }]
        },
        neuralTension: {
          straightLegRaise: { left: "negative", right: "negative" }
        },
        foot: {
          tinelFibularHead: { left: "positive", right: "negative" }
        }
      }
    }
  },
  {
    id: "foot",
    label: "Foot: plantar fasciitis",
    summary: "45-year-old woman who took up running, 10 weeks of right heel pain worst on the first steps in the morning; tender plantar fascia insertion, positive windlass test, normal neurology.",
    request: {
      context: { setting: "foot-and-ankle-clinic" },
      patient: { ageYears: 45, sex: "female", riskFactors: ["obesity", "running-or-prolonged-standing"] },
      history: {
        symptomSide: "right",
        durationWeeks: 10,
        onset: "gradual",
        painLocations: ["heel", "arch"],
        aggravatedBy: ["first-steps-after-rest", "prolonged-standing"],
        relievedBy: ["rest"],
        redFlagsScreened: true,
        redFlags: []
      },
      exam: {
        reflexes: {
          achilles: { left: "normal", right: "normal" }
        },
        sensory: {
          monofilament: { left: "normal", right: "normal" }
        },
        neuralTension: {
          straightLegRaise: { left: "negative", right: "negative" }
        },
        foot: {
          plantarFasciaTenderness: { left: "absent", right: "present" },
          achillesTenderness: { left: "absent", right: "absent" },
          windlass: { left: "negative", right: "positive" },
          tinelTarsalTunnel: { left: "negative", right: "negative" }
        },
        vascular: {
          dorsalisPedisPulse: { left: "normal", right: "normal" }
        }
      }
    }
  },
  {
    id: "vessel",
    label: "Vessel: peripheral arterial disease",
    summary: "68-year-old man who smokes, with diabetes and hypertension: 6 months of left calf cramp after 200 m, eased by standing still; absent left foot pulses, left ankle-brachial index 0.62.",
    request: {
      context: { setting: "primary-care" },
      patient: {
        ageYears: 68,
        sex: "male",
        riskFactors: ["smoking", "diabetes", "hypertension", "hyperlipidemia"]
      },
      history: {
        symptomSide: "left",
        durationWeeks: 26,
        onset: "gradual",
        painLocations: ["calf"],
        symptoms: ["calf-cramping-on-walking"],
        aggravatedBy: ["walking", "walking-uphill"],
        relievedBy: ["standing-still"],
        redFlagsScreened: true,
        redFlags: []
      },
      exam: {
        reflexes: {
          patellar: { left: "normal", right: "normal" },
          achilles: { left: "normal", right: "normal" }
        },
        strength: {
          ankleDorsiflexion: { left: 5, right: 5 },
          anklePlantarflexion: { left: 5, right: 5 }
        },
        neuralTension: {
          straightLegRaise: { left: "negative", right: "negative" }
        },
        vascular: {
          dorsalisPedisPulse: { left: "absent", right: "normal" },
          posteriorTibialPulse: { left: "absent", right: "diminished" },
          ankleBrachialIndex: { left: 0.62, right: 0.97 }
        }
      }
    }
  },
  {
    id: "red-flag",
    label: "Red flag: cauda equina",
    summary: "41-year-old woman, 1 week of back pain and sciatica in both legs, since yesterday numb around the anus and unable to pass urine; saddle sensory loss, reduced ankle jerks on both sides.",
    request: {
      context: { setting: "emergency-department" },
      patient: { ageYears: 41, sex: "female", riskFactors: [] },
      history: {
        symptomSide: "bilateral",
        durationWeeks: 1,
        onset: "sudden",
        painLocations: ["low-back", "buttock", "posterior-thigh", "calf"],
        symptoms: ["back-pain", "leg-pain-worse-than-back-pain", "numbness"],
        aggravatedBy: ["cough-sneeze-strain"],
        redFlags: ["saddle-anesthesia", "urinary-retention"]
      },
      exam: {
        reflexes: {
          patellar: { left: "normal", right: "normal" },
          achilles: { left: "diminished", right: "diminished" },
          plantarResponse: { left: "flexor", right: "flexor" }
        },
        strength: {
          anklePlantarflexion: { left: 4, right: 4 }
        },
        sensory: {
          dermatomalLoss: [{ dermatome: "saddle", side: "bilateral" }]
        },
        neuralTension: {
          straightLegRaise: { left: "positive", right: "positive" }
        }
      }
    }
  }
];
