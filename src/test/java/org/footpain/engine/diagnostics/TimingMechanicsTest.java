package org.footpain.engine.diagnostics;

import org.footpain.engine.Assessment;
import org.footpain.engine.Clinic;
import org.footpain.engine.Patients.Patient;
import org.footpain.knowledge.Timing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.MIDLINE_TENDERNESS;
import static org.footpain.knowledge.FindingPath.WIDE_BASED_GAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Diagnostic timing on the fixture {@code knowledge-fixtures/rules}: a scan deferred six weeks when
 * {@code danger} reaches 0.5, and due within days when the urgent triage rule fires. Plain JUnit: the planner
 * is pure Java over a loaded knowledge base, so no Quarkus container is needed.
 */
class TimingMechanicsTest {

    private static final Clinic CLINIC = Clinic.withFixture("rules");

    private static List<SuggestedDiagnostic> plan(Patient patient) {
        return CLINIC.assess(patient).diagnostics();
    }

    private static Patient probableDanger() {
        return aged(40).flag(MIDLINE_TENDERNESS, true);
    }

    @Test
    void nothing_in_play_suggests_nothing() {
        assertEquals(List.of(), plan(aged(40)));
    }

    @Test
    void a_deferred_test_waits_when_the_duration_is_missing() {
        SuggestedDiagnostic scan = plan(probableDanger()).get(0);
        assertEquals("scan", scan.test().id());
        assertEquals(new Timing.IfNoImprovement(6), scan.timing());
        assertEquals(List.of("danger"), scan.forConditions());
        assertEquals("scan-if-persisting", scan.ruleId());
    }

    @Test
    void a_deferred_test_still_waits_a_day_before_its_weeks_are_up() {
        assertEquals(new Timing.IfNoImprovement(6), plan(probableDanger().durationWeeks(5.85)).get(0).timing());
    }

    @Test
    void a_deferred_test_becomes_routine_once_the_symptoms_have_lasted_its_weeks() {
        SuggestedDiagnostic scan = plan(probableDanger().durationWeeks(6)).get(0);
        assertEquals(new Timing.Routine(), scan.timing());
        assertTrue(scan.rationale().contains("6 weeks"), scan.rationale());
    }

    @Test
    void the_soonest_timing_of_the_rules_that_apply_wins_and_the_test_appears_once() {
        List<SuggestedDiagnostic> plan = plan(probableDanger().flag(WIDE_BASED_GAIT, true));
        assertEquals(1, plan.size(), plan.toString());
        assertEquals(new Timing.Urgent(), plan.get(0).timing());
        assertEquals(List.of("danger"), plan.get(0).forConditions());
    }

    @Test
    void a_triage_rule_brings_its_test_into_play_whatever_the_probability() {
        Assessment a = CLINIC.assess(aged(40).flag(WIDE_BASED_GAIT, true));
        assertEquals(new Timing.Urgent(), a.diagnostics().get(0).timing());
        assertEquals("scan-now", a.diagnostics().get(0).ruleId());
    }
}
