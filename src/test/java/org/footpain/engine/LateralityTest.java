package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.footpain.engine.scoring.ReportedLaterality;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.engine.triage.TriageReason;
import org.footpain.knowledge.Condition;
import org.footpain.knowledge.Laterality;
import org.footpain.knowledge.Side;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.footpain.engine.Patients.aged;
import static org.footpain.engine.scoring.ReportedLaterality.BILATERAL;
import static org.footpain.engine.scoring.ReportedLaterality.LEFT;
import static org.footpain.engine.scoring.ReportedLaterality.NOT_APPLICABLE;
import static org.footpain.engine.scoring.ReportedLaterality.RIGHT;
import static org.footpain.engine.scoring.ReportedLaterality.UNDETERMINED;
import static org.footpain.knowledge.FindingPath.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which leg a condition explains, and mirror symmetry: the same patient with left and right swapped gets the
 * same answer with the sides swapped. The API picks side-specific ICD-10-CM codes from this laterality, so
 * here only the reported laterality is checked. Plain JUnit: the engine is pure Java over a loaded knowledge
 * base, so no Quarkus container is needed.
 */
class LateralityTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();

    private static final List<String> CENTRAL = List.of("cauda-equina-syndrome", "spinal-infection",
            "spinal-malignancy", "vertebral-fracture", "myelopathy");

    static Stream<String> typicalPatients() {
        return TypicalPatients.all().keySet().stream();
    }

    private static ReportedLaterality laterality(Patient patient, String conditionId) {
        return CLINIC.scored(patient, conditionId).laterality();
    }

    @Test
    void signs_in_the_left_leg_place_s1_radiculopathy_on_the_left() {
        assertEquals(LEFT, laterality(TypicalPatients.leftS1Radiculopathy(), "s1-radiculopathy"));
    }

    @Test
    void signs_in_the_right_leg_place_l5_radiculopathy_on_the_right() {
        assertEquals(RIGHT, laterality(TypicalPatients.rightL5Radiculopathy(), "l5-radiculopathy"));
    }

    @Test
    void sided_examination_findings_alone_place_a_condition_without_a_reported_symptom_side() {
        Patient leftSigns = TypicalPatients.leftS1Radiculopathy().without(SYMPTOM_SIDE);
        assertEquals(LEFT, laterality(leftSigns, "s1-radiculopathy"));
    }

    @Test
    void the_reported_symptom_side_alone_places_a_sided_condition() {
        assertEquals(RIGHT, laterality(aged(50).symptomSide("right").pain("heel"), "plantar-fasciitis"));
    }

    @Test
    void heel_pain_with_signs_in_both_feet_is_bilateral_plantar_fasciitis() {
        Patient bothHeels = aged(50).symptomSide("bilateral").pain("heel").aggravatedBy("first-steps-after-rest")
                .bothLegs(PLANTAR_FASCIA_TENDERNESS, "present").bothLegs(WINDLASS, "positive");
        assertEquals(BILATERAL, laterality(bothHeels, "plantar-fasciitis"));
    }

    @Test
    void polyneuropathy_with_symptoms_in_both_feet_is_bilateral() {
        assertEquals(BILATERAL, laterality(TypicalPatients.diabeticPolyneuropathy(), "peripheral-polyneuropathy"));
    }

    @Test
    void stenosis_reported_in_one_leg_explains_that_leg() {
        Patient oneLeg = TypicalPatients.neurogenicClaudication().symptomSide("left");
        assertEquals(LEFT, laterality(oneLeg, "lumbar-spinal-stenosis"));
    }

    @Test
    void every_sided_condition_is_undetermined_when_no_sided_finding_was_supplied() {
        Assessment noSides = CLINIC.assess(aged(50).pain("low-back", "calf", "heel").symptoms("numbness")
                .aggravatedBy("walking").riskFactors("diabetes"));
        for (Condition condition : CLINIC.knowledgeBase().conditions()) {
            if (condition.laterality() instanceof Laterality.Sided) {
                assertEquals(UNDETERMINED, Differential.condition(noSides, condition.id()).laterality(),
                        condition.id());
            }
        }
    }

    @Test
    void cauda_equina_infection_malignancy_fracture_and_myelopathy_have_no_side_even_with_sided_findings() {
        Assessment leftSigns = CLINIC.assess(TypicalPatients.leftS1Radiculopathy().redFlags("saddle-anesthesia")
                .left(PLANTAR_RESPONSE, "extensor"));
        for (String central : CENTRAL) {
            assertEquals(NOT_APPLICABLE, Differential.condition(leftSigns, central).laterality(), central);
        }
    }

    @Test
    void symptoms_on_the_other_side_argue_against_a_one_sided_condition() {
        Patient leftSigns = TypicalPatients.leftS1Radiculopathy().without(SYMPTOM_SIDE);
        double sameSide = CLINIC.probability(leftSigns.copy().symptomSide("left"), "s1-radiculopathy");
        double otherSide = CLINIC.probability(leftSigns.copy().symptomSide("right"), "s1-radiculopathy");
        assertTrue(otherSide < sameSide, "other side " + otherSide + ", same side " + sameSide);
    }

    @Test
    void bilateral_symptoms_with_the_same_sign_on_both_legs_are_not_undetermined() {
        ReportedLaterality s1 = laterality(aged(66).symptomSide("bilateral").bothLegs(ACHILLES_REFLEX, "absent"),
                "s1-radiculopathy");
        assertTrue(s1 == LEFT || s1 == RIGHT || s1 == BILATERAL, s1.code());
    }

    // --- mirror symmetry --------------------------------------------------------------------------------

    @Test
    void mirroring_swaps_the_side_of_every_sided_finding_and_keeps_the_rest() {
        Presentation patient = TypicalPatients.leftS1Radiculopathy().build();
        Presentation mirrored = patient.mirrored();
        assertEquals(patient.findings().size(), mirrored.findings().size());
        for (int i = 0; i < patient.findings().size(); i++) {
            Finding original = patient.findings().get(i);
            Finding swapped = mirrored.findings().get(i);
            assertEquals(original.path(), swapped.path());
            assertEquals(original.side().opposite(), swapped.side(), original.toString());
            if (original.path() == SYMPTOM_SIDE) {
                assertEquals(Finding.item(SYMPTOM_SIDE, "right"), swapped, "the symptom side's value is a side");
            } else {
                assertEquals(original.value(), swapped.value());
            }
        }
        assertEquals(patient.setting(), mirrored.setting());
    }

    @ParameterizedTest(name = "typical {0}, symptom side left out")
    @MethodSource("typicalPatients")
    void mirroring_sides_mirrors_laterality_and_changes_no_probability(String conditionId) {
        Presentation patient = TypicalPatients.all().get(conditionId).get().without(SYMPTOM_SIDE).build();
        assertMirrorSymmetric(patient);
    }

    @ParameterizedTest(name = "typical {0}")
    @MethodSource("typicalPatients")
    void mirroring_a_patient_with_a_reported_symptom_side_mirrors_laterality_and_changes_no_probability(
            String conditionId) {
        assertMirrorSymmetric(TypicalPatients.all().get(conditionId).get().build());
    }

    @Test
    void mirroring_swaps_the_reported_symptom_side() {
        Presentation mirrored = aged(40).symptomSide("left").build().mirrored();
        assertEquals(Finding.item(SYMPTOM_SIDE, "right"), mirrored.on(SYMPTOM_SIDE, Side.UNSIDED).orElseThrow());
    }

    private static void assertMirrorSymmetric(Presentation patient) {
        Assessment original = CLINIC.assess(patient);
        Assessment mirrored = CLINIC.assess(patient.mirrored());
        for (ScoredCondition condition : original.differential()) {
            ScoredCondition twin = Differential.condition(mirrored, condition.id());
            assertEquals(condition.probability(), twin.probability(), 1e-12, condition.id());
            assertEquals(mirror(condition.laterality()), twin.laterality(), condition.id());
            assertEquals(condition.evidence().size(), twin.evidence().size(), condition.id() + " evidence");
        }
        assertEquals(original.triage().level(), mirrored.triage().level());
        assertEquals(original.triage().reasons().stream().map(TriageReason::code).toList(),
                mirrored.triage().reasons().stream().map(TriageReason::code).toList());
        assertEquals(original.warnings().stream().map(Warning::code).toList(),
                mirrored.warnings().stream().map(Warning::code).toList());
    }

    private static ReportedLaterality mirror(ReportedLaterality laterality) {
        return switch (laterality) {
            case LEFT -> RIGHT;
            case RIGHT -> LEFT;
            default -> laterality;
        };
    }
}
