package org.footpain.engine.triage;

import org.footpain.engine.Assessment;
import org.footpain.engine.Clinic;
import org.footpain.engine.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.MIDLINE_TENDERNESS;
import static org.footpain.knowledge.FindingPath.WIDE_BASED_GAIT;
import static org.footpain.knowledge.TriageLevel.EMERGENCY;
import static org.footpain.knowledge.TriageLevel.ROUTINE;
import static org.footpain.knowledge.TriageLevel.URGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How triage rules combine, on the fixture {@code knowledge-fixtures/rules}: an urgent rule listed before an
 * emergency rule, and a probability rule ({@code danger} at least 0.5) that applies only when neither fired.
 * Plain JUnit: triage is pure Java over a loaded knowledge base, so no Quarkus container is needed.
 */
class TriageMechanicsTest {

    private static final Clinic CLINIC = Clinic.withFixture("rules");

    private static List<String> codes(Assessment a) {
        return a.triage().reasons().stream().map(TriageReason::code).toList();
    }

    @Test
    void nothing_fired_is_routine() {
        Assessment a = CLINIC.assess(aged(40));
        assertEquals(ROUTINE, a.triage().level());
        assertEquals(List.of(), codes(a));
    }

    @Test
    void the_highest_level_wins_and_reasons_are_sorted_most_severe_first_whatever_the_file_order() {
        Assessment a = CLINIC.assess(aged(40).flag(WIDE_BASED_GAIT, true).redFlags("saddle-anesthesia"));
        assertEquals(EMERGENCY, a.triage().level());
        assertEquals(List.of("emergency-sign", "urgent-sign"), codes(a));
    }

    @Test
    void a_reason_names_the_findings_that_fired_it_and_nothing_else() {
        TriageReason reason = CLINIC.assess(aged(40).flag(WIDE_BASED_GAIT, true).symptoms("numbness"))
                .triage().reasons().get(0);
        assertEquals("urgent-first", reason.ruleId());
        assertEquals(List.of(Finding.flag(WIDE_BASED_GAIT, true)), reason.findings());
        assertEquals("fixture", reason.sources().get(0).sourceId());
    }

    @Test
    void a_probable_dangerous_condition_fires_its_rule_when_no_other_rule_fired() {
        Assessment a = CLINIC.assess(aged(40).flag(MIDLINE_TENDERNESS, true)); // 0.3 x 4 -> 0.6316
        assertEquals(URGENT, a.triage().level());
        assertEquals(List.of("high-probability-dangerous-condition"), codes(a));
        assertEquals(List.of(Finding.flag(MIDLINE_TENDERNESS, true)), a.triage().reasons().get(0).findings());
    }

    @Test
    void the_probability_rule_stays_silent_once_another_rule_fired() {
        Assessment a = CLINIC.assess(aged(40).flag(MIDLINE_TENDERNESS, true).flag(WIDE_BASED_GAIT, true));
        assertEquals(List.of("urgent-sign"), codes(a));
        Assessment emergency = CLINIC.assess(aged(40).flag(MIDLINE_TENDERNESS, true).redFlags("saddle-anesthesia"));
        assertEquals(List.of("emergency-sign"), codes(emergency));
        assertEquals(EMERGENCY, emergency.triage().level());
    }
}
