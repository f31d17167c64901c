package org.footpain.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.footpain.http.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /v1/knowledge} serves the knowledge base a clinician can check: the version the assessments
 * name, the contract's 18 conditions with a prior for every setting, and a served source and basis behind
 * every number. Each test lists every offender at once.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT) // authentication itself: AuthenticationTest
class KnowledgeEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CONDITIONS = Set.of("l4-radiculopathy", "l5-radiculopathy", "s1-radiculopathy",
            "lumbar-spinal-stenosis", "cauda-equina-syndrome", "spinal-infection", "spinal-malignancy",
            "vertebral-fracture", "sacroiliac-joint-dysfunction", "myelopathy", "deep-gluteal-syndrome",
            "common-fibular-neuropathy", "tarsal-tunnel-syndrome", "peripheral-polyneuropathy", "morton-neuroma",
            "plantar-fasciitis", "achilles-tendinopathy", "peripheral-artery-disease");
    private static final Set<String> DIAGNOSTICS = Set.of("mri-lumbar-spine-without-contrast",
            "mri-lumbar-spine-with-and-without-contrast", "ct-lumbar-spine", "radiography-lumbar-spine",
            "mri-cervical-thoracic-spine", "emg-ncs-lower-limb", "ankle-brachial-index", "arterial-duplex-lower-limb",
            "neuropathy-laboratory-panel", "inflammatory-markers-and-blood-cultures", "post-void-residual",
            "ultrasound-foot", "radiography-foot", "mri-foot-ankle", "diagnostic-sacroiliac-joint-injection");
    private static final Set<String> SETTINGS = Set.of("primary-care", "spine-clinic", "foot-and-ankle-clinic",
            "emergency-department");
    private static final Set<String> BASES = Set.of("published", "derived", "expert-estimate");

    private JsonNode knowledge;
    private Set<String> sourceIds;

    @BeforeEach
    void load() throws IOException {
        knowledge = JSON.readTree(given().get("/v1/knowledge")
                .then().statusCode(200).contentType(matchesPattern("application/json(;.*)?"))
                .extract().asString());
        sourceIds = new HashSet<>();
        knowledge.path("sources").forEach(s -> sourceIds.add(s.path("id").asText()));
    }

    @Test
    void knowledge_answers_200_json_with_a_version() {
        assertFalse(knowledge.path("version").asText().isBlank(), "no version");
    }

    @Test
    void version_equals_the_one_assessments_name() throws IOException {
        JsonNode answer = JSON.readTree(given().contentType("application/json").body("{\"patient\":{\"ageYears\":40}}")
                .post("/v1/assessments").then().statusCode(200).extract().asString());
        assertEquals(knowledge.path("version").asText(), answer.path("knowledgeBase").path("version").asText());
    }

    @Test
    void conditions_are_exactly_the_contracts_18() {
        List<String> ids = new ArrayList<>();
        knowledge.path("conditions").forEach(c -> ids.add(c.path("id").asText()));
        assertEquals(18, ids.size(), ids.toString());
        assertEquals(CONDITIONS, new HashSet<>(ids));
    }

    @Test
    void every_condition_has_a_name_and_codes() {
        List<String> problems = new ArrayList<>();
        for (JsonNode condition : knowledge.path("conditions")) {
            String id = condition.path("id").asText();
            if (condition.path("name").asText().isBlank()) {
                problems.add(id + ": no name");
            }
            if (condition.path("codes").isEmpty()) {
                problems.add(id + ": no codes");
            }
            for (JsonNode code : condition.path("codes")) {
                for (String member : List.of("system", "code", "display")) {
                    if (code.path(member).asText().isBlank()) {
                        problems.add(id + ": code without " + member);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void every_condition_has_a_prior_for_all_four_settings() {
        List<String> problems = new ArrayList<>();
        for (JsonNode condition : knowledge.path("conditions")) {
            String id = condition.path("id").asText();
            Set<String> settings = new HashSet<>();
            condition.path("priors").fieldNames().forEachRemaining(settings::add);
            if (!settings.equals(SETTINGS)) {
                problems.add(id + ": priors for " + settings);
            }
            for (String setting : SETTINGS) {
                JsonNode p = condition.path("priors").path(setting).path("p");
                if (!p.isNumber() || p.asDouble() <= 0 || p.asDouble() >= 1) {
                    problems.add(id + "/" + setting + ": prior " + p);
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void every_prior_cites_a_served_source_and_a_basis() {
        List<String> problems = new ArrayList<>();
        for (JsonNode condition : knowledge.path("conditions")) {
            String id = condition.path("id").asText();
            condition.path("priors").fields().forEachRemaining(prior ->
                    checkCitation(id + " prior " + prior.getKey(), prior.getValue(), problems));
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void every_finding_outcome_cites_a_served_source_and_a_basis() {
        List<String> problems = new ArrayList<>();
        int outcomes = 0;
        for (JsonNode condition : knowledge.path("conditions")) {
            String id = condition.path("id").asText();
            for (JsonNode finding : condition.path("findings")) {
                for (JsonNode outcome : finding.path("outcomes")) {
                    outcomes++;
                    String where = id + " " + finding.path("finding").asText();
                    checkCitation(where, outcome, problems);
                    if (!outcome.path("lr").isNumber() || outcome.path("lr").asDouble() <= 0) {
                        problems.add(where + ": likelihood ratio " + outcome.path("lr"));
                    }
                }
            }
        }
        assertTrue(outcomes > 100, "too few finding outcomes served: " + outcomes);
        assertTrue(problems.isEmpty(), problems.size() + " outcomes: " + problems);
    }

    @Test
    void every_cluster_outcome_cites_a_served_source_and_a_basis() {
        List<String> problems = new ArrayList<>();
        int outcomes = 0;
        for (JsonNode condition : knowledge.path("conditions")) {
            for (JsonNode cluster : condition.path("clusters")) {
                for (JsonNode outcome : cluster.path("outcomes")) {
                    outcomes++;
                    checkCitation(condition.path("id").asText() + " cluster " + cluster.path("id").asText(),
                            outcome, problems);
                }
            }
        }
        assertTrue(outcomes > 0, "no cluster outcome served");
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void every_triage_rule_has_sources() {
        List<String> problems = new ArrayList<>();
        JsonNode rules = knowledge.path("triageRules").path("rules");
        assertFalse(rules.isEmpty(), "no triage rules served");
        for (JsonNode rule : rules) {
            String id = rule.path("id").asText();
            if (rule.path("sources").isEmpty()) {
                problems.add(id + ": no sources");
            }
            for (JsonNode source : rule.path("sources")) {
                checkCitation("triage rule " + id, source, problems);
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void every_diagnostic_rule_has_sources() {
        List<String> problems = new ArrayList<>();
        JsonNode rules = knowledge.path("diagnostics").path("rules");
        assertFalse(rules.isEmpty(), "no diagnostic rules served");
        for (JsonNode rule : rules) {
            String id = rule.path("id").asText();
            if (rule.path("sources").isEmpty()) {
                problems.add(id + ": no sources");
            }
            for (JsonNode source : rule.path("sources")) {
                checkCitation("diagnostic rule " + id, source, problems);
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void diagnostic_tests_include_the_contracts_ids_and_rules_use_only_served_tests() {
        Set<String> tests = new HashSet<>();
        knowledge.path("diagnostics").path("tests").forEach(t -> tests.add(t.path("id").asText()));
        Set<String> missing = new HashSet<>(DIAGNOSTICS);
        missing.removeAll(tests);
        assertTrue(missing.isEmpty(), "contract diagnostics not served: " + missing);
        List<String> unknown = new ArrayList<>();
        knowledge.path("diagnostics").path("rules").forEach(r -> {
            if (!tests.contains(r.path("test").asText())) {
                unknown.add(r.path("id").asText() + " -> " + r.path("test").asText());
            }
        });
        assertTrue(unknown.isEmpty(), unknown.toString());
    }

    @Test
    void source_ids_are_unique() {
        List<String> ids = new ArrayList<>();
        knowledge.path("sources").forEach(s -> ids.add(s.path("id").asText()));
        assertEquals(ids.size(), sourceIds.size(), "duplicate source ids");
        assertFalse(sourceIds.contains(""), "a source without id");
    }

    @Test
    void readiness_is_up_with_the_knowledge_base_check_naming_the_same_version() throws IOException {
        JsonNode health = JSON.readTree(given().get("/q/health/ready").then().statusCode(200).extract().asString());
        assertEquals("UP", health.path("status").asText());
        JsonNode check = null;
        for (JsonNode c : health.path("checks")) {
            if (c.path("name").asText().equals("knowledge-base")) {
                check = c;
            }
        }
        assertTrue(check != null, "no knowledge-base check in " + health);
        assertEquals("UP", check.path("status").asText());
        assertEquals(knowledge.path("version").asText(), check.path("data").path("version").asText());
    }

    /** A number's citation: a source id served in {@code sources} and a basis of the closed set. */
    private void checkCitation(String where, JsonNode cited, List<String> problems) {
        String source = cited.path("source").asText();
        if (!sourceIds.contains(source)) {
            problems.add(where + ": source '" + source + "' not served");
        }
        String basis = cited.path("basis").asText();
        if (!BASES.contains(basis)) {
            problems.add(where + ": basis '" + basis + "'");
        }
    }
}
