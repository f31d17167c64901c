package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.footpain.engine.nextfinding.NextFinding;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What to examine next: only examination findings not yet supplied, on the leg where it matters, each naming
 * the two leading conditions it separates. Plain JUnit: the engine is pure Java over a loaded knowledge base,
 * so no Quarkus container is needed.
 */
class NextBestFindingsTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();

    static Stream<String> typicalPatients() {
        return TypicalPatients.all().keySet().stream();
    }

    @ParameterizedTest(name = "typical {0}")
    @MethodSource("typicalPatients")
    void only_examination_findings_not_yet_supplied_are_suggested(String conditionId) {
        Presentation patient = TypicalPatients.all().get(conditionId).get().build();
        for (NextFinding next : CLINIC.assess(patient).nextBestFindings()) {
            assertTrue(next.path().examination(), next.path().path() + " is not an examination finding");
            assertFalse(supplied(patient, next), next.path().path() + " " + next.side() + " was supplied");
        }
    }

    @ParameterizedTest(name = "typical {0}")
    @MethodSource("typicalPatients")
    void each_suggestion_separates_two_of_the_leading_conditions(String conditionId) {
        Assessment a = CLINIC.assess(TypicalPatients.all().get(conditionId).get());
        List<String> leading = a.differential().stream().limit(CLINIC.knowledgeBase().model().leadingConditions())
                .map(ScoredCondition::id).toList();
        assertFalse(a.nextBestFindings().isEmpty(), "no suggestion for " + conditionId);
        for (NextFinding next : a.nextBestFindings()) {
            assertEquals(2, next.separates().size(), next.toString());
            assertNotEquals(next.separates().get(0), next.separates().get(1));
            assertTrue(leading.containsAll(next.separates()), next.separates() + " not among " + leading);
            assertFalse(next.rationale().isBlank());
        }
    }

    @Test
    void for_s1_against_l5_radiculopathy_an_l5_muscle_of_the_painful_leg_is_suggested() {
        Assessment a = CLINIC.assess(TypicalPatients.leftS1Radiculopathy());
        NextFinding first = a.nextBestFindings().get(0);
        assertTrue(List.of(HIP_ABDUCTION, GREAT_TOE_EXTENSION, ANKLE_INVERSION, ANKLE_DORSIFLEXION, HEEL_WALK)
                .contains(first.path()), first.toString());
        assertEquals(Side.LEFT, first.side());
        assertEquals(List.of("s1-radiculopathy", "l5-radiculopathy"), first.separates());
    }

    @Test
    void a_suggested_finding_once_examined_is_no_longer_suggested() {
        Patient s1 = TypicalPatients.leftS1Radiculopathy();
        NextFinding first = CLINIC.assess(s1.copy()).nextBestFindings().get(0);
        Patient examined = s1.copy().left(first.path(), 5);
        for (NextFinding next : CLINIC.assess(examined).nextBestFindings()) {
            assertFalse(next.path() == first.path() && next.side() == Side.LEFT, next.toString());
        }
    }

    @Test
    void suggestions_are_ranked_by_expected_information_gain() {
        List<NextFinding> next = CLINIC.assess(TypicalPatients.rightL5Radiculopathy()).nextBestFindings();
        for (int i = 1; i < next.size(); i++) {
            assertTrue(next.get(i - 1).informationGain() >= next.get(i).informationGain(), next.toString());
        }
        assertTrue(next.size() <= CLINIC.knowledgeBase().model().nextBestFindingLimit());
    }

    @Test
    void when_the_legs_are_unknown_a_sided_suggestion_covers_both_legs() {
        Assessment a = CLINIC.assess(aged(45).pain("low-back", "posterior-thigh", "calf")
                .symptoms("leg-pain-worse-than-back-pain"));
        assertTrue(a.nextBestFindings().stream().filter(n -> n.path().sided())
                .allMatch(n -> n.side() == Side.BILATERAL), a.nextBestFindings().toString());
    }

    private static boolean supplied(Presentation patient, NextFinding next) {
        FindingPath path = next.path();
        return switch (next.side()) {
            case LEFT, RIGHT -> patient.on(path, next.side()).isPresent();
            case BILATERAL -> patient.on(path, Side.LEFT).isPresent() || patient.on(path, Side.RIGHT).isPresent();
            case UNSIDED -> !patient.all(path).isEmpty();
        };
    }
}
