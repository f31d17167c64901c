package org.footpain.engine.diagnostics;

import org.footpain.engine.Clinic;
import org.footpain.engine.TypicalPatients;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.footpain.knowledge.FindingPath.DURATION_WEEKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reviewing a lumbar MRI or CT about to be ordered: the verdict follows the assessment's own guideline plan,
 * and a red flag always stands behind the order. Plain JUnit over the real knowledge base.
 */
class OrderReviewTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();
    private static final Set<String> LUMBAR_IMAGING = Set.of("mri-lumbar-spine-without-contrast",
            "mri-lumbar-spine-with-and-without-contrast", "ct-lumbar-spine");

    @Test
    void lumbar_mri_for_sciatica_of_two_weeks_without_red_flags_is_premature_until_six_weeks() {
        OrderReview.Verdict verdict = OrderReview.review(
                CLINIC.assess(TypicalPatients.leftS1Radiculopathy().durationWeeks(2)), LUMBAR_IMAGING);
        OrderReview.Premature premature = assertInstanceOf(OrderReview.Premature.class, verdict);
        assertEquals(6, premature.waitFor().afterWeeks());
        assertTrue(premature.deferred().forConditions().contains("s1-radiculopathy"));
    }

    @Test
    void sciatica_without_a_recorded_duration_counts_as_recent() {
        assertInstanceOf(OrderReview.Premature.class, OrderReview.review(
                CLINIC.assess(TypicalPatients.leftS1Radiculopathy().without(DURATION_WEEKS)), LUMBAR_IMAGING));
    }

    @Test
    void lumbar_mri_for_sciatica_of_eight_weeks_is_due() {
        OrderReview.Due due = assertInstanceOf(OrderReview.Due.class, OrderReview.review(
                CLINIC.assess(TypicalPatients.leftS1Radiculopathy().durationWeeks(8)), LUMBAR_IMAGING));
        assertEquals("mri-lumbar-spine-without-contrast", due.planned().test().id());
    }

    @Test
    void a_red_flag_always_stands_behind_the_order_even_at_two_weeks() {
        OrderReview.SafetyReason safety = assertInstanceOf(OrderReview.SafetyReason.class, OrderReview.review(
                CLINIC.assess(TypicalPatients.caudaEquinaWithRetention()), LUMBAR_IMAGING));
        assertTrue(safety.reasons().stream().anyMatch(r -> r.code().equals("suspected-cauda-equina")));
        assertTrue(safety.planned().isPresent(), "the plan itself calls for emergent MRI");
    }

    @Test
    void lumbar_imaging_for_plantar_fasciitis_has_no_place_in_the_plan() {
        OrderReview.Unsupported unsupported = assertInstanceOf(OrderReview.Unsupported.class,
                OrderReview.review(CLINIC.assess(TypicalPatients.leftPlantarFasciitis()), LUMBAR_IMAGING));
        assertEquals("plantar-fasciitis", unsupported.leading().get(0).id());
    }
}
