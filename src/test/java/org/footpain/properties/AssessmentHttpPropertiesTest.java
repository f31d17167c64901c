package org.footpain.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import net.jqwik.api.Combinators;
import org.footpain.http.Roles;
import org.footpain.knowledge.TriageLevel;
import org.footpain.properties.HttpAnswers.Named;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.footpain.properties.HttpAnswers.SEED;
import static org.footpain.properties.HttpAnswers.json;
import static org.footpain.properties.HttpAnswers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine properties through HTTP: a few hundred requests drawn with a fixed seed from the same generator
 * ({@link Requests}), posted to {@code POST /v1/assessments}. jqwik's engine does not run inside a Quarkus test, so
 * the samples are drawn here and every message names the seed and the request.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT)
class AssessmentHttpPropertiesTest {

    private static final int SAMPLES = Integer.getInteger("properties.http.samples", 250);

    /** The seed in the messages is only worth printing if it reproduces the sample. */
    @Test
    void the_same_seed_draws_the_same_requests() {
        assertEquals(Requests.sample(Requests.valid(), SEED, 20), Requests.sample(Requests.valid(), SEED, 20));
        assertTrue(!Requests.sample(Requests.valid(), SEED, 20).equals(Requests.sample(Requests.valid(), SEED + 9, 20)));
    }

    @Test
    void every_valid_request_is_answered_with_a_ranked_differential_explained_by_supplied_findings() {
        List<ObjectNode> requests = Requests.sample(Requests.valid(), SEED, SAMPLES);
        for (int i = 0; i < requests.size(); i++) {
            ObjectNode request = requests.get(i);
            String where = "seed " + SEED + ", sample " + i + ": " + request;
            Response response = post(request);
            assertEquals(200, response.statusCode(), where + " -> " + response.asString());
            assertTrue(response.contentType().startsWith("application/json"), where);
            JsonNode answer = json(response);
            checkDifferential(answer, request, where);
            Set<String> tests = new HashSet<>();
            answer.path("suggestedDiagnostics").forEach(d ->
                    assertTrue(tests.add(d.path("id").asText()), where + ": diagnostic twice " + d.path("id")));
            Set<String> next = new HashSet<>();
            answer.path("nextBestFindings").forEach(n -> assertTrue(
                    next.add(n.path("finding").asText() + "/" + n.path("side").asText()), where + ": next twice " + n));
        }
    }

    @Test
    void the_same_request_twice_gets_the_same_answer_apart_from_its_id() {
        List<ObjectNode> requests = Requests.sample(Requests.valid(), SEED + 1, SAMPLES / 4);
        for (int i = 0; i < requests.size(); i++) {
            String where = "seed " + (SEED + 1) + ", sample " + i + ": " + requests.get(i);
            ObjectNode first = (ObjectNode) json(post(requests.get(i)));
            ObjectNode second = (ObjectNode) json(post(requests.get(i)));
            assertFalse(first.path("assessmentId").asText().equals(second.path("assessmentId").asText()),
                    where + ": two assessments share an id");
            first.remove("assessmentId");
            second.remove("assessmentId");
            assertEquals(first, second, where);
        }
    }

    @Test
    void swapping_left_and_right_swaps_every_laterality_and_changes_nothing_else() {
        List<ObjectNode> requests = Requests.sample(Requests.valid(), SEED + 2, SAMPLES / 3);
        for (int i = 0; i < requests.size(); i++) {
            String where = "seed " + (SEED + 2) + ", sample " + i + ": " + requests.get(i);
            JsonNode a = json(post(requests.get(i)));
            Response mirroredResponse = post(Requests.mirrored(requests.get(i)));
            assertEquals(200, mirroredResponse.statusCode(), where);
            JsonNode b = json(mirroredResponse);
            JsonNode da = a.path("differential");
            JsonNode db = b.path("differential");
            assertEquals(da.size(), db.size(), where);
            for (int k = 0; k < da.size(); k++) {
                JsonNode x = da.get(k);
                JsonNode y = db.get(k);
                String id = x.path("condition").path("id").asText();
                assertEquals(id, y.path("condition").path("id").asText(), where + ": rank " + (k + 1));
                assertEquals(x.path("probability").asDouble(), y.path("probability").asDouble(), where + ": " + id);
                assertEquals(HttpAnswers.swapSide(x.path("laterality")), y.path("laterality"), where + ": " + id);
                List<String> ex = new ArrayList<>();
                x.path("evidence").forEach(e -> ex.add(HttpAnswers.mirroredEvidence(e)));
                List<String> ey = new ArrayList<>();
                y.path("evidence").forEach(e -> ey.add(HttpAnswers.evidenceKey(e)));
                ex.sort(null);
                ey.sort(null);
                assertEquals(ex, ey, where + ": evidence of " + id);
            }
            assertEquals(a.path("triage").path("level"), b.path("triage").path("level"), where);
            assertEquals(codes(a.path("triage").path("reasons"), "code", false),
                    codes(b.path("triage").path("reasons"), "code", false), where);
            assertEquals(codes(a.path("suggestedDiagnostics"), "id", false),
                    codes(b.path("suggestedDiagnostics"), "id", false), where);
            assertEquals(codes(a.path("suggestedDiagnostics"), "timing", false),
                    codes(b.path("suggestedDiagnostics"), "timing", false), where);
            assertEquals(codes(a.path("nextBestFindings"), "finding", false),
                    codes(b.path("nextBestFindings"), "finding", false), where);
            assertEquals(codes(a.path("nextBestFindings"), "side", true),
                    codes(b.path("nextBestFindings"), "side", false), where);
            assertEquals(codes(a.path("warnings"), "code", false), codes(b.path("warnings"), "code", false), where);
        }
    }

    @Test
    void adding_a_red_flag_never_lowers_triage() {
        var pairs = Requests.sample(Combinators.combine(Requests.valid(), Requests.redFlags()).as(
                (request, flag) -> Optional.of(request).flatMap(r -> Requests.add(r, flag))
                        .map(flagged -> List.of(request, flagged))), SEED + 3, SAMPLES / 3);
        int compared = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).isEmpty()) {
                continue; // the flag was already listed
            }
            ObjectNode plain = pairs.get(i).get().get(0);
            ObjectNode flagged = pairs.get(i).get().get(1);
            String where = "seed " + (SEED + 3) + ", sample " + i + ": " + flagged;
            TriageLevel before = TriageLevel.fromCode(json(post(plain)).path("triage").path("level").asText());
            TriageLevel after = TriageLevel.fromCode(json(post(flagged)).path("triage").path("level").asText());
            assertTrue(after.compareTo(before) >= 0, where + ": " + before + " -> " + after);
            compared++;
        }
        assertTrue(compared > pairs.size() / 2, "too few red flags could be added: " + compared);
    }

    private static void checkDifferential(JsonNode answer, JsonNode request, String where) {
        JsonNode differential = answer.path("differential");
        assertTrue(differential.isArray() && differential.size() > 0, where + ": no differential");
        List<Named> supplied = HttpAnswers.supplied(request);
        Set<String> paths = HttpAnswers.suppliedPaths(request);
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < differential.size(); k++) {
            JsonNode c = differential.get(k);
            String id = c.path("condition").path("id").asText();
            assertTrue(ids.add(id), where + ": " + id + " listed twice");
            assertEquals(k + 1, c.path("rank").asInt(), where + ": rank of " + id);
            double p = c.path("probability").asDouble(Double.NaN);
            assertTrue(p >= 0 && p <= 1, where + ": " + id + " probability " + c.path("probability"));
            if (k > 0) {
                JsonNode above = differential.get(k - 1);
                double q = above.path("probability").asDouble();
                String aboveId = above.path("condition").path("id").asText();
                assertTrue(q > p || (q == p && aboveId.compareTo(id) < 0),
                        where + ": " + aboveId + " " + q + " ranked above " + id + " " + p);
            }
            for (JsonNode e : c.path("evidence")) {
                String finding = e.path("finding").asText();
                if (finding.startsWith("cluster:")) {
                    assertTrue(e.path("components").size() > 0, where + ": " + id + " cluster without components");
                    e.path("components").forEach(component -> assertTrue(paths.contains(component.asText()),
                            where + ": " + id + " cluster names " + component + ", which was not supplied"));
                } else {
                    Named named = new Named(finding, HttpAnswers.normal(e.path("value")));
                    assertTrue(supplied.contains(named), where + ": " + id + " evidence names " + named
                            + ", which was not supplied");
                }
                if (e.has("absentItem")) {
                    assertFalse(supplied.contains(new Named("history.redFlags", e.get("absentItem"))),
                            where + ": " + e.get("absentItem") + " counted absent although listed");
                }
            }
        }
    }

    private static List<String> codes(JsonNode items, String field, boolean swapSide) {
        List<String> codes = new ArrayList<>();
        items.forEach(item -> codes.add(String.valueOf(swapSide ? HttpAnswers.swapSide(item.get(field)) : item.get(field))));
        return codes;
    }
}
