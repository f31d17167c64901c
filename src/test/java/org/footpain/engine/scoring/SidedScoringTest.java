package org.footpain.engine.scoring;

import org.footpain.engine.Clinic;
import org.footpain.engine.Differential;
import org.footpain.engine.Finding;
import org.footpain.engine.Patients.Patient;
import org.footpain.knowledge.Side;
import org.junit.jupiter.api.Test;

import static org.footpain.engine.Patients.aged;
import static org.footpain.engine.scoring.ReportedLaterality.BILATERAL;
import static org.footpain.engine.scoring.ReportedLaterality.LEFT;
import static org.footpain.engine.scoring.ReportedLaterality.RIGHT;
import static org.footpain.engine.scoring.ReportedLaterality.UNDETERMINED;
import static org.footpain.knowledge.FindingPath.ACHILLES_REFLEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How sides are weighed, on the fixture {@code knowledge-fixtures/sides}: {@code one-sided} (prior 0.1, never in
 * both legs; Achilles absent 5, normal 0.5, absent on both legs 0.8), {@code often-both} (prior 0.1, in both
 * legs in a fifth) and {@code regional} (prior 0.1; absent on both legs 4, on either 2). The fixture's symptom
 * side ratios: same leg 2, other leg 0.5, both legs for one-leg disease 1, both for two-leg disease 4, one leg
 * for two-leg disease 0.25. Plain JUnit: scoring is pure Java, so no Quarkus container is needed.
 */
class SidedScoringTest {

    private static final Clinic CLINIC = Clinic.withFixture("sides");

    private static ScoredCondition scored(Patient patient, String conditionId) {
        return CLINIC.scored(patient, conditionId);
    }

    @Test
    void a_sign_on_one_leg_counts_for_that_leg_only() {
        // left 0.05 x 5, right 0.05: odds 0.30/0.90, probability 0.25
        ScoredCondition scored = scored(aged(40).left(ACHILLES_REFLEX, "absent"), "one-sided");
        assertEquals(0.25, scored.probability(), 1e-12);
        assertEquals(LEFT, scored.laterality());
        assertEquals(1, scored.evidence().size());
        assertEquals(5.0, scored.evidence().get(0).likelihoodRatio(), 1e-12);
    }

    @Test
    void each_leg_is_read_on_its_own() {
        // left 0.05 x 5, right 0.05 x 0.5: odds 0.275/0.9
        ScoredCondition scored = scored(aged(40).left(ACHILLES_REFLEX, "absent").right(ACHILLES_REFLEX, "normal"),
                "one-sided");
        assertEquals(0.2340, scored.probability(), 1e-12);
        assertEquals(LEFT, scored.laterality());
    }

    @Test
    void the_same_sign_on_both_legs_takes_its_symmetric_outcome_not_the_one_sided_ratio() {
        // each leg 0.05 x 0.8: odds 0.08/0.9
        ScoredCondition scored = scored(aged(40).bothLegs(ACHILLES_REFLEX, "absent"), "one-sided");
        assertEquals(0.0816, scored.probability(), 1e-12);
        assertTrue(scored.evidence().stream().noneMatch(e -> e.likelihoodRatio() == 5.0));
    }

    @Test
    void the_mirrored_patient_has_the_same_probability_on_the_other_side() {
        ScoredCondition scored = Differential.condition(
                CLINIC.assess(aged(40).left(ACHILLES_REFLEX, "absent").build().mirrored()), "one-sided");
        assertEquals(0.25, scored.probability(), 1e-12);
        assertEquals(RIGHT, scored.laterality());
        assertEquals(Finding.code(ACHILLES_REFLEX, Side.RIGHT, "absent"),
                scored.evidence().get(0).findings().get(0));
    }

    @Test
    void symptoms_on_one_side_weigh_that_leg_against_the_other() {
        // left 0.05 x 2, right 0.05 x 0.5: odds 0.125/0.9
        ScoredCondition scored = scored(aged(40).symptomSide("left"), "one-sided");
        assertEquals(0.1220, scored.probability(), 1e-12);
        assertEquals(LEFT, scored.laterality());
    }

    @Test
    void bilateral_symptoms_favour_the_hypothesis_of_both_legs() {
        // left 0.04 x 1, right 0.04 x 1, both 0.02 x 4: odds 0.16/0.9
        ScoredCondition scored = scored(aged(40).symptomSide("bilateral"), "often-both");
        assertEquals(0.1509, scored.probability(), 1e-12);
        assertEquals(BILATERAL, scored.laterality());
    }

    @Test
    void one_sided_symptoms_weigh_against_disease_in_both_legs() {
        // left 0.04 x 2, right 0.04 x 0.5, both 0.02 x 0.25: odds 0.105/0.9
        ScoredCondition scored = scored(aged(40).symptomSide("left"), "often-both");
        assertEquals(0.1045, scored.probability(), 1e-12);
        assertEquals(LEFT, scored.laterality());
    }

    @Test
    void without_a_sided_finding_a_sided_condition_keeps_its_prior_and_no_side() {
        ScoredCondition scored = scored(aged(40).pain("heel"), "often-both");
        assertEquals(0.1, scored.probability(), 1e-12);
        assertEquals(UNDETERMINED, scored.laterality());
    }

    @Test
    void a_regional_condition_reads_both_legs_at_once() {
        ScoredCondition both = scored(aged(40).bothLegs(ACHILLES_REFLEX, "absent"), "regional");
        assertEquals(0.3077, both.probability(), 1e-12); // ratio 4 once, not 2 per leg
        assertEquals(BILATERAL, both.laterality());
        ScoredCondition one = scored(aged(40).left(ACHILLES_REFLEX, "absent").right(ACHILLES_REFLEX, "normal"),
                "regional");
        assertEquals(0.1818, one.probability(), 1e-12); // ratio 2
        assertEquals(LEFT, one.laterality());
    }
}
