package org.footpain.engine;

import org.footpain.knowledge.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every condition of the shipped knowledge base, presented as a textbook case, is ranked first.
 * Plain JUnit: the engine is pure Java over a loaded knowledge base, so no Quarkus container is needed.
 */
class TypicalPresentationTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();

    static Stream<String> conditions() {
        return CLINIC.knowledgeBase().conditions().stream().map(Condition::id);
    }

    @Test
    void every_condition_of_the_knowledge_base_has_a_typical_patient() {
        Set<String> conditions = conditions().collect(Collectors.toSet());
        assertEquals(conditions, TypicalPatients.all().keySet());
    }

    @ParameterizedTest(name = "a typical patient with {0} has it ranked first")
    @MethodSource("conditions")
    void a_typical_presentation_ranks_its_condition_first(String conditionId) {
        Assessment assessment = CLINIC.assess(TypicalPatients.all().get(conditionId).get());
        assertEquals(conditionId, Differential.first(assessment), Differential.describe(assessment));
    }
}
