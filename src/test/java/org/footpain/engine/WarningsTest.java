package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.*;
import static org.footpain.knowledge.Side.RIGHT;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warnings that qualify an answer: too few findings, a child, sides that contradict each other.
 * Plain JUnit: the engine is pure Java over a loaded knowledge base, so no Quarkus container is needed.
 */
class WarningsTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();

    static Stream<String> typicalPatients() {
        return TypicalPatients.all().keySet().stream();
    }

    private static List<String> warnings(Patient patient) {
        return CLINIC.assess(patient).warnings().stream().map(Warning::code).toList();
    }

    @Test
    void two_findings_warn_that_confidence_is_low() {
        assertTrue(warnings(aged(40).pain("heel").aggravatedBy("first-steps-after-rest"))
                .contains(Warning.FEW_FINDINGS));
    }

    @Test
    void age_sex_duration_and_the_red_flag_screen_do_not_count_as_clinical_findings() {
        Patient framed = aged(40).sex("female").durationWeeks(3).redFlagsScreened()
                .pain("heel", "arch").aggravatedBy("first-steps-after-rest").left(WINDLASS, "positive");
        assertTrue(warnings(framed).contains(Warning.FEW_FINDINGS), "four clinical findings");
    }

    @Test
    void five_clinical_findings_are_enough() {
        Patient five = aged(40).pain("heel", "arch").aggravatedBy("first-steps-after-rest")
                .left(WINDLASS, "positive").left(PLANTAR_FASCIA_TENDERNESS, "present");
        assertFalse(warnings(five).contains(Warning.FEW_FINDINGS));
    }

    @ParameterizedTest(name = "typical {0}")
    @MethodSource("typicalPatients")
    void a_typical_presentation_is_documented_well_enough_not_to_warn_of_few_findings(String conditionId) {
        assertFalse(warnings(TypicalPatients.all().get(conditionId).get()).contains(Warning.FEW_FINDINGS));
    }

    @Test
    void a_patient_under_18_is_outside_the_population_the_evidence_covers() {
        assertTrue(warnings(aged(17).symptomSide("right").pain("heel")).contains(Warning.AGE_UNDER_18));
        assertFalse(warnings(aged(18).symptomSide("right").pain("heel")).contains(Warning.AGE_UNDER_18));
    }

    @Test
    void symptoms_on_the_left_with_every_abnormal_sign_on_the_right_contradict_each_other() {
        Patient crossed = aged(40).symptomSide("left").pain("posterior-thigh", "calf")
                .right(ACHILLES_REFLEX, "absent").left(ACHILLES_REFLEX, "normal")
                .right(TOE_WALK, "impaired").dermatomalLoss("s1", RIGHT);
        assertTrue(warnings(crossed).contains(Warning.CONTRADICTORY_FINDINGS));
    }

    @Test
    void one_abnormal_sign_on_the_symptomatic_leg_removes_the_contradiction() {
        Patient consistent = aged(40).symptomSide("left").pain("posterior-thigh", "calf")
                .right(ACHILLES_REFLEX, "absent").left(ACHILLES_REFLEX, "diminished");
        assertFalse(warnings(consistent).contains(Warning.CONTRADICTORY_FINDINGS));
    }

    @Test
    void bilateral_symptoms_never_contradict_one_sided_signs() {
        Patient bilateral = aged(40).symptomSide("bilateral").pain("posterior-thigh", "calf")
                .right(ACHILLES_REFLEX, "absent").right(TOE_WALK, "impaired");
        assertFalse(warnings(bilateral).contains(Warning.CONTRADICTORY_FINDINGS));
    }

    @ParameterizedTest(name = "typical {0}")
    @MethodSource("typicalPatients")
    void a_typical_presentation_raises_no_contradiction(String conditionId) {
        assertFalse(warnings(TypicalPatients.all().get(conditionId).get()).contains(Warning.CONTRADICTORY_FINDINGS));
    }
}
