package org.footpain.knowledge;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The knowledge base is checked whole at load: the shipped one loads clean, and a broken one fails with every
 * problem listed at once, each naming where it is. Broken knowledge bases live under
 * {@code src/test/resources/knowledge-fixtures/broken-*}. Plain JUnit: the loader reads the classpath with
 * Jackson alone, so no Quarkus container is needed.
 */
class KnowledgeBaseLoaderTest {

    private static final Set<String> CONTRACT_CONDITIONS = Set.of("l4-radiculopathy", "l5-radiculopathy",
            "s1-radiculopathy", "lumbar-spinal-stenosis", "cauda-equina-syndrome", "spinal-infection",
            "spinal-malignancy", "vertebral-fracture", "sacroiliac-joint-dysfunction", "myelopathy",
            "deep-gluteal-syndrome", "common-fibular-neuropathy", "tarsal-tunnel-syndrome",
            "peripheral-polyneuropathy", "morton-neuroma", "plantar-fasciitis", "achilles-tendinopathy",
            "peripheral-artery-disease");

    private static final Set<String> CONTRACT_TESTS = Set.of("mri-lumbar-spine-without-contrast",
            "mri-lumbar-spine-with-and-without-contrast", "ct-lumbar-spine", "radiography-lumbar-spine",
            "mri-cervical-thoracic-spine", "emg-ncs-lower-limb", "ankle-brachial-index", "arterial-duplex-lower-limb",
            "neuropathy-laboratory-panel", "inflammatory-markers-and-blood-cultures", "post-void-residual",
            "ultrasound-foot", "radiography-foot", "mri-foot-ankle", "diagnostic-sacroiliac-joint-injection");

    private static List<String> problems(String fixture) {
        return assertThrows(KnowledgeBaseException.class,
                () -> KnowledgeBaseLoader.load("knowledge-fixtures/" + fixture)).problems();
    }

    /** Some problem names every one of these fragments (file, entry, what is wrong). */
    private static void assertNamed(List<String> problems, String... fragments) {
        assertTrue(problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains)),
                "no problem names " + List.of(fragments) + " in " + problems);
    }

    @Test
    void the_shipped_knowledge_base_loads_with_no_problem() {
        KnowledgeBaseLoader.Loaded loaded = KnowledgeBaseLoader.loadDefault();
        KnowledgeBase kb = loaded.knowledgeBase();
        assertEquals(List.of(), KnowledgeBaseIntegrity.problems(kb));
        assertFalse(kb.version().isBlank());
        assertEquals(kb.version(), loaded.document().path("version").asText());
    }

    @Test
    void the_shipped_knowledge_base_has_every_condition_and_test_the_contract_names() {
        KnowledgeBase kb = KnowledgeBaseLoader.loadDefault().knowledgeBase();
        assertEquals(CONTRACT_CONDITIONS, kb.conditions().stream().map(Condition::id).collect(Collectors.toSet()));
        assertTrue(kb.tests().stream().map(DiagnosticTest::id).collect(Collectors.toSet())
                .containsAll(CONTRACT_TESTS));
    }

    @Test
    void every_shipped_condition_has_a_prior_in_every_setting() {
        for (Condition condition : KnowledgeBaseLoader.loadDefault().knowledgeBase().conditions()) {
            for (Setting setting : Setting.values()) {
                Prior prior = condition.prior(setting);
                assertTrue(prior != null && prior.probability() > 0 && prior.probability() < 1,
                        condition.id() + " in " + setting.code());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"log-odds", "clusters", "sides", "rules"})
    void the_engine_fixtures_pass_the_same_checks(String fixture) {
        KnowledgeBase kb = KnowledgeBaseLoader.load("knowledge-fixtures/" + fixture).knowledgeBase();
        assertEquals(List.of(), KnowledgeBaseIntegrity.problems(kb));
    }

    @Test
    void a_finding_path_the_contract_does_not_know_names_its_file_and_entry() {
        List<String> problems = problems("broken-unknown-finding");
        assertEquals(1, problems.size(), problems.toString());
        assertNamed(problems, "conditions/typo.json", "$.findings[0].finding", "exam.reflexes.achiles");
    }

    @Test
    void a_condition_without_a_prior_for_one_setting_names_the_condition_and_the_setting() {
        List<String> problems = problems("broken-missing-prior");
        assertEquals(1, problems.size(), problems.toString());
        assertNamed(problems, "condition no-ed-prior", "no prior", "emergency-department");
    }

    @Test
    void a_ratio_citing_an_unknown_source_names_the_condition_the_finding_and_the_source() {
        List<String> problems = problems("broken-unknown-source");
        assertEquals(1, problems.size(), problems.toString());
        assertNamed(problems, "condition unsourced", "exam.lumbar.midlineTenderness", "nobody-2020");
    }

    @Test
    void a_diagnostic_rule_naming_an_unknown_test_names_the_rule_and_the_test() {
        List<String> problems = problems("broken-unknown-test");
        assertEquals(1, problems.size(), problems.toString());
        assertNamed(problems, "diagnostics.json rule scan-everything", "mri-of-everything");
    }

    @Test
    void a_misspelt_key_is_reported_never_ignored() {
        List<String> problems = problems("broken-unknown-key");
        assertNamed(problems, "conditions/misspelt.json", "$.findings[0].outcomes[0].likelihoodRatio", "unknown key");
        assertNamed(problems, "conditions/misspelt.json", "$.findings[0].outcomes[0].lr", "missing");
    }

    @Test
    void problems_in_several_files_are_all_reported_at_once() {
        List<String> problems = problems("broken-in-many-files");
        assertNamed(problems, "model.json", "$.fewFindigs", "unknown key");
        assertNamed(problems, "conditions/typo.json", "$.findings[0].finding", "exam.reflexes.achiles");
        assertNamed(problems, "conditions/bad-value.json", "$.findings[0].outcomes[0].values[0]",
                "not a value of exam.reflexes.achilles");
        assertNamed(problems, "triage-rules.json", "$.rules[0].level", "critical");
        assertNamed(problems, "diagnostics.json", "$.rules[0].timing");
    }

    @Test
    void references_that_do_not_resolve_are_all_reported_at_once() {
        List<String> problems = problems("broken-references");
        assertNamed(problems, "condition no-ed-prior", "emergency-department");
        assertNamed(problems, "condition unsourced", "nobody-2020");
        assertNamed(problems, "diagnostics.json rule scan-everything", "mri-of-everything");
        assertNamed(problems, "diagnostics.json rule scan-everything", "no-such-rule");
        assertNamed(problems, "diagnostics.json rule scan-everything", "no-such-condition");
        assertEquals(5, problems.size(), problems.toString());
    }

    @Test
    void the_exception_message_lists_every_problem() {
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class,
                () -> KnowledgeBaseLoader.load("knowledge-fixtures/broken-references"));
        assertTrue(e.getMessage().contains("(5 problems)"), e.getMessage());
        e.problems().forEach(p -> assertTrue(e.getMessage().contains(p), p));
    }

    @Test
    void a_knowledge_base_that_is_not_there_fails_naming_the_missing_file() {
        assertNamed(problems("no-such-fixture"), "knowledge-fixtures/no-such-fixture/manifest.json", "not found");
    }

    @Test
    void cross_file_problems_name_their_file_too() {
        assertNamed(problems("broken-missing-prior"), "conditions/no-ed-prior.json");
        assertNamed(problems("broken-unknown-source"), "conditions/unsourced.json");
        assertNamed(problems("broken-unknown-test"), "diagnostics.json");
    }
}
