package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.footpain.knowledge.Setting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.*;
import static org.footpain.knowledge.Side.BILATERAL;
import static org.footpain.knowledge.Side.LEFT;
import static org.footpain.knowledge.Side.RIGHT;

/**
 * One textbook presentation per condition of the differential, each as a clinician would document it:
 * the history that brought the patient in and the examination that pins the diagnosis down. Each method
 * returns a fresh patient, so a test may add or remove findings.
 */
public final class TypicalPatients {

    private TypicalPatients() {
    }

    /** Every typical patient, keyed by the condition it typifies. */
    public static Map<String, Supplier<Patient>> all() {
        Map<String, Supplier<Patient>> all = new LinkedHashMap<>();
        all.put("l4-radiculopathy", TypicalPatients::leftL4Radiculopathy);
        all.put("l5-radiculopathy", TypicalPatients::rightL5Radiculopathy);
        all.put("s1-radiculopathy", TypicalPatients::leftS1Radiculopathy);
        all.put("lumbar-spinal-stenosis", TypicalPatients::neurogenicClaudication);
        all.put("cauda-equina-syndrome", TypicalPatients::caudaEquinaWithRetention);
        all.put("spinal-infection", TypicalPatients::epiduralAbscessInPersonWhoInjectsDrugs);
        all.put("spinal-malignancy", TypicalPatients::metastaticSpineDisease);
        all.put("vertebral-fracture", TypicalPatients::osteoporoticCompressionFracture);
        all.put("sacroiliac-joint-dysfunction", TypicalPatients::rightSacroiliacJointPain);
        all.put("myelopathy", TypicalPatients::cervicalMyelopathy);
        all.put("deep-gluteal-syndrome", TypicalPatients::leftDeepGlutealSyndrome);
        all.put("common-fibular-neuropathy", TypicalPatients::rightFibularNeuropathyAfterLegCrossing);
        all.put("tarsal-tunnel-syndrome", TypicalPatients::leftTarsalTunnelSyndrome);
        all.put("peripheral-polyneuropathy", TypicalPatients::diabeticPolyneuropathy);
        all.put("morton-neuroma", TypicalPatients::rightMortonNeuroma);
        all.put("plantar-fasciitis", TypicalPatients::leftPlantarFasciitis);
        all.put("achilles-tendinopathy", TypicalPatients::rightAchillesTendinopathyInRunner);
        all.put("peripheral-artery-disease", TypicalPatients::leftCalfClaudication);
        return all;
    }

    /** Anterior thigh to medial ankle, weak quadriceps, diminished knee jerk, positive femoral stretch. */
    public static Patient leftL4Radiculopathy() {
        return aged(55).symptomSide("left").durationWeeks(3)
                .pain("low-back", "anterior-thigh", "knee", "medial-ankle")
                .symptoms("leg-pain-worse-than-back-pain")
                .left(PATELLAR_REFLEX, "diminished").right(PATELLAR_REFLEX, "normal")
                .left(KNEE_EXTENSION, 4).right(KNEE_EXTENSION, 5)
                .dermatomalLoss("l4", LEFT)
                .left(FEMORAL_STRETCH, "positive").right(FEMORAL_STRETCH, "negative");
    }

    /** Pain to the dorsum of the foot, weak hip abduction and great toe extension, L5 sensory loss. */
    public static Patient rightL5Radiculopathy() {
        return aged(42).symptomSide("right").durationWeeks(3)
                .pain("low-back", "lateral-thigh", "shin", "dorsum-of-foot")
                .symptoms("leg-pain-worse-than-back-pain")
                .aggravatedBy("cough-sneeze-strain")
                .right(HEEL_WALK, "impaired").left(HEEL_WALK, "normal")
                .right(GREAT_TOE_EXTENSION, 4).left(GREAT_TOE_EXTENSION, 5)
                .right(HIP_ABDUCTION, 4).left(HIP_ABDUCTION, 5)
                .dermatomalLoss("l5", RIGHT)
                .right(STRAIGHT_LEG_RAISE, "positive").left(STRAIGHT_LEG_RAISE, "negative");
    }

    /** Sciatica to the lateral foot, absent ankle jerk, weak toe walking, S1 sensory loss, positive SLR. */
    public static Patient leftS1Radiculopathy() {
        return aged(38).symptomSide("left").durationWeeks(3)
                .pain("low-back", "posterior-thigh", "calf", "lateral-foot")
                .symptoms("leg-pain-worse-than-back-pain")
                .left(ACHILLES_REFLEX, "absent").right(ACHILLES_REFLEX, "normal")
                .left(TOE_WALK, "impaired").right(TOE_WALK, "normal")
                .dermatomalLoss("s1", LEFT)
                .left(STRAIGHT_LEG_RAISE, "positive").right(STRAIGHT_LEG_RAISE, "negative");
    }

    /** An older patient whose legs hurt on standing and walking and ease on sitting or bending forward. */
    public static Patient neurogenicClaudication() {
        return aged(74).seenIn(Setting.SPINE_CLINIC).symptomSide("bilateral").durationWeeks(52)
                .pain("low-back", "buttock", "posterior-thigh")
                .aggravatedBy("walking", "standing", "spinal-extension")
                .relievedBy("sitting-or-bending-forward")
                .flag(LUMBAR_EXTENSION_REPRODUCES, true)
                .bothLegs(STRAIGHT_LEG_RAISE, "negative")
                .bothLegs(DORSALIS_PEDIS_PULSE, "normal");
    }

    /** Saddle anaesthesia and urinary retention with sciatica in both legs, seen in the emergency department. */
    public static Patient caudaEquinaWithRetention() {
        return aged(44).seenIn(Setting.EMERGENCY_DEPARTMENT).symptomSide("bilateral").durationWeeks(0.3)
                .pain("low-back", "buttock", "posterior-thigh")
                .symptoms("back-pain", "weakness")
                .redFlags("saddle-anesthesia", "urinary-retention")
                .dermatomalLoss("saddle", BILATERAL)
                .bothLegs(ACHILLES_REFLEX, "absent");
    }

    /** Fever and back pain in a man who injects drugs, with spinous-process tenderness. */
    public static Patient epiduralAbscessInPersonWhoInjectsDrugs() {
        return aged(38).seenIn(Setting.EMERGENCY_DEPARTMENT).sex("male")
                .riskFactors("intravenous-drug-use")
                .pain("low-back").symptoms("back-pain")
                .redFlags("fever")
                .temperature(38.9)
                .flag(MIDLINE_TENDERNESS, true);
    }

    /** Back pain at night and weight loss in a man treated for prostate cancer. */
    public static Patient metastaticSpineDisease() {
        return aged(66).sex("male").riskFactors("cancer-history")
                .pain("low-back").symptoms("back-pain")
                .redFlags("unexplained-weight-loss", "unrelenting-night-pain")
                .flag(MIDLINE_TENDERNESS, true);
    }

    /** Sudden back pain in an older woman with osteoporosis on long-term corticosteroids. */
    public static Patient osteoporoticCompressionFracture() {
        return aged(76).sex("female").riskFactors("osteoporosis", "long-term-corticosteroids")
                .onset("sudden").pain("low-back").symptoms("back-pain")
                .flag(MIDLINE_TENDERNESS, true);
    }

    /** Buttock and groin pain with four of Laslett's five provocation tests positive on the right. */
    public static Patient rightSacroiliacJointPain() {
        return aged(45).symptomSide("right")
                .pain("buttock", "groin").symptoms("back-pain")
                .right(SACROILIAC_PROVOCATION, 4).left(SACROILIAC_PROVOCATION, 0)
                .bothLegs(STRAIGHT_LEG_RAISE, "negative");
    }

    /** Clumsy hands and an unsteady gait with Babinski, Hoffmann and clonus on both sides. */
    public static Patient cervicalMyelopathy() {
        return aged(63).pain("sole", "toes")
                .symptoms("unsteady-gait", "hand-clumsiness-or-numbness")
                .bothLegs(PLANTAR_RESPONSE, "extensor")
                .bothLegs(HOFFMANN, "positive")
                .bothLegs(ANKLE_CLONUS, "present");
    }

    /** Buttock pain on sitting with a positive FAIR test and deep gluteal tenderness on the left. */
    public static Patient leftDeepGlutealSyndrome() {
        return aged(34).symptomSide("left")
                .pain("buttock", "posterior-thigh").aggravatedBy("sitting")
                .left(FAIR_TEST, "positive").right(FAIR_TEST, "negative")
                .left(DEEP_GLUTEAL_TENDERNESS, "present").right(DEEP_GLUTEAL_TENDERNESS, "absent")
                .bothLegs(STRAIGHT_LEG_RAISE, "negative")
                .bothLegs(SACROILIAC_PROVOCATION, 0);
    }

    /** Foot slap after habitual leg crossing: weak dorsiflexion and eversion, spared inversion and hip abduction. */
    public static Patient rightFibularNeuropathyAfterLegCrossing() {
        return aged(52).symptomSide("right").riskFactors("prolonged-squatting-or-leg-crossing")
                .pain("shin", "dorsum-of-foot").symptoms("tripping-or-foot-slap")
                .right(ANKLE_DORSIFLEXION, 4).left(ANKLE_DORSIFLEXION, 5)
                .right(ANKLE_EVERSION, 4).left(ANKLE_EVERSION, 5)
                .bothLegs(ANKLE_INVERSION, 5)
                .bothLegs(HIP_ABDUCTION, 5)
                .nerveTerritoryLoss("common-fibular", RIGHT)
                .right(TINEL_FIBULAR_HEAD, "positive").left(TINEL_FIBULAR_HEAD, "negative");
    }

    /** Burning sole and medial ankle with a Tinel sign behind the medial malleolus. */
    public static Patient leftTarsalTunnelSyndrome() {
        return aged(48).seenIn(Setting.FOOT_AND_ANKLE_CLINIC).symptomSide("left")
                .pain("sole", "medial-ankle", "arch").symptoms("burning-pain", "tingling")
                .nerveTerritoryLoss("tibial-plantar", LEFT)
                .left(TINEL_TARSAL_TUNNEL, "positive").right(TINEL_TARSAL_TUNNEL, "negative")
                .bothLegs(PLANTAR_FASCIA_TENDERNESS, "absent")
                .bothLegs(WINDLASS, "negative");
    }

    /** Burning feet in diabetes with stocking loss, absent vibration and absent ankle jerks on both sides. */
    public static Patient diabeticPolyneuropathy() {
        return aged(66).riskFactors("diabetes").symptomSide("bilateral").onset("gradual")
                .pain("sole", "toes").symptoms("burning-pain", "numbness", "tingling")
                .flag(STOCKING_DISTRIBUTION, true)
                .bothLegs(VIBRATION_GREAT_TOE, "absent")
                .bothLegs(MONOFILAMENT, "reduced")
                .bothLegs(ACHILLES_REFLEX, "absent");
    }

    /** Forefoot pain between the toes, worse in tight shoes, with web-space tenderness and a Mulder click. */
    public static Patient rightMortonNeuroma() {
        return aged(44).seenIn(Setting.FOOT_AND_ANKLE_CLINIC).sex("female").symptomSide("right")
                .pain("forefoot", "between-toes")
                .aggravatedBy("tight-shoes").relievedBy("removing-shoes")
                .right(INTERDIGITAL_TENDERNESS, "present").left(INTERDIGITAL_TENDERNESS, "absent")
                .right(MULDER_CLICK, "positive").left(MULDER_CLICK, "negative");
    }

    /** First-step heel pain with plantar fascia tenderness and a positive windlass test. */
    public static Patient leftPlantarFasciitis() {
        return aged(50).seenIn(Setting.FOOT_AND_ANKLE_CLINIC).symptomSide("left").riskFactors("obesity")
                .pain("heel", "arch")
                .aggravatedBy("first-steps-after-rest").relievedBy("walking-a-few-steps")
                .left(PLANTAR_FASCIA_TENDERNESS, "present").right(PLANTAR_FASCIA_TENDERNESS, "absent")
                .left(WINDLASS, "positive").right(WINDLASS, "negative");
    }

    /** A runner's heel and calf pain on running, with a tender Achilles tendon. */
    public static Patient rightAchillesTendinopathyInRunner() {
        return aged(41).riskFactors("running-or-prolonged-standing").symptomSide("right")
                .pain("heel", "calf").aggravatedBy("running-or-jumping")
                .right(ACHILLES_TENDERNESS, "present").left(ACHILLES_TENDERNESS, "absent")
                .bothLegs(PLANTAR_FASCIA_TENDERNESS, "absent");
    }

    /** A smoker's calf cramp on walking, eased by standing still, with absent pedal pulses on the left. */
    public static Patient leftCalfClaudication() {
        return aged(69).riskFactors("smoking", "hypertension").symptomSide("left")
                .pain("calf").symptoms("calf-cramping-on-walking")
                .aggravatedBy("walking", "walking-uphill").relievedBy("standing-still")
                .left(DORSALIS_PEDIS_PULSE, "absent").right(DORSALIS_PEDIS_PULSE, "normal")
                .left(POSTERIOR_TIBIAL_PULSE, "absent").right(POSTERIOR_TIBIAL_PULSE, "normal");
    }
}
