package org.footpain.engine.scoring;

import org.footpain.engine.Clinic;
import org.footpain.engine.Finding;
import org.footpain.engine.Patients.Patient;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.MIDLINE_TENDERNESS;
import static org.footpain.knowledge.FindingPath.ROMBERG;
import static org.footpain.knowledge.FindingPath.WIDE_BASED_GAIT;
import static org.footpain.knowledge.Side.UNSIDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Published clusters on the fixture {@code knowledge-fixtures/clusters}: a condition with prior 0.5 and a
 * cluster "two or more of three" (ratio 20) or "none of three" (ratio 0.1) over findings that also have rules
 * of their own. Plain JUnit: scoring is pure Java over a loaded knowledge base, so no Quarkus container is
 * needed.
 */
class ClusterTest {

    private static final Clinic CLINIC = Clinic.withFixture("clusters");

    private static ScoredCondition scored(Patient patient) {
        return CLINIC.scored(patient, "clustered");
    }

    @Test
    void a_cluster_that_applies_takes_over_the_rules_of_its_components() {
        ScoredCondition scored = scored(aged(40).flag(WIDE_BASED_GAIT, true).romberg("positive"));
        assertEquals(0.9524, scored.probability(), 1e-12); // 20/21, not 20 x 3 x 3
        assertEquals(1, scored.evidence().size(), scored.evidence().toString());
        Evidence.ClusterScore cluster = assertInstanceOf(Evidence.ClusterScore.class, scored.evidence().get(0));
        assertEquals("fixture-cluster", cluster.clusterId());
        assertEquals(2, cluster.positive());
        assertEquals(20.0, cluster.likelihoodRatio(), 1e-12);
        assertEquals(Set.of(Finding.flag(WIDE_BASED_GAIT, true), Finding.code(ROMBERG, UNSIDED, "positive")),
                Set.copyOf(cluster.components()));
    }

    @Test
    void a_cluster_takes_over_every_component_rule_even_for_a_third_positive_criterion() {
        ScoredCondition scored = scored(aged(40).flag(WIDE_BASED_GAIT, true).romberg("positive")
                .flag(MIDLINE_TENDERNESS, true));
        assertEquals(0.9524, scored.probability(), 1e-12);
        assertEquals(3, ((Evidence.ClusterScore) scored.evidence().get(0)).positive());
    }

    @Test
    void findings_outside_the_cluster_still_count_beside_it() {
        assertEquals(0.9756, scored(aged(40).flag(WIDE_BASED_GAIT, true).romberg("positive").symptoms("numbness"))
                .probability(), 1e-12); // 20 x 2 = 40, 40/41
    }

    @Test
    void a_cluster_that_cannot_be_decided_leaves_its_components_counting() {
        // one criterion positive, two unknown: neither "two or more" nor "none" is established
        ScoredCondition scored = scored(aged(40).flag(WIDE_BASED_GAIT, true));
        assertEquals(0.75, scored.probability(), 1e-12);
        assertInstanceOf(Evidence.Observed.class, scored.evidence().get(0));
    }

    @Test
    void one_positive_of_three_examined_decides_no_outcome_of_the_cluster() {
        ScoredCondition scored = scored(aged(40).flag(WIDE_BASED_GAIT, true).romberg("negative")
                .flag(MIDLINE_TENDERNESS, false));
        assertEquals(0.75, scored.probability(), 1e-12);
    }

    @Test
    void none_of_three_criteria_applies_the_clusters_negative_ratio_alone() {
        ScoredCondition scored = scored(aged(40).flag(WIDE_BASED_GAIT, false).romberg("negative")
                .flag(MIDLINE_TENDERNESS, false));
        assertEquals(0.0909, scored.probability(), 1e-12); // 0.1/1.1, not 0.1 x 0.5
        assertEquals(0, ((Evidence.ClusterScore) scored.evidence().get(0)).positive());
    }

    @Test
    void an_unknown_criterion_counts_as_possibly_positive_so_none_is_not_established() {
        ScoredCondition scored = scored(aged(40).flag(WIDE_BASED_GAIT, false).romberg("negative"));
        assertEquals(0.3333, scored.probability(), 1e-12); // the gait rule's own 0.5
        assertInstanceOf(Evidence.Observed.class, scored.evidence().get(0));
    }
}
