package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.knowledge.Condition;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.FindingRule;
import org.footpain.knowledge.Setting;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A finding that was not examined is unknown, never normal: it moves nothing and is never shown as evidence.
 * The one exception the contract allows is a red flag screened as absent. Plain JUnit: the engine is pure Java
 * over a loaded knowledge base, so no Quarkus container is needed.
 */
class AbsentIsNotNormalTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();

    private static final String S1 = "s1-radiculopathy";
    private static final String CAUDA_EQUINA = "cauda-equina-syndrome";

    static Stream<String> typicalPatients() {
        return TypicalPatients.all().keySet().stream();
    }

    @ParameterizedTest(name = "in {0}")
    @EnumSource(Setting.class)
    void a_patient_known_only_by_age_gets_each_condition_its_setting_prior_moved_by_age_alone(Setting setting) {
        for (int age : new int[] {30, 42, 55, 65, 80}) {
            Assessment onlyAge = CLINIC.assess(aged(age).seenIn(setting));
            for (ScoredCondition scored : onlyAge.differential()) {
                double prior = scored.condition().prior(setting).probability();
                String where = scored.id() + " at " + age;
                for (Evidence e : scored.evidence()) {
                    assertEquals(AGE, e.findings().get(0).path(), where + ": only age is known, yet " + e);
                }
                double shift = scored.evidence().stream().mapToDouble(Evidence::logOddsShift).sum();
                double expected = 1 / (1 + (1 - prior) / prior * Math.exp(-shift));
                assertEquals(Math.round(expected * 10_000) / 10_000.0, scored.probability(), 1e-12, where);
                if (!hasAgeRule(scored.condition())) {
                    assertTrue(scored.evidence().isEmpty(), where);
                    assertEquals(Math.round(prior * 10_000) / 10_000.0, scored.probability(), 1e-12, where);
                }
            }
        }
    }

    @Test
    void a_normal_achilles_reflex_is_evidence_against_s1_but_an_unexamined_one_moves_nothing() {
        Patient sciatica = aged(45).symptomSide("left").pain("posterior-thigh", "calf");
        double unexamined = CLINIC.probability(sciatica.copy(), S1);
        double normal = CLINIC.probability(sciatica.copy().left(ACHILLES_REFLEX, "normal"), S1);
        double absent = CLINIC.probability(sciatica.copy().left(ACHILLES_REFLEX, "absent"), S1);
        assertTrue(normal < unexamined && unexamined < absent,
                "normal " + normal + ", unexamined " + unexamined + ", absent " + absent);
        assertFalse(mentions(CLINIC.scored(sciatica, S1), ACHILLES_REFLEX));
    }

    @Test
    void leaving_the_achilles_reflex_out_is_the_same_as_never_having_examined_it() {
        Patient examined = TypicalPatients.leftS1Radiculopathy();
        Patient leftOut = examined.copy().without(ACHILLES_REFLEX);
        Assessment withAchilles = CLINIC.assess(examined);
        Assessment withoutAchilles = CLINIC.assess(leftOut);
        assertTrue(withAchilles.differential().stream().anyMatch(c -> mentions(c, ACHILLES_REFLEX)));
        for (ScoredCondition c : withoutAchilles.differential()) {
            assertFalse(mentions(c, ACHILLES_REFLEX), c.id() + " still shows the Achilles reflex");
        }
        assertTrue(Differential.probability(withoutAchilles, S1) < Differential.probability(withAchilles, S1));
    }

    @ParameterizedTest(name = "typical {0}")
    @MethodSource("typicalPatients")
    void evidence_rests_only_on_supplied_findings(String conditionId) {
        Presentation patient = TypicalPatients.all().get(conditionId).get().build();
        for (ScoredCondition c : CLINIC.assess(patient).differential()) {
            for (Evidence e : c.evidence()) {
                assertTrue(patient.findings().containsAll(e.findings()), c.id() + " shows an unsupplied " + e);
            }
        }
    }

    @ParameterizedTest(name = "typical {0}")
    @MethodSource("typicalPatients")
    void omitting_any_supplied_finding_removes_its_evidence_entries(String conditionId) {
        Presentation full = TypicalPatients.all().get(conditionId).get().build();
        for (Finding omitted : full.findings()) {
            if (omitted.path() == AGE) {
                continue;
            }
            Presentation without = new Presentation(full.setting(),
                    full.findings().stream().filter(f -> !f.equals(omitted)).toList());
            for (ScoredCondition c : CLINIC.assess(without).differential()) {
                assertTrue(c.evidence().stream().noneMatch(e -> e.findings().contains(omitted)),
                        c.id() + " still shows " + omitted);
            }
        }
    }

    @Test
    void a_symptom_that_was_not_listed_is_unknown_not_absent() {
        // leg pain worse than back pain is not listed: no condition reads that as evidence either way
        Patient backPain = aged(45).pain("low-back");
        Assessment a = CLINIC.assess(backPain);
        for (ScoredCondition c : a.differential()) {
            assertTrue(c.evidence().stream().allMatch(e -> e.findings().stream()
                    .allMatch(f -> f.path() == AGE || f.path() == PAIN_LOCATIONS)), c.id() + ": " + c.evidence());
        }
    }

    @Test
    void screened_red_flags_that_are_absent_lower_cauda_equina_syndrome() {
        Patient sciatica = aged(45).pain("low-back", "calf");
        CLINIC.assertLowers(CAUDA_EQUINA, sciatica, Patient::redFlagsScreened);
        ScoredCondition screened = CLINIC.scored(sciatica.copy().redFlagsScreened(), CAUDA_EQUINA);
        assertTrue(screened.evidence().stream().anyMatch(e -> e instanceof Evidence.ScreenedAbsent s
                && s.redFlag().equals("saddle-anesthesia")), screened.evidence().toString());
    }

    @Test
    void without_the_screen_an_unlisted_red_flag_moves_nothing() {
        Patient sciatica = aged(45).pain("low-back", "calf");
        ScoredCondition unscreened = CLINIC.scored(sciatica, CAUDA_EQUINA);
        assertEquals(CLINIC.knowledgeBase().condition(CAUDA_EQUINA).orElseThrow()
                .prior(Setting.PRIMARY_CARE).probability(), unscreened.probability(), 1e-12);
        assertTrue(unscreened.evidence().isEmpty(), unscreened.evidence().toString());
    }

    @Test
    void a_screen_recorded_as_not_done_moves_nothing() {
        Patient sciatica = aged(45).pain("low-back", "calf");
        assertEquals(CLINIC.probability(sciatica.copy(), CAUDA_EQUINA),
                CLINIC.probability(sciatica.copy().flag(RED_FLAGS_SCREENED, false), CAUDA_EQUINA), 1e-12);
    }

    @Test
    void a_red_flag_listed_in_a_screen_counts_as_present() {
        Patient screened = aged(45).pain("low-back", "calf").redFlagsScreened();
        CLINIC.assertRaises(CAUDA_EQUINA, screened, p -> p.redFlags("urinary-retention"));
    }

    @Test
    void a_condition_moved_from_its_prior_shows_the_evidence_that_moved_it() {
        ScoredCondition s1 = CLINIC.scored(aged(60).bothLegs(ACHILLES_REFLEX, "absent"), S1);
        assertTrue(s1.probability() != 0.13, "moved");
        assertFalse(s1.evidence().isEmpty(), "achilles absent on both legs moved s1 to " + s1.probability());
    }

    private static boolean hasAgeRule(Condition condition) {
        return condition.findings().stream().map(FindingRule::path).anyMatch(p -> p == AGE)
                || condition.clusters().stream().flatMap(c -> c.components().stream())
                .flatMap(c -> c.matches().stream()).anyMatch(m -> m.path() == AGE);
    }

    private static boolean mentions(ScoredCondition condition, FindingPath path) {
        return condition.evidence().stream().flatMap(e -> e.findings().stream()).anyMatch(f -> f.path() == path);
    }
}
