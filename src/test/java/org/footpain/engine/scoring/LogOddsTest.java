package org.footpain.engine.scoring;

import org.footpain.engine.Assessment;
import org.footpain.engine.Clinic;
import org.footpain.engine.Differential;
import org.footpain.engine.Patients.Patient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.ANKLE_DORSIFLEXION;
import static org.footpain.knowledge.FindingPath.MIDLINE_TENDERNESS;
import static org.footpain.knowledge.FindingPath.RED_FLAGS_SCREENED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Log-odds updating on the tiny fixture {@code knowledge-fixtures/log-odds}, whose numbers are chosen to be
 * checked by hand. Plain JUnit: scoring is pure Java over a loaded knowledge base, so no Quarkus container is
 * needed.
 */
class LogOddsTest {

    private static final Clinic CLINIC = Clinic.withFixture("log-odds");

    private static ScoredCondition scored(Patient patient, String conditionId) {
        return CLINIC.scored(patient, conditionId);
    }

    /** Evidence weight by the listed item it rests on. */
    private static Map<String, Double> weights(ScoredCondition condition) {
        return condition.evidence().stream().collect(Collectors.toMap(
                e -> e.findings().get(0).value().toString(), Evidence::weight));
    }

    @Test
    void a_prior_of_ten_percent_and_one_finding_with_ratio_4_give_0_3077() {
        assertEquals(0.10, CLINIC.probability(aged(40), "one-finding"), 1e-12);
        ScoredCondition scored = scored(aged(40).flag(MIDLINE_TENDERNESS, true), "one-finding");
        assertEquals(0.3077, scored.probability(), 1e-12);
        Evidence only = scored.evidence().get(0);
        assertEquals(1, scored.evidence().size());
        assertEquals(4.0, only.likelihoodRatio(), 1e-12);
        assertEquals(1.0, only.weight(), 1e-12);
        assertEquals("fixture", only.citation().sourceId());
    }

    @Test
    void a_finding_with_no_outcome_for_its_value_moves_nothing() {
        ScoredCondition scored = scored(aged(40).flag(MIDLINE_TENDERNESS, false), "one-finding");
        assertEquals(0.10, scored.probability(), 1e-12);
        assertTrue(scored.evidence().isEmpty());
    }

    @Test
    void findings_of_one_correlation_group_count_with_weights_1_then_half_then_a_quarter_by_strength() {
        ScoredCondition scored = scored(aged(40).symptoms("numbness", "tingling", "burning-pain"), "damped");
        assertEquals(Map.of("Code[code=burning-pain]", 1.0, "Code[code=tingling]", 0.5,
                "Code[code=numbness]", 0.25), weights(scored));
        // log-odds 0 + ln 8 + ln 4 / 2 + ln 2 / 4 = 2.9459
        assertEquals(0.9501, scored.probability(), 1e-12);
    }

    @Test
    void findings_of_different_groups_or_of_no_group_count_in_full() {
        ScoredCondition scored = scored(aged(40).symptoms("burning-pain", "weakness", "cold-foot"), "damped");
        assertEquals(Map.of("Code[code=burning-pain]", 1.0, "Code[code=weakness]", 1.0,
                "Code[code=cold-foot]", 1.0), weights(scored));
        assertEquals(0.9863, scored.probability(), 1e-12); // odds 8 x 3 x 3 = 72, 72/73
    }

    @Test
    void the_strongest_finding_of_a_group_counts_in_full_whichever_way_it_points() {
        ScoredCondition scored = scored(aged(40).symptoms("back-pain", "numbness"), "damped");
        assertEquals(Map.of("Code[code=back-pain]", 1.0, "Code[code=numbness]", 0.5), weights(scored));
        assertEquals(0.2612, scored.probability(), 1e-12); // odds 0.25 x 2^0.5
    }

    @Test
    void evidence_is_listed_strongest_first() {
        List<Evidence> evidence = scored(aged(40).symptoms("numbness", "tingling", "burning-pain", "cold-foot"),
                "damped").evidence();
        for (int i = 1; i < evidence.size(); i++) {
            assertTrue(Math.abs(evidence.get(i - 1).logOddsShift()) >= Math.abs(evidence.get(i).logOddsShift()));
        }
    }

    @Test
    void the_first_matching_outcome_wins() {
        // MRC 1 is within both "at most 4" (ratio 3) and "at most 2" (ratio 9); the first listed applies
        ScoredCondition scored = scored(aged(40).left(ANKLE_DORSIFLEXION, 1), "first-match");
        assertEquals(0.75, scored.probability(), 1e-12);
        assertEquals(3.0, scored.evidence().get(0).likelihoodRatio(), 1e-12);
        assertEquals(0.5, CLINIC.probability(aged(40).left(ANKLE_DORSIFLEXION, 5), "first-match"), 1e-12);
    }

    @Test
    void a_red_flag_screened_as_absent_counts_with_its_absent_ratio() {
        ScoredCondition scored = scored(aged(40).redFlagsScreened(), "screened");
        assertEquals(0.3333, scored.probability(), 1e-12);
        Evidence.ScreenedAbsent absent = assertInstanceOf(Evidence.ScreenedAbsent.class, scored.evidence().get(0));
        assertEquals("saddle-anesthesia", absent.redFlag());
        assertEquals(RED_FLAGS_SCREENED, absent.screened().path());
    }

    @Test
    void a_red_flag_listed_counts_as_present_with_or_without_the_screen() {
        assertEquals(0.9091, CLINIC.probability(aged(40).redFlags("saddle-anesthesia"), "screened"), 1e-12);
        assertEquals(0.9091, CLINIC.probability(aged(40).redFlagsScreened().redFlags("saddle-anesthesia"),
                "screened"), 1e-12);
    }

    @Test
    void an_unlisted_red_flag_without_a_screen_moves_nothing() {
        assertEquals(0.5, CLINIC.probability(aged(40), "screened"), 1e-12);
        assertEquals(0.5, CLINIC.probability(aged(40).redFlags("fever"), "screened"), 1e-12);
        assertEquals(0.5, CLINIC.probability(aged(40).flag(RED_FLAGS_SCREENED, false), "screened"), 1e-12);
    }

    @Test
    void ties_are_broken_by_condition_id() {
        Assessment a = CLINIC.assess(aged(40));
        assertEquals(Differential.probability(a, "beta"), Differential.probability(a, "zeta"), 0.0);
        assertEquals(Differential.rank(a, "beta") + 1, Differential.rank(a, "zeta"), Differential.describe(a));
    }

    @Test
    void the_differential_is_ranked_by_probability() {
        Assessment a = CLINIC.assess(aged(40).flag(MIDLINE_TENDERNESS, true).symptoms("cold-foot"));
        List<ScoredCondition> ranked = a.differential();
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(ranked.get(i - 1).probability() >= ranked.get(i).probability(), Differential.describe(a));
        }
    }
}
