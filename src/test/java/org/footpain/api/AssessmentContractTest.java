package org.footpain.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.footpain.http.Roles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A valid request answers {@code 200 application/json} in the shape of the contract
 * ({@code shared/contract/assessment-api.md}): every field the contract names, with the values and the
 * invariants it states. Checks run over several requests so that each part of the answer is non-empty
 * at least once.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT) // authentication itself: AuthenticationTest
class AssessmentContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LEVELS = Set.of("emergency", "urgent", "routine");
    private static final List<String> SEVERITY = List.of("routine", "urgent", "emergency");
    private static final Set<String> LATERALITIES = Set.of("left", "right", "bilateral", "undetermined",
            "not-applicable");
    private static final Set<String> CENTRAL = Set.of("spinal-infection", "spinal-malignancy", "vertebral-fracture",
            "cauda-equina-syndrome", "myelopathy");
    private static final Set<String> TIMINGS = Set.of("emergent", "urgent", "routine", "if-no-improvement");
    private static final Set<String> CONDITIONS = Set.of("l4-radiculopathy", "l5-radiculopathy", "s1-radiculopathy",
            "lumbar-spinal-stenosis", "cauda-equina-syndrome", "spinal-infection", "spinal-malignancy",
            "vertebral-fracture", "sacroiliac-joint-dysfunction", "myelopathy", "deep-gluteal-syndrome",
            "common-fibular-neuropathy", "tarsal-tunnel-syndrome", "peripheral-polyneuropathy", "morton-neuroma",
            "plantar-fasciitis", "achilles-tendinopathy", "peripheral-artery-disease");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PATH_STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private static final String MINIMAL = "{\"patient\":{\"ageYears\":40}}";
    /** Red flags and a severe deficit: fires emergency and urgent triage rules and emergent diagnostics. */
    private static final String RED_FLAGS = "{\"patient\":{\"ageYears\":60},"
            + "\"history\":{\"symptomSide\":\"left\",\"durationWeeks\":2,\"symptoms\":[\"back-pain\"],"
            + "\"redFlags\":[\"saddle-anesthesia\",\"fever\"]},"
            + "\"exam\":{\"temperatureCelsius\":38.5,\"strength\":{\"ankleDorsiflexion\":{\"left\":2,\"right\":5}}}}";
    /** Four positive sacroiliac provocation tests on the right: fires Laslett's cluster. */
    private static final String SACROILIAC = "{\"patient\":{\"ageYears\":35},"
            + "\"history\":{\"symptomSide\":\"right\",\"painLocations\":[\"buttock\"]},"
            + "\"exam\":{\"sacroiliac\":{\"provocationPositiveCount\":{\"left\":0,\"right\":4}}}}";

    // ---------------------------------------------------------------------------------------------------
    // the answer as a whole

    @Test
    void contract_example_answers_200_json_with_every_top_level_field() throws IOException {
        JsonNode answer = assess(example(), "");
        for (String field : List.of("assessmentId", "knowledgeBase", "context", "triage", "differential",
                "suggestedDiagnostics", "nextBestFindings", "warnings")) {
            assertTrue(answer.has(field), "missing " + field + " in " + answer);
        }
        assertTrue(answer.path("differential").isArray());
        assertTrue(answer.path("suggestedDiagnostics").isArray());
        assertTrue(answer.path("nextBestFindings").isArray());
        assertTrue(answer.path("warnings").isArray());
        assertEquals("s1-radiculopathy", answer.path("differential").path(0).path("condition").path("id").asText());
        assertEquals("left", answer.path("differential").path(0).path("laterality").asText());
    }

    @Test
    void assessment_id_is_a_uuid() throws IOException {
        String id = assess(example(), "").path("assessmentId").asText();
        assertThat(id, matchesPattern(UUID_TEXT));
        assertEquals(id, UUID.fromString(id).toString());
    }

    @Test
    void knowledge_base_version_is_named() throws IOException {
        assertFalse(assess(example(), "").path("knowledgeBase").path("version").asText().isBlank());
    }

    // ---------------------------------------------------------------------------------------------------
    // context

    @Test
    void context_setting_echoes_the_request() throws IOException {
        for (String setting : List.of("primary-care", "spine-clinic", "foot-and-ankle-clinic",
                "emergency-department")) {
            JsonNode answer = assess("{\"context\":{\"setting\":\"" + setting + "\"},\"patient\":{\"ageYears\":40}}", "");
            assertEquals(setting, answer.path("context").path("setting").asText());
        }
    }

    @Test
    void context_setting_defaults_to_primary_care() throws IOException {
        for (String body : List.of(MINIMAL, "{\"context\":{},\"patient\":{\"ageYears\":40}}",
                "{\"context\":{\"setting\":null},\"patient\":{\"ageYears\":40}}",
                "{\"context\":null,\"patient\":{\"ageYears\":40}}")) {
            assertEquals("primary-care", assess(body, "").path("context").path("setting").asText(), body);
        }
    }

    @Test
    void setting_shifts_the_priors() throws IOException {
        JsonNode primary = assess(MINIMAL, "?limit=50");
        JsonNode foot = assess("{\"context\":{\"setting\":\"foot-and-ankle-clinic\"},\"patient\":{\"ageYears\":40}}",
                "?limit=50");
        assertNotEquals(probabilities(primary), probabilities(foot));
    }

    // ---------------------------------------------------------------------------------------------------
    // triage

    @Test
    void triage_level_is_one_of_the_contracts_levels() throws IOException {
        for (String body : List.of(example(), MINIMAL, RED_FLAGS, SACROILIAC)) {
            String level = assess(body, "").path("triage").path("level").asText();
            assertTrue(LEVELS.contains(level), level);
        }
    }

    @Test
    void triage_reasons_carry_code_text_findings_and_source() throws IOException {
        JsonNode request = JSON.readTree(RED_FLAGS);
        JsonNode triage = assess(RED_FLAGS, "").path("triage");
        assertEquals("emergency", triage.path("level").asText());
        JsonNode reasons = triage.path("reasons");
        assertTrue(reasons.size() >= 2, "one reason per rule that fired: " + reasons);
        Set<String> codes = new HashSet<>();
        for (JsonNode reason : reasons) {
            assertText(reason, "code");
            assertText(reason, "text");
            assertText(reason, "source");
            assertTrue(codes.add(reason.path("code").asText()), "one entry per rule: " + reasons);
            assertTrue(reason.path("findings").isArray() && !reason.path("findings").isEmpty(), reason.toString());
            for (JsonNode finding : reason.path("findings")) {
                assertFalse(resolve(request, finding.asText()).isMissingNode(),
                        finding + " is not a path of a supplied value in " + request);
            }
        }
        assertTrue(codes.contains("suspected-cauda-equina"), codes.toString());
    }

    @Test
    void triage_reasons_come_most_severe_first_and_set_the_level() throws IOException {
        JsonNode triage = assess(RED_FLAGS, "").path("triage");
        int previous = Integer.MAX_VALUE;
        for (JsonNode reason : triage.path("reasons")) {
            int severity = SEVERITY.indexOf(reason.path("level").asText());
            assertTrue(severity >= 0 && severity <= previous, "most severe first: " + triage);
            previous = severity;
        }
        assertEquals(triage.path("reasons").path(0).path("level").asText(), triage.path("level").asText());
    }

    // ---------------------------------------------------------------------------------------------------
    // differential

    @Test
    void differential_is_ranked_by_probability_with_ties_broken_by_id() throws IOException {
        for (String body : List.of(example(), MINIMAL, RED_FLAGS, SACROILIAC)) {
            JsonNode differential = assess(body, "?limit=50").path("differential");
            for (int i = 1; i < differential.size(); i++) {
                JsonNode before = differential.get(i - 1);
                JsonNode after = differential.get(i);
                double p0 = before.path("probability").asDouble();
                double p1 = after.path("probability").asDouble();
                assertTrue(p0 >= p1, "probability rises at rank " + (i + 1) + " for " + body);
                if (p0 == p1) {
                    String id0 = before.path("condition").path("id").asText();
                    String id1 = after.path("condition").path("id").asText();
                    assertTrue(id0.compareTo(id1) < 0, "tie " + id0 + " / " + id1 + " not by id for " + body);
                }
            }
        }
    }

    @Test
    void minimal_body_has_ties_and_they_are_broken_by_id() throws IOException {
        // guards the previous test: the priors alone give equal probabilities, so ties really occur
        JsonNode differential = assess(MINIMAL, "?limit=50").path("differential");
        boolean tie = false;
        for (int i = 1; i < differential.size(); i++) {
            tie |= differential.get(i).path("probability").asDouble()
                    == differential.get(i - 1).path("probability").asDouble();
        }
        assertTrue(tie, "no tie to test in " + differential);
    }

    @Test
    void ranks_run_from_1_to_n() throws IOException {
        for (String query : List.of("", "?limit=1", "?limit=7", "?limit=50")) {
            JsonNode differential = assess(example(), query).path("differential");
            for (int i = 0; i < differential.size(); i++) {
                assertEquals(i + 1, differential.get(i).path("rank").asInt(), query);
            }
        }
    }

    @Test
    void probabilities_lie_between_0_and_1() throws IOException {
        for (String body : List.of(example(), MINIMAL, RED_FLAGS, SACROILIAC)) {
            for (JsonNode condition : assess(body, "?limit=50").path("differential")) {
                assertTrue(condition.path("probability").isNumber(), condition.toString());
                double p = condition.path("probability").asDouble();
                assertTrue(p >= 0 && p <= 1, condition.path("condition").path("id") + " " + p);
            }
        }
    }

    @Test
    void conditions_carry_a_known_id_a_name_and_codes() throws IOException {
        for (JsonNode ranked : assess(example(), "?limit=50").path("differential")) {
            JsonNode condition = ranked.path("condition");
            assertTrue(CONDITIONS.contains(condition.path("id").asText()), condition.toString());
            assertText(condition, "name");
            assertFalse(condition.path("codes").isEmpty(), condition.toString());
            for (JsonNode code : condition.path("codes")) {
                assertText(code, "system");
                assertText(code, "code");
                assertText(code, "display");
            }
        }
    }

    @Test
    void laterality_is_one_of_the_contracts_values() throws IOException {
        for (String body : List.of(example(), MINIMAL, RED_FLAGS, SACROILIAC)) {
            for (JsonNode condition : assess(body, "?limit=50").path("differential")) {
                assertTrue(LATERALITIES.contains(condition.path("laterality").asText()), condition.toString());
            }
        }
    }

    @Test
    void central_and_systemic_conditions_have_no_laterality() throws IOException {
        for (String body : List.of(example(), MINIMAL, RED_FLAGS)) {
            for (JsonNode condition : assess(body, "?limit=50").path("differential")) {
                String id = condition.path("condition").path("id").asText();
                String laterality = condition.path("laterality").asText();
                assertEquals(CENTRAL.contains(id), laterality.equals("not-applicable"), id + " " + laterality);
            }
        }
    }

    @Test
    void sided_conditions_are_undetermined_without_a_sided_finding() throws IOException {
        for (JsonNode condition : assess(MINIMAL, "?limit=50").path("differential")) {
            String id = condition.path("condition").path("id").asText();
            if (!CENTRAL.contains(id)) {
                assertEquals("undetermined", condition.path("laterality").asText(), id);
            }
        }
    }

    @Test
    void side_specific_codes_are_those_of_the_reported_side() throws IOException {
        for (JsonNode condition : assess(example(), "?limit=50").path("differential")) {
            if (condition.path("condition").path("id").asText().equals("common-fibular-neuropathy")) {
                assertEquals("left", condition.path("laterality").asText());
                List<String> icd = new ArrayList<>();
                condition.path("condition").path("codes").forEach(c -> {
                    if (c.path("code").asText().startsWith("G57.3")) {
                        icd.add(c.path("code").asText());
                    }
                });
                assertEquals(List.of("G57.32"), icd, "left lower limb only");
                return;
            }
        }
        throw new AssertionError("common-fibular-neuropathy missing from the full differential");
    }

    // ---------------------------------------------------------------------------------------------------
    // evidence

    @Test
    void evidence_items_carry_finding_value_ratio_direction_and_source() throws IOException {
        Set<String> sources = knowledgeSourceIds();
        int items = 0;
        for (String body : List.of(example(), RED_FLAGS, SACROILIAC)) {
            for (JsonNode condition : assess(body, "?limit=50").path("differential")) {
                for (JsonNode evidence : condition.path("evidence")) {
                    items++;
                    assertText(evidence, "finding");
                    assertTrue(evidence.has("value") && !evidence.path("value").isNull(), evidence.toString());
                    assertTrue(evidence.path("likelihoodRatio").isNumber(), evidence.toString());
                    assertText(evidence, "direction");
                    assertText(evidence, "source");
                    assertTrue(sources.contains(evidence.path("sourceId").asText()),
                            "sourceId not in GET /v1/knowledge: " + evidence);
                }
            }
        }
        assertTrue(items > 20, "too little evidence to check: " + items);
    }

    @Test
    void evidence_direction_agrees_with_the_likelihood_ratio() throws IOException {
        for (String body : List.of(example(), RED_FLAGS, SACROILIAC)) {
            for (JsonNode condition : assess(body, "?limit=50").path("differential")) {
                for (JsonNode evidence : condition.path("evidence")) {
                    double ratio = evidence.path("likelihoodRatio").asDouble();
                    assertTrue(ratio > 0 && ratio != 1, "a ratio of 1 moves nothing: " + evidence);
                    assertEquals(ratio > 1 ? "supports" : "opposes", evidence.path("direction").asText(),
                            evidence.toString());
                }
            }
        }
    }

    @Test
    void evidence_names_each_supplied_value_by_its_contract_path() throws IOException {
        for (String body : List.of(example(), RED_FLAGS, SACROILIAC)) {
            JsonNode request = JSON.readTree(body);
            for (JsonNode condition : assess(body, "?limit=50").path("differential")) {
                for (JsonNode evidence : condition.path("evidence")) {
                    String finding = evidence.path("finding").asText();
                    if (finding.startsWith("cluster:") || finding.equals("history.redFlagsScreened")) {
                        continue;
                    }
                    JsonNode supplied = resolve(request, finding);
                    JsonNode value = evidence.path("value");
                    boolean found = supplied.isArray() ? contains(supplied, value) : same(supplied, value);
                    assertTrue(found, finding + " = " + value + " was not supplied in " + body);
                }
            }
        }
    }

    @Test
    void absent_achilles_reflex_is_evidence_for_s1_radiculopathy_named_by_its_side() throws IOException {
        JsonNode s1 = assess(example(), "").path("differential").path(0);
        assertEquals("s1-radiculopathy", s1.path("condition").path("id").asText());
        JsonNode reflex = evidence(s1, "exam.reflexes.achilles.left");
        assertEquals("absent", reflex.path("value").asText());
        assertEquals("supports", reflex.path("direction").asText());
        JsonNode symptom = evidence(s1, "history.symptoms", "leg-pain-worse-than-back-pain");
        assertEquals("supports", symptom.path("direction").asText());
        JsonNode dermatome = evidence(s1, "exam.sensory.dermatomalLoss", null);
        assertEquals(JSON.readTree("{\"dermatome\":\"s1\",\"side\":\"left\"}"), dermatome.path("value"));
    }

    @Test
    void published_cluster_is_one_evidence_entry_naming_its_components() throws IOException {
        JsonNode request = JSON.readTree(SACROILIAC);
        List<JsonNode> clusters = new ArrayList<>();
        for (JsonNode condition : assess(SACROILIAC, "?limit=50").path("differential")) {
            for (JsonNode evidence : condition.path("evidence")) {
                if (evidence.path("finding").asText().startsWith("cluster:")) {
                    clusters.add(evidence);
                }
            }
        }
        assertFalse(clusters.isEmpty(), "Laslett's cluster did not fire");
        for (JsonNode cluster : clusters) {
            assertTrue(cluster.path("components").isArray() && !cluster.path("components").isEmpty(),
                    cluster.toString());
            for (JsonNode component : cluster.path("components")) {
                assertFalse(resolve(request, component.asText()).isMissingNode(),
                        component + " was not supplied");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // suggested diagnostics

    @Test
    void suggested_diagnostics_carry_id_name_codes_timing_conditions_rationale_and_source() throws IOException {
        Set<String> tests = knowledgeTestIds();
        int suggested = 0;
        for (String body : List.of(example(), RED_FLAGS, withDuration(example(), 8))) {
            for (JsonNode diagnostic : assess(body, "").path("suggestedDiagnostics")) {
                suggested++;
                assertTrue(tests.contains(diagnostic.path("id").asText()), diagnostic.toString());
                assertText(diagnostic, "name");
                assertText(diagnostic, "rationale");
                assertText(diagnostic, "source");
                assertTrue(TIMINGS.contains(diagnostic.path("timing").asText()), diagnostic.toString());
                assertFalse(diagnostic.path("codes").isEmpty(), diagnostic.toString());
                for (JsonNode code : diagnostic.path("codes")) {
                    assertText(code, "system");
                    assertText(code, "code");
                    assertText(code, "display");
                }
                assertFalse(diagnostic.path("forConditions").isEmpty(), diagnostic.toString());
                for (JsonNode condition : diagnostic.path("forConditions")) {
                    assertTrue(CONDITIONS.contains(condition.asText()), diagnostic.toString());
                }
            }
        }
        assertTrue(suggested >= 4, "too few suggestions to check: " + suggested);
    }

    @Test
    void after_weeks_is_present_exactly_when_timing_is_if_no_improvement() throws IOException {
        Set<String> timings = new HashSet<>();
        for (String body : List.of(example(), RED_FLAGS, withDuration(example(), 8))) {
            for (JsonNode diagnostic : assess(body, "").path("suggestedDiagnostics")) {
                String timing = diagnostic.path("timing").asText();
                timings.add(timing);
                boolean waits = timing.equals("if-no-improvement");
                assertEquals(waits, diagnostic.hasNonNull("afterWeeks"), diagnostic.toString());
                if (waits) {
                    assertTrue(diagnostic.path("afterWeeks").isInt() && diagnostic.path("afterWeeks").asInt() > 0,
                            diagnostic.toString());
                }
            }
        }
        assertTrue(timings.contains("if-no-improvement") && timings.size() > 1, "both kinds seen: " + timings);
    }

    @Test
    void imaging_for_acute_sciatica_waits_and_becomes_routine_once_the_duration_reaches_after_weeks()
            throws IOException {
        JsonNode acute = diagnostic(assess(example(), ""), "mri-lumbar-spine-without-contrast");
        assertEquals("if-no-improvement", acute.path("timing").asText());
        int afterWeeks = acute.path("afterWeeks").asInt();
        JsonNode persisting = diagnostic(assess(withDuration(example(), afterWeeks), ""),
                "mri-lumbar-spine-without-contrast");
        assertEquals("routine", persisting.path("timing").asText());
        JsonNode unknownDuration = diagnostic(assess(withDuration(example(), -1), ""),
                "mri-lumbar-spine-without-contrast");
        assertEquals("if-no-improvement", unknownDuration.path("timing").asText(), "a missing duration is acute");
    }

    // ---------------------------------------------------------------------------------------------------
    // next best findings and warnings

    @Test
    void next_best_findings_are_unexamined_findings_naming_what_they_separate() throws IOException {
        int seen = 0;
        for (String body : List.of(example(), MINIMAL, SACROILIAC)) {
            JsonNode request = JSON.readTree(body);
            for (JsonNode next : assess(body, "").path("nextBestFindings")) {
                seen++;
                assertText(next, "finding");
                assertText(next, "rationale");
                assertTrue(next.path("separates").size() >= 2, next.toString());
                for (JsonNode condition : next.path("separates")) {
                    assertTrue(CONDITIONS.contains(condition.asText()), next.toString());
                }
                JsonNode supplied = resolve(request, next.path("finding").asText());
                String side = next.path("side").asText("");
                if (side.equals("left") || side.equals("right")) {
                    assertTrue(supplied.path(side).isMissingNode(), "already examined: " + next);
                } else {
                    assertTrue(supplied.isMissingNode(), "already examined: " + next);
                }
            }
        }
        assertTrue(seen > 0, "no next best finding to check");
    }

    @Test
    void warnings_carry_code_and_message() throws IOException {
        int seen = 0;
        for (String body : List.of(MINIMAL, "{\"patient\":{\"ageYears\":15}}", example())) {
            for (JsonNode warning : assess(body, "").path("warnings")) {
                seen++;
                assertText(warning, "code");
                assertText(warning, "message");
            }
        }
        assertTrue(seen >= 2, "no warning to check");
    }

    @Test
    void minimal_body_answers_with_a_few_findings_warning() throws IOException {
        JsonNode answer = assess(MINIMAL, "");
        assertEquals(5, answer.path("differential").size());
        assertTrue(warningCodes(answer).contains("few-findings"), answer.path("warnings").toString());
    }

    @Test
    void full_example_answers_without_a_few_findings_warning() throws IOException {
        assertFalse(warningCodes(assess(example(), "")).contains("few-findings"));
    }

    @Test
    void patient_under_18_answers_with_an_age_warning() throws IOException {
        assertTrue(warningCodes(assess("{\"patient\":{\"ageYears\":15}}", "")).contains("age-under-18"));
        assertFalse(warningCodes(assess("{\"patient\":{\"ageYears\":18}}", "")).contains("age-under-18"));
    }

    // ---------------------------------------------------------------------------------------------------
    // ?limit and determinism

    @Test
    void default_limit_is_5() throws IOException {
        assertEquals(5, assess(example(), "").path("differential").size());
    }

    @Test
    void limit_1_returns_only_the_top_condition() throws IOException {
        JsonNode top = assess(example(), "?limit=1").path("differential");
        assertEquals(1, top.size());
        assertEquals(assess(example(), "?limit=50").path("differential").get(0).path("condition"),
                top.get(0).path("condition"));
    }

    @Test
    void limit_50_returns_all_18_conditions() throws IOException {
        JsonNode differential = assess(example(), "?limit=50").path("differential");
        assertEquals(18, differential.size());
        Set<String> ids = new HashSet<>();
        differential.forEach(c -> ids.add(c.path("condition").path("id").asText()));
        assertEquals(CONDITIONS, ids);
    }

    @Test
    void a_limit_cuts_the_same_ranking() throws IOException {
        JsonNode all = assess(example(), "?limit=50").path("differential");
        JsonNode seven = assess(example(), "?limit=7").path("differential");
        assertEquals(7, seven.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(all.get(i).path("condition").path("id"), seven.get(i).path("condition").path("id"));
        }
    }

    @Test
    void identical_requests_give_identical_answers_apart_from_the_assessment_id() throws IOException {
        JsonNode first = assess(example(), "?limit=50");
        JsonNode second = assess(example(), "?limit=50");
        assertNotEquals(first.path("assessmentId"), second.path("assessmentId"));
        ((ObjectNode) first).remove("assessmentId");
        ((ObjectNode) second).remove("assessmentId");
        assertEquals(first, second);
    }

    // ---------------------------------------------------------------------------------------------------
    // helpers

    private static String example() throws IOException {
        return Files.readString(Path.of("src/test/resources/requests/contract-example.json"));
    }

    /** The request with {@code history.durationWeeks} set, or removed when {@code weeks} is negative. */
    private static String withDuration(String body, int weeks) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(body);
        ObjectNode history = (ObjectNode) request.path("history");
        if (weeks < 0) {
            history.remove("durationWeeks");
        } else {
            history.put("durationWeeks", weeks);
        }
        return JSON.writeValueAsString(request);
    }

    private static JsonNode assess(String body, String query) throws IOException {
        String answer = given().contentType("application/json").body(body).post("/v1/assessments" + query)
                .then().statusCode(200).contentType(matchesPattern("application/json(;.*)?"))
                .extract().asString();
        return JSON.readTree(answer);
    }

    private static Set<String> knowledgeSourceIds() throws IOException {
        Set<String> ids = new HashSet<>();
        knowledge().path("sources").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

    private static Set<String> knowledgeTestIds() throws IOException {
        Set<String> ids = new HashSet<>();
        knowledge().path("diagnostics").path("tests").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    private static JsonNode knowledge() throws IOException {
        return JSON.readTree(given().get("/v1/knowledge").then().statusCode(200).extract().asString());
    }

    /** The value at a contract path ({@code exam.sensory.dermatomalLoss[0].side}), or a missing node. */
    static JsonNode resolve(JsonNode root, String path) {
        JsonNode node = root;
        Matcher step = PATH_STEP.matcher(path);
        while (step.find() && !node.isMissingNode()) {
            node = step.group(1) != null ? node.path(step.group(1)) : node.path(Integer.parseInt(step.group(2)));
        }
        return node.isNull() ? MissingNode.getInstance() : node;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (same(item, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(JsonNode supplied, JsonNode value) {
        if (supplied.isNumber() && value.isNumber()) {
            return supplied.asDouble() == value.asDouble();
        }
        return supplied.equals(value);
    }

    private static JsonNode evidence(JsonNode condition, String finding) {
        for (JsonNode evidence : condition.path("evidence")) {
            if (evidence.path("finding").asText().equals(finding)) {
                return evidence;
            }
        }
        throw new AssertionError("no evidence " + finding + " in " + condition.path("evidence"));
    }

    /** The evidence for a set member with this value, or for any member of a list when {@code value} is null. */
    private static JsonNode evidence(JsonNode condition, String finding, String value) {
        for (JsonNode evidence : condition.path("evidence")) {
            if (evidence.path("finding").asText().equals(finding)
                    && (value == null || evidence.path("value").asText().equals(value))) {
                return evidence;
            }
        }
        throw new AssertionError("no evidence " + finding + " = " + value + " in " + condition.path("evidence"));
    }

    private static JsonNode diagnostic(JsonNode answer, String id) {
        for (JsonNode diagnostic : answer.path("suggestedDiagnostics")) {
            if (diagnostic.path("id").asText().equals(id)) {
                return diagnostic;
            }
        }
        throw new AssertionError("no " + id + " in " + answer.path("suggestedDiagnostics"));
    }

    private static Set<String> warningCodes(JsonNode answer) {
        Set<String> codes = new HashSet<>();
        answer.path("warnings").forEach(w -> codes.add(w.path("code").asText()));
        return codes;
    }

    private static List<Double> probabilities(JsonNode answer) {
        List<Double> probabilities = new ArrayList<>();
        answer.path("differential").forEach(c -> probabilities.add(c.path("probability").asDouble()));
        return probabilities;
    }

    private static void assertText(JsonNode node, String field) {
        assertTrue(node.path(field).isTextual() && !node.path(field).asText().isBlank(),
                field + " missing or empty in " + node);
    }
}
