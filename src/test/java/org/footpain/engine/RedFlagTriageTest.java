package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.footpain.engine.triage.TriageReason;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Setting;
import org.footpain.knowledge.TriageLevel;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.*;
import static org.footpain.knowledge.Side.BILATERAL;
import static org.footpain.knowledge.Side.LEFT;
import static org.footpain.knowledge.Side.RIGHT;
import static org.footpain.knowledge.Side.UNSIDED;
import static org.footpain.knowledge.TriageLevel.EMERGENCY;
import static org.footpain.knowledge.TriageLevel.ROUTINE;
import static org.footpain.knowledge.TriageLevel.URGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The triage policy of {@code triage-rules.md}, rule by rule: each fires at its level with its reason code and
 * the findings that fired it, and stays silent just short of its criteria. Plain JUnit: the engine is pure
 * Java over a loaded knowledge base, so no Quarkus container is needed.
 */
class RedFlagTriageTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();

    private static final String CAUDA_EQUINA = "suspected-cauda-equina";
    private static final String INFECTION = "suspected-spinal-infection";
    private static final String TRAUMA = "significant-trauma";
    private static final String FEVER_WITH_BACK_PAIN = "fever-with-back-pain";
    private static final String MALIGNANCY = "suspected-malignancy";
    private static final String FRACTURE = "suspected-osteoporotic-fracture";
    private static final String UPPER_MOTOR_NEURON = "upper-motor-neuron-signs";
    private static final String SEVERE_MOTOR = "severe-motor-deficit";
    private static final String PROGRESSIVE_MOTOR = "progressive-motor-deficit";
    private static final String LIMB_ISCHAEMIA = "critical-limb-ischaemia";
    private static final String HIGH_PROBABILITY = "high-probability-dangerous-condition";

    // --- suspected cauda equina -------------------------------------------------------------------------

    @Test
    void saddle_anaesthesia_is_an_emergency_for_suspected_cauda_equina() {
        Assessment a = CLINIC.assess(aged(40).pain("low-back").redFlags("saddle-anesthesia"));
        assertFired(a, CAUDA_EQUINA, EMERGENCY, redFlag("saddle-anesthesia"));
        assertEquals(EMERGENCY, a.triage().level());
    }

    @Test
    void urinary_retention_alone_is_an_emergency_for_suspected_cauda_equina() {
        assertFired(CLINIC.assess(aged(40).redFlags("urinary-retention")), CAUDA_EQUINA, EMERGENCY,
                redFlag("urinary-retention"));
    }

    @Test
    void faecal_incontinence_alone_is_an_emergency_for_suspected_cauda_equina() {
        assertFired(CLINIC.assess(aged(40).redFlags("fecal-incontinence")), CAUDA_EQUINA, EMERGENCY,
                redFlag("fecal-incontinence"));
    }

    @Test
    void saddle_sensory_loss_on_examination_is_an_emergency_for_suspected_cauda_equina() {
        assertFired(CLINIC.assess(aged(40).dermatomalLoss("saddle", BILATERAL)), CAUDA_EQUINA, EMERGENCY,
                Finding.code(DERMATOMAL_LOSS, BILATERAL, "saddle"));
    }

    @Test
    void urinary_incontinence_with_leg_pain_is_an_emergency_for_suspected_cauda_equina() {
        assertFired(CLINIC.assess(aged(40).pain("low-back", "calf").redFlags("urinary-incontinence")),
                CAUDA_EQUINA, EMERGENCY, redFlag("urinary-incontinence"), painIn("calf"));
    }

    @Test
    void new_sexual_dysfunction_with_a_leg_sign_is_an_emergency_for_suspected_cauda_equina() {
        assertFired(CLINIC.assess(aged(40).redFlags("new-sexual-dysfunction").left(ACHILLES_REFLEX, "absent")),
                CAUDA_EQUINA, EMERGENCY, redFlag("new-sexual-dysfunction"),
                Finding.code(ACHILLES_REFLEX, LEFT, "absent"));
    }

    @Test
    void urinary_incontinence_without_leg_pain_or_leg_signs_is_not_suspected_cauda_equina() {
        Assessment a = CLINIC.assess(aged(70).pain("low-back").symptoms("back-pain")
                .redFlags("urinary-incontinence").bothLegs(ACHILLES_REFLEX, "normal").bothLegs(TOE_WALK, "normal"));
        assertNotFired(a, CAUDA_EQUINA);
        assertEquals(ROUTINE, a.triage().level(), a.triage().reasons().toString());
    }

    @Test
    void new_sexual_dysfunction_with_back_pain_only_is_not_suspected_cauda_equina() {
        Assessment a = CLINIC.assess(aged(50).pain("low-back").redFlags("new-sexual-dysfunction"));
        assertNotFired(a, CAUDA_EQUINA);
        assertEquals(ROUTINE, a.triage().level(), a.triage().reasons().toString());
    }

    // --- suspected spinal infection ---------------------------------------------------------------------

    @Test
    void fever_in_a_person_who_injects_drugs_is_an_emergency_for_suspected_spinal_infection() {
        assertFired(CLINIC.assess(aged(35).redFlags("fever").riskFactors("intravenous-drug-use")), INFECTION,
                EMERGENCY, redFlag("fever"), riskFactor("intravenous-drug-use"));
    }

    @Test
    void a_measured_temperature_of_38_with_immunosuppression_is_an_emergency_for_suspected_spinal_infection() {
        assertFired(CLINIC.assess(aged(60).temperature(38.0).riskFactors("immunosuppression")), INFECTION,
                EMERGENCY, Finding.measure(TEMPERATURE, UNSIDED, 38.0), riskFactor("immunosuppression"));
    }

    @Test
    void a_temperature_of_37_9_is_not_fever() {
        Assessment a = CLINIC.assess(aged(60).temperature(37.9).riskFactors("immunosuppression").pain("low-back"));
        assertNotFired(a, INFECTION);
        assertNotFired(a, FEVER_WITH_BACK_PAIN);
    }

    @Test
    void fever_with_a_leg_sign_is_an_emergency_for_suspected_spinal_infection() {
        assertFired(CLINIC.assess(aged(50).redFlags("fever").left(KNEE_EXTENSION, 4)), INFECTION, EMERGENCY,
                redFlag("fever"), Finding.count(KNEE_EXTENSION, LEFT, 4));
    }

    @Test
    void fever_with_progressive_weakness_is_an_emergency_for_suspected_spinal_infection() {
        Assessment a = CLINIC.assess(aged(50).redFlags("fever", "progressive-weakness"));
        assertFired(a, INFECTION, EMERGENCY, redFlag("fever"), redFlag("progressive-weakness"));
        assertEquals(EMERGENCY, a.triage().level());
    }

    @Test
    void fever_without_back_pain_risk_factors_or_leg_signs_stays_routine() {
        Assessment a = CLINIC.assess(aged(40).redFlags("fever").pain("calf").bothLegs(ACHILLES_REFLEX, "normal"));
        assertNotFired(a, INFECTION);
        assertNotFired(a, FEVER_WITH_BACK_PAIN);
        assertEquals(ROUTINE, a.triage().level(), a.triage().reasons().toString());
    }

    // --- significant trauma -----------------------------------------------------------------------------

    @Test
    void significant_trauma_with_back_pain_is_an_emergency() {
        assertFired(CLINIC.assess(aged(40).redFlags("significant-trauma").symptoms("back-pain")), TRAUMA,
                EMERGENCY, redFlag("significant-trauma"), Finding.item(SYMPTOMS, "back-pain"));
    }

    @Test
    void significant_trauma_with_spinous_process_tenderness_is_an_emergency() {
        assertFired(CLINIC.assess(aged(40).redFlags("significant-trauma").flag(MIDLINE_TENDERNESS, true)), TRAUMA,
                EMERGENCY, redFlag("significant-trauma"), Finding.flag(MIDLINE_TENDERNESS, true));
    }

    @Test
    void significant_trauma_with_heel_pain_only_is_not_the_trauma_rule() {
        Assessment a = CLINIC.assess(aged(40).redFlags("significant-trauma").pain("heel"));
        assertNotFired(a, TRAUMA);
        assertEquals(ROUTINE, a.triage().level(), a.triage().reasons().toString());
    }

    // --- fever with back pain ---------------------------------------------------------------------------

    @Test
    void fever_with_back_pain_is_urgent() {
        Assessment a = CLINIC.assess(aged(40).redFlags("fever").pain("low-back"));
        assertFired(a, FEVER_WITH_BACK_PAIN, URGENT, redFlag("fever"), painIn("low-back"));
        assertEquals(URGENT, a.triage().level());
    }

    @Test
    void fever_with_heel_pain_is_not_fever_with_back_pain() {
        assertNotFired(CLINIC.assess(aged(40).redFlags("fever").pain("heel")), FEVER_WITH_BACK_PAIN);
    }

    @Test
    void fever_with_back_pain_in_a_person_who_injects_drugs_is_suspected_infection_instead() {
        Assessment a = CLINIC.assess(aged(40).redFlags("fever").pain("low-back").riskFactors("intravenous-drug-use"));
        assertFired(a, INFECTION, EMERGENCY, redFlag("fever"), riskFactor("intravenous-drug-use"));
        assertNotFired(a, FEVER_WITH_BACK_PAIN);
    }

    // --- suspected malignancy ---------------------------------------------------------------------------

    @Test
    void a_history_of_cancer_with_unrelenting_night_pain_is_urgent_for_suspected_malignancy() {
        assertFired(CLINIC.assess(aged(60).riskFactors("cancer-history").redFlags("unrelenting-night-pain")),
                MALIGNANCY, URGENT, riskFactor("cancer-history"), redFlag("unrelenting-night-pain"));
    }

    @Test
    void a_history_of_cancer_with_unexplained_weight_loss_is_urgent_for_suspected_malignancy() {
        assertFired(CLINIC.assess(aged(60).riskFactors("cancer-history").redFlags("unexplained-weight-loss")),
                MALIGNANCY, URGENT, riskFactor("cancer-history"), redFlag("unexplained-weight-loss"));
    }

    @Test
    void a_history_of_cancer_with_spinous_process_tenderness_is_urgent_for_suspected_malignancy() {
        assertFired(CLINIC.assess(aged(60).riskFactors("cancer-history").flag(MIDLINE_TENDERNESS, true)),
                MALIGNANCY, URGENT, riskFactor("cancer-history"), Finding.flag(MIDLINE_TENDERNESS, true));
    }

    @Test
    void weight_loss_with_night_pain_at_50_is_urgent_for_suspected_malignancy() {
        assertFired(CLINIC.assess(aged(50).redFlags("unexplained-weight-loss", "unrelenting-night-pain")),
                MALIGNANCY, URGENT, redFlag("unexplained-weight-loss"), redFlag("unrelenting-night-pain"),
                Finding.count(AGE, UNSIDED, 50));
    }

    @Test
    void weight_loss_with_night_pain_at_49_is_not_suspected_malignancy() {
        assertNotFired(CLINIC.assess(aged(49).redFlags("unexplained-weight-loss", "unrelenting-night-pain")),
                MALIGNANCY);
    }

    @ParameterizedTest(name = "in {0}")
    @EnumSource(Setting.class)
    void a_history_of_cancer_alone_stays_routine_at_any_adult_age(Setting setting) {
        for (int age : new int[] {30, 60, 85}) {
            Assessment a = CLINIC.assess(aged(age).seenIn(setting).pain("low-back").riskFactors("cancer-history"));
            assertEquals(ROUTINE, a.triage().level(), "age " + age + ": " + a.triage().reasons());
        }
    }

    @ParameterizedTest(name = "{0} alone")
    @ValueSource(strings = {"unrelenting-night-pain", "unexplained-weight-loss"})
    void night_pain_alone_or_weight_loss_alone_stays_routine(String redFlag) {
        Assessment a = CLINIC.assess(aged(60).pain("low-back").redFlags(redFlag));
        assertEquals(ROUTINE, a.triage().level(), a.triage().reasons().toString());
    }

    @ParameterizedTest(name = "in {0}")
    @EnumSource(Setting.class)
    void long_term_corticosteroids_alone_with_heel_pain_stay_routine(Setting setting) {
        Assessment a = CLINIC.assess(aged(60).seenIn(setting).pain("heel").riskFactors("long-term-corticosteroids"));
        assertEquals(ROUTINE, a.triage().level(), a.triage().reasons().toString());
    }

    // --- suspected osteoporotic fracture ----------------------------------------------------------------

    @Test
    void sudden_back_pain_with_osteoporosis_is_urgent_for_suspected_fracture() {
        assertFired(CLINIC.assess(aged(60).onset("sudden").symptoms("back-pain").riskFactors("osteoporosis")),
                FRACTURE, URGENT, Finding.item(ONSET, "sudden"), Finding.item(SYMPTOMS, "back-pain"),
                riskFactor("osteoporosis"));
    }

    @Test
    void spinous_process_tenderness_on_long_term_corticosteroids_is_urgent_for_suspected_fracture() {
        assertFired(CLINIC.assess(aged(55).flag(MIDLINE_TENDERNESS, true).riskFactors("long-term-corticosteroids")),
                FRACTURE, URGENT, Finding.flag(MIDLINE_TENDERNESS, true), riskFactor("long-term-corticosteroids"));
    }

    @Test
    void sudden_back_pain_at_70_is_urgent_for_suspected_fracture_and_at_69_is_not() {
        assertFired(CLINIC.assess(aged(70).onset("sudden").pain("low-back")), FRACTURE, URGENT,
                Finding.item(ONSET, "sudden"), painIn("low-back"), Finding.count(AGE, UNSIDED, 70));
        assertNotFired(CLINIC.assess(aged(69).onset("sudden").pain("low-back")), FRACTURE);
    }

    @Test
    void gradual_back_pain_with_osteoporosis_is_not_suspected_fracture() {
        assertNotFired(CLINIC.assess(aged(60).onset("gradual").pain("low-back").riskFactors("osteoporosis")),
                FRACTURE);
    }

    @Test
    void sudden_heel_pain_with_osteoporosis_is_not_suspected_vertebral_fracture() {
        assertNotFired(CLINIC.assess(aged(60).onset("sudden").pain("heel").riskFactors("osteoporosis")), FRACTURE);
    }

    // --- upper motor neuron signs -----------------------------------------------------------------------

    @Test
    void an_extensor_plantar_response_is_urgent_for_upper_motor_neuron_signs() {
        assertFired(CLINIC.assess(aged(60).right(PLANTAR_RESPONSE, "extensor")), UPPER_MOTOR_NEURON, URGENT,
                Finding.code(PLANTAR_RESPONSE, RIGHT, "extensor"));
    }

    @Test
    void ankle_clonus_is_urgent_for_upper_motor_neuron_signs() {
        assertFired(CLINIC.assess(aged(60).left(ANKLE_CLONUS, "present")), UPPER_MOTOR_NEURON, URGENT,
                Finding.code(ANKLE_CLONUS, LEFT, "present"));
    }

    @Test
    void a_positive_hoffmann_sign_is_urgent_for_upper_motor_neuron_signs() {
        assertFired(CLINIC.assess(aged(60).right(HOFFMANN, "positive")), UPPER_MOTOR_NEURON, URGENT,
                Finding.code(HOFFMANN, RIGHT, "positive"));
    }

    @Test
    void an_inverted_supinator_sign_is_urgent_for_upper_motor_neuron_signs() {
        assertFired(CLINIC.assess(aged(60).left(INVERTED_SUPINATOR, "positive")), UPPER_MOTOR_NEURON, URGENT,
                Finding.code(INVERTED_SUPINATOR, LEFT, "positive"));
    }

    @Test
    void flexor_plantars_no_clonus_negative_hoffmann_and_brisk_knee_jerks_are_not_upper_motor_neuron_signs() {
        Assessment a = CLINIC.assess(aged(60).bothLegs(PLANTAR_RESPONSE, "flexor").bothLegs(ANKLE_CLONUS, "absent")
                .bothLegs(HOFFMANN, "negative").bothLegs(INVERTED_SUPINATOR, "negative")
                .bothLegs(PATELLAR_REFLEX, "brisk"));
        assertNotFired(a, UPPER_MOTOR_NEURON);
        assertEquals(ROUTINE, a.triage().level(), a.triage().reasons().toString());
    }

    // --- severe and progressive motor deficit -----------------------------------------------------------

    @ParameterizedTest(name = "{0} MRC 3")
    @EnumSource(value = FindingPath.class, names = {"HIP_FLEXION", "HIP_ABDUCTION", "KNEE_EXTENSION",
            "KNEE_FLEXION", "ANKLE_DORSIFLEXION", "GREAT_TOE_EXTENSION", "ANKLE_EVERSION", "ANKLE_INVERSION",
            "ANKLE_PLANTARFLEXION"})
    void any_muscle_at_mrc_3_is_urgent_for_severe_motor_deficit(FindingPath muscle) {
        Assessment a = CLINIC.assess(aged(45).left(muscle, 3).right(muscle, 5));
        assertFired(a, SEVERE_MOTOR, URGENT, Finding.count(muscle, LEFT, 3));
        assertEquals(URGENT, a.triage().level());
    }

    @Test
    void mrc_4_in_every_muscle_is_not_a_severe_motor_deficit() {
        Patient patient = aged(45);
        for (FindingPath muscle : List.of(HIP_FLEXION, HIP_ABDUCTION, KNEE_EXTENSION, KNEE_FLEXION,
                ANKLE_DORSIFLEXION, GREAT_TOE_EXTENSION, ANKLE_EVERSION, ANKLE_INVERSION, ANKLE_PLANTARFLEXION)) {
            patient.left(muscle, 4);
        }
        Assessment a = CLINIC.assess(patient);
        assertNotFired(a, SEVERE_MOTOR);
        assertEquals(ROUTINE, a.triage().level(), a.triage().reasons().toString());
    }

    @Test
    void unable_to_walk_on_the_heels_is_urgent_for_severe_motor_deficit_and_impaired_heel_walking_is_not() {
        assertFired(CLINIC.assess(aged(45).left(HEEL_WALK, "unable")), SEVERE_MOTOR, URGENT,
                Finding.code(HEEL_WALK, LEFT, "unable"));
        assertNotFired(CLINIC.assess(aged(45).left(HEEL_WALK, "impaired")), SEVERE_MOTOR);
    }

    @Test
    void unable_to_walk_on_the_toes_is_urgent_for_severe_motor_deficit() {
        assertFired(CLINIC.assess(aged(45).right(TOE_WALK, "unable")), SEVERE_MOTOR, URGENT,
                Finding.code(TOE_WALK, RIGHT, "unable"));
    }

    @Test
    void progressive_weakness_is_urgent_for_progressive_motor_deficit() {
        Assessment a = CLINIC.assess(aged(45).pain("shin").redFlags("progressive-weakness"));
        assertFired(a, PROGRESSIVE_MOTOR, URGENT, redFlag("progressive-weakness"));
        assertEquals(URGENT, a.triage().level());
    }

    // --- critical limb ischaemia ------------------------------------------------------------------------

    @Test
    void rest_pain_relieved_by_dangling_with_an_absent_pedal_pulse_is_urgent_for_limb_ischaemia() {
        assertFired(CLINIC.assess(aged(75).symptoms("foot-pain-at-night-relieved-by-dangling")
                        .right(POSTERIOR_TIBIAL_PULSE, "absent")), LIMB_ISCHAEMIA, URGENT,
                Finding.item(SYMPTOMS, "foot-pain-at-night-relieved-by-dangling"),
                Finding.code(POSTERIOR_TIBIAL_PULSE, RIGHT, "absent"));
    }

    @Test
    void rest_pain_relieved_by_dangling_with_a_non_compressible_ankle_brachial_index_is_urgent_for_limb_ischaemia() {
        assertFired(CLINIC.assess(aged(75).riskFactors("diabetes").symptoms("foot-pain-at-night-relieved-by-dangling")
                        .right(ANKLE_BRACHIAL_INDEX, 1.5)), LIMB_ISCHAEMIA, URGENT,
                Finding.item(SYMPTOMS, "foot-pain-at-night-relieved-by-dangling"),
                Finding.measure(ANKLE_BRACHIAL_INDEX, RIGHT, 1.5));
    }

    @Test
    void an_ankle_brachial_index_below_0_40_is_urgent_for_limb_ischaemia_on_its_own() {
        assertFired(CLINIC.assess(aged(75).left(ANKLE_BRACHIAL_INDEX, 0.35)), LIMB_ISCHAEMIA, URGENT,
                Finding.measure(ANKLE_BRACHIAL_INDEX, LEFT, 0.35));
    }

    @Test
    void an_ankle_brachial_index_of_0_40_on_its_own_is_not_limb_ischaemia() {
        assertNotFired(CLINIC.assess(aged(75).left(ANKLE_BRACHIAL_INDEX, 0.40)), LIMB_ISCHAEMIA);
    }

    @Test
    void a_non_compressible_ankle_brachial_index_without_rest_pain_is_not_limb_ischaemia() {
        assertNotFired(CLINIC.assess(aged(75).left(ANKLE_BRACHIAL_INDEX, 1.5)), LIMB_ISCHAEMIA);
    }

    @Test
    void rest_pain_relieved_by_dangling_with_diminished_pulses_is_not_limb_ischaemia() {
        assertNotFired(CLINIC.assess(aged(75).symptoms("foot-pain-at-night-relieved-by-dangling")
                .bothLegs(DORSALIS_PEDIS_PULSE, "diminished")), LIMB_ISCHAEMIA);
    }

    // --- how the rules combine --------------------------------------------------------------------------

    @Test
    void emergency_outranks_urgent() {
        Assessment a = CLINIC.assess(aged(45).redFlags("saddle-anesthesia").left(ANKLE_DORSIFLEXION, 3));
        assertEquals(EMERGENCY, a.triage().level());
        assertEquals(List.of(CAUDA_EQUINA, SEVERE_MOTOR), codes(a));
    }

    @Test
    void reasons_are_sorted_most_severe_first_with_one_reason_per_rule() {
        Assessment a = CLINIC.assess(aged(45).right(PLANTAR_RESPONSE, "extensor").left(ANKLE_DORSIFLEXION, 3)
                .redFlags("progressive-weakness", "fever", "significant-trauma").symptoms("back-pain")
                .riskFactors("intravenous-drug-use"));
        List<TriageReason> reasons = a.triage().reasons();
        assertEquals(Set.of(INFECTION, TRAUMA, UPPER_MOTOR_NEURON, SEVERE_MOTOR, PROGRESSIVE_MOTOR),
                Set.copyOf(codes(a)));
        assertEquals(reasons.size(), Set.copyOf(codes(a)).size(), "one reason per rule: " + codes(a));
        for (int i = 1; i < reasons.size(); i++) {
            assertTrue(reasons.get(i - 1).level().compareTo(reasons.get(i).level()) >= 0, codes(a).toString());
        }
        assertEquals(EMERGENCY, a.triage().level());
    }

    @Test
    void an_urgent_finding_never_lowers_an_emergency() {
        Patient caudaEquina = aged(45).pain("low-back", "calf").redFlags("urinary-retention");
        assertEquals(EMERGENCY, CLINIC.assess(caudaEquina.copy()).triage().level());
        assertEquals(EMERGENCY, CLINIC.assess(caudaEquina.copy().redFlags("progressive-weakness")
                .left(ANKLE_PLANTARFLEXION, 2)).triage().level());
    }

    @Test
    void a_likely_spinal_infection_without_fever_is_an_emergency_by_its_estimated_probability() {
        Assessment a = CLINIC.assess(likelyInfectionWithoutFever());
        assertEquals(EMERGENCY, a.triage().level(), Differential.describe(a));
        assertEquals(List.of(HIGH_PROBABILITY), codes(a));
        TriageReason reason = a.triage().reasons().get(0);
        assertEquals("high-probability-spinal-infection", reason.ruleId());
        assertTrue(reason.findings().contains(riskFactor("intravenous-drug-use")), reason.findings().toString());
    }

    @Test
    void the_high_probability_rule_still_raises_triage_when_only_a_lower_rule_fired() {
        Assessment a = CLINIC.assess(likelyInfectionWithoutFever().right(PLANTAR_RESPONSE, "extensor"));
        assertTrue(Differential.probability(a, "spinal-infection") >= 0.35, Differential.describe(a));
        assertEquals(List.of("high-probability-dangerous-condition", UPPER_MOTOR_NEURON), codes(a));
        assertEquals(TriageLevel.EMERGENCY, a.triage().level());
    }

    @Test
    void the_high_probability_rule_stays_silent_when_a_rule_of_its_level_fired() {
        Assessment a = CLINIC.assess(likelyInfectionWithoutFever().redFlags("fever"));
        assertTrue(codes(a).contains("suspected-spinal-infection"), codes(a).toString());
        assertFalse(codes(a).contains("high-probability-dangerous-condition"), codes(a).toString());
    }

    @Test
    void adding_progressive_weakness_never_lowers_the_triage_of_a_likely_spinal_infection() {
        TriageLevel before = CLINIC.assess(likelyInfectionWithoutFever()).triage().level();
        TriageLevel after = CLINIC.assess(likelyInfectionWithoutFever().redFlags("progressive-weakness"))
                .triage().level();
        assertTrue(after.compareTo(before) >= 0, "before " + before + ", after " + after);
    }

    /** Bacteraemia in a person who injects drugs, with spinous-process tenderness and night pain, no fever recorded. */
    private static Patient likelyInfectionWithoutFever() {
        return aged(40).seenIn(Setting.EMERGENCY_DEPARTMENT).sex("male")
                .riskFactors("intravenous-drug-use", "recent-bacteremia-or-infection")
                .pain("low-back").flag(MIDLINE_TENDERNESS, true).redFlags("unrelenting-night-pain");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private static Finding redFlag(String code) {
        return Finding.item(RED_FLAGS, code);
    }

    private static Finding riskFactor(String code) {
        return Finding.item(RISK_FACTORS, code);
    }

    private static Finding painIn(String location) {
        return Finding.item(PAIN_LOCATIONS, location);
    }

    private static List<String> codes(Assessment a) {
        return a.triage().reasons().stream().map(TriageReason::code).toList();
    }

    /** The rule fired at this level, and exactly these supplied findings fired it. */
    private static void assertFired(Assessment a, String code, TriageLevel level, Finding... firedBy) {
        TriageReason reason = a.triage().reasons().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " did not fire; reasons: " + codes(a)));
        assertEquals(level, reason.level(), code);
        assertEquals(Set.of(firedBy), Set.copyOf(reason.findings()), code + " fired by");
        assertTrue(a.triage().level().compareTo(level) >= 0, "triage " + a.triage().level() + " below " + level);
        assertFalse(reason.sources().isEmpty(), code + " names its source");
    }

    private static void assertNotFired(Assessment a, String code) {
        assertFalse(a.triage().fired(code), code + " fired: " + a.triage().reasons());
    }
}
