package org.footpain.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.footpain.http.Roles;
import org.footpain.fhir.Vignettes;
import org.footpain.fhir.Vignettes.Vignette;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.footpain.cdshooks.HookCalls.call;
import static org.footpain.cdshooks.HookCalls.chart;
import static org.footpain.cdshooks.HookCalls.parse;
import static org.footpain.cdshooks.HookCalls.patientView;
import static org.footpain.cdshooks.HookCalls.readingFrom;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * patient-view: the cards say what the JSON API says about the same patient, whether the EHR prefetches the chart
 * or the service reads it from the EHR's FHIR server; and the service never advises on a chart it could not read.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT) // authentication itself: AuthenticationTest
@WithTestResource(value = CdsHooksEnvironment.class, scope = TestResourceScope.GLOBAL)
class PatientViewHookTest {

    private static final String SERVICE = CdsServices.ASSESSMENT;
    private static final String DIAGNOSTIC = "https://footpain.example/fhir/CodeSystem/diagnostic";

    private static JsonNode cards(ObjectNode request) {
        return parse(call(SERVICE, request).then().statusCode(200).extract().asString()).path("cards");
    }

    @Test
    void every_dev_vignette_prefetched_gets_cards_that_match_the_json_api() {
        List<String> problems = new ArrayList<>();
        for (Vignette vignette : Vignettes.all()) {
            JsonNode expected = Vignettes.jsonAnswer(vignette.request(), 5);
            JsonNode cards = cards(patientView(chart(vignette.request())));
            problems.addAll(mismatches(vignette.id(), expected, cards));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** What the cards must agree on with the JSON API's answer. */
    static List<String> mismatches(String id, JsonNode expected, JsonNode cards) {
        List<String> problems = new ArrayList<>();
        List<String> critical = new ArrayList<>();
        List<String> warning = new ArrayList<>();
        JsonNode info = null;
        for (JsonNode card : cards) {
            String summary = card.path("summary").asText();
            if (summary.length() >= 140) {
                problems.add(id + ": summary of " + summary.length() + " characters: " + summary);
            }
            if (!card.path("source").path("url").asText().endsWith("/v1/knowledge")) {
                problems.add(id + ": a card's source does not point at /v1/knowledge");
            }
            if (card.path("links").isEmpty()) {
                problems.add(id + ": a card has no link to the evidence");
            }
            switch (card.path("indicator").asText()) {
                case "critical" -> critical.add(summary);
                case "warning" -> warning.add(summary);
                default -> info = card;
            }
        }
        // a critical card per emergency reason, a warning card per urgent one, each naming it
        List<String> emergencies = new ArrayList<>();
        List<String> urgencies = new ArrayList<>();
        for (JsonNode reason : expected.path("triage").path("reasons")) {
            // the JSON API's text is the rule's title, then the findings that fired it
            String title = reason.path("text").asText().split(": ", 2)[0];
            (reason.path("level").asText().equals("emergency") ? emergencies : urgencies).add(title);
        }
        if (critical.size() != emergencies.size() || warning.size() != urgencies.size()) {
            problems.add(id + ": " + critical.size() + " critical and " + warning.size() + " warning cards for "
                    + emergencies + " and " + urgencies);
        }
        for (String reason : emergencies) {
            if (critical.stream().noneMatch(s -> s.startsWith("Emergency: " + reason))) {
                problems.add(id + ": no critical card for " + reason + " in " + critical);
            }
        }
        for (String reason : urgencies) {
            if (warning.stream().noneMatch(s -> s.startsWith("Urgent: " + reason))) {
                problems.add(id + ": no warning card for " + reason + " in " + warning);
            }
        }
        if (info == null) {
            problems.add(id + ": no info card");
            return problems;
        }
        // the leading cause, its leg and its probability, as the JSON API ranks it
        JsonNode first = expected.path("differential").get(0);
        String lead = name(first) + " " + percent(first.path("probability").asDouble());
        if (!info.path("summary").asText().startsWith("Leading causes: " + lead)) {
            problems.add(id + ": info summary '" + info.path("summary").asText() + "' does not lead with " + lead);
        }
        for (JsonNode condition : expected.path("differential")) {
            String line = "**" + name(condition) + "**: " + percent(condition.path("probability").asDouble());
            if (!info.path("detail").asText().contains(line)) {
                problems.add(id + ": detail lacks " + line);
            }
        }
        // the tests due now are proposed as ServiceRequests, each once; the deferred ones only described
        Set<String> due = new HashSet<>();
        for (JsonNode test : expected.path("suggestedDiagnostics")) {
            if (!test.path("timing").asText().equals("if-no-improvement")) {
                due.add(test.path("id").asText());
            }
        }
        List<String> proposed = new ArrayList<>();
        for (JsonNode card : cards) {
            for (JsonNode suggestion : card.path("suggestions")) {
                for (JsonNode action : suggestion.path("actions")) {
                    JsonNode resource = action.path("resource");
                    if (!action.path("type").asText().equals("create")
                            || !resource.path("resourceType").asText().equals("ServiceRequest")
                            || !resource.path("status").asText().equals("draft")
                            || !resource.path("intent").asText().equals("proposal")) {
                        problems.add(id + ": a suggestion is not a draft ServiceRequest proposal: " + action);
                    }
                    for (JsonNode coding : resource.path("code").path("coding")) {
                        if (coding.path("system").asText().equals(DIAGNOSTIC)) {
                            proposed.add(coding.path("code").asText());
                        }
                    }
                }
            }
        }
        if (!new HashSet<>(proposed).equals(due) || proposed.size() != due.size()) {
            problems.add(id + ": proposed " + proposed + " but the JSON API has due now " + due);
        }
        return problems;
    }

    private static String name(JsonNode condition) {
        String laterality = condition.path("laterality").asText();
        String name = condition.path("condition").path("name").asText();
        return Set.of("left", "right", "bilateral").contains(laterality) ? name + " (" + laterality + ")" : name;
    }

    private static String percent(double p) {
        long rounded = Math.round(p * 100);
        return rounded < 1 ? "<1%" : rounded > 99 ? ">99%" : rounded + "%";
    }

    @Test
    void without_prefetch_the_chart_is_read_from_the_ehrs_fhir_server_with_the_token_it_passed() {
        Vignette vignette = Vignettes.byId("dev-005"); // cauda equina: a critical card
        HookCalls.Chart chart = chart(vignette.request());
        HookCalls.loadIntoStub(chart.patientId(), chart.forStub(0));
        ObjectNode request = readingFrom(HookCalls.hook("patient-view", chart.context()), HookCalls.stubFhirServer());
        JsonNode fetched = cards(request);
        assertEquals(List.of(), mismatches(vignette.id(), Vignettes.jsonAnswer(vignette.request(), 5), fetched));
        assertEquals(summaries(cards(patientView(chart))), summaries(fetched), "the same cards as with prefetch");

        String token = "Bearer " + request.path("fhirAuthorization").path("access_token").asText();
        List<String> urls = new ArrayList<>();
        for (JsonNode received : HookCalls.stubReceived()) {
            if (received.path("url").asText().contains(chart.patientId())) {
                urls.add(received.path("url").asText());
                assertEquals(token, received.path("authorization").asText(), "the EHR's access token is presented");
            }
        }
        String base = HookCalls.stubFhirServer();
        assertTrue(urls.contains(base + "/Patient/" + chart.patientId()), urls.toString());
        assertTrue(urls.contains(base + "/Observation?patient=" + chart.patientId() + "&category=exam"), urls.toString());
        assertTrue(urls.contains(base + "/Condition?patient=" + chart.patientId()), urls.toString());
    }

    @Test
    void a_paged_search_is_read_to_its_last_page() {
        Vignette vignette = Vignettes.byId("dev-001");
        HookCalls.Chart chart = chart(vignette.request());
        int pageSize = Math.max(1, chart.observations().size() / 4);
        HookCalls.loadIntoStub(chart.patientId(), chart.forStub(pageSize));
        JsonNode cards = cards(readingFrom(HookCalls.hook("patient-view", chart.context()), HookCalls.stubFhirServer()));
        assertEquals(List.of(), mismatches(vignette.id(), Vignettes.jsonAnswer(vignette.request(), 5), cards));
        long pages = 0;
        for (JsonNode received : HookCalls.stubReceived()) {
            if (received.path("url").asText().contains("Observation?patient=" + chart.patientId())) {
                pages++;
            }
        }
        assertTrue(pages >= 4, "read " + pages + " pages");
    }

    @Test
    void a_search_longer_than_the_page_limit_answers_412_rather_than_advise_on_part_of_the_chart() {
        HookCalls.Chart chart = chart(Vignettes.byId("dev-001").request());
        assertTrue(chart.observations().size() > 10);
        HookCalls.loadIntoStub(chart.patientId(), chart.forStub(1));
        call(SERVICE, readingFrom(HookCalls.hook("patient-view", chart.context()), HookCalls.stubFhirServer()))
                .then().statusCode(412).body("detail", containsString("more than 10 pages"));
    }

    @Test
    void only_missing_prefetch_keys_are_read_from_the_server() {
        Vignette vignette = Vignettes.byId("dev-002");
        HookCalls.Chart chart = chart(vignette.request());
        HookCalls.loadIntoStub(chart.patientId(), chart.forStub(0));
        ObjectNode request = readingFrom(patientView(chart), HookCalls.stubFhirServer());
        ((ObjectNode) request.path("prefetch")).remove("conditions");
        assertEquals(List.of(), mismatches(vignette.id(), Vignettes.jsonAnswer(vignette.request(), 5), cards(request)));
        List<String> urls = new ArrayList<>();
        HookCalls.stubReceived().forEach(r -> urls.add(r.path("url").asText()));
        assertTrue(urls.contains(HookCalls.stubFhirServer() + "/Condition?patient=" + chart.patientId()));
        assertFalse(urls.contains(HookCalls.stubFhirServer() + "/Patient/" + chart.patientId()),
                "the prefetched Patient is not read again");
    }

    @Test
    void a_fhir_server_the_issuer_is_not_allowed_answers_412() {
        HookCalls.Chart chart = chart(Vignettes.byId("dev-001").request());
        ObjectNode request = readingFrom(HookCalls.hook("patient-view", chart.context()), "https://elsewhere.example.com/fhir");
        call(SERVICE, request).then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("not a FHIR server this service may read"));
    }

    @Test
    void no_prefetch_and_no_fhir_server_answers_412() {
        HookCalls.Chart chart = chart(Vignettes.byId("dev-001").request());
        call(SERVICE, HookCalls.hook("patient-view", chart.context())).then().statusCode(412)
                .body("detail", containsString("prefetch.patient was not sent"));
    }

    @Test
    void a_prefetch_error_reported_as_an_operation_outcome_is_read_from_the_server_or_answers_412() {
        HookCalls.Chart chart = chart(Vignettes.byId("dev-001").request());
        ObjectNode request = patientView(chart);
        ((ObjectNode) request.path("prefetch")).putObject("observations").put("resourceType", "OperationOutcome")
                .putArray("issue").addObject().put("severity", "error").put("code", "timeout");
        call(SERVICE, request).then().statusCode(412);
    }

    @Test
    void a_failing_fhir_server_answers_412() {
        HookCalls.Chart chart = chart(Vignettes.byId("dev-001").request());
        ObjectNode failing = chart.forStub(0).put("status", 503);
        HookCalls.loadIntoStub(chart.patientId(), failing);
        call(SERVICE, readingFrom(HookCalls.hook("patient-view", chart.context()), HookCalls.stubFhirServer()))
                .then().statusCode(412).body("detail", containsString("503"));
    }

    @Test
    void a_paging_link_to_another_server_is_not_followed_with_the_token() {
        HookCalls.Chart chart = chart(Vignettes.byId("dev-001").request());
        ObjectNode stub = chart.forStub(2).put("nextBase", "https://attacker.example.com/fhir/Observation?patient=x");
        HookCalls.loadIntoStub(chart.patientId(), stub);
        call(SERVICE, readingFrom(HookCalls.hook("patient-view", chart.context()), HookCalls.stubFhirServer()))
                .then().statusCode(412).body("detail", containsString("outside the allowed FHIR server"));
    }

    @Test
    void a_chart_without_foot_or_leg_findings_gets_no_card() {
        HookCalls.Chart chart = chart(Vignettes.byId("dev-001").request());
        ObjectNode request = patientView(chart);
        ObjectNode prefetch = (ObjectNode) request.path("prefetch");
        prefetch.putNull("observations"); // the EHR has no exam Observations for this patient
        assertEquals(0, cards(request).size());
    }

    @Test
    void a_mapped_observation_with_a_value_the_contract_does_not_allow_is_named() {
        HookCalls.Chart chart = chart(Vignettes.byId("dev-001").request());
        ObjectNode request = patientView(chart);
        String body = request.toString();
        // the first coded value in the prefetched Observations becomes one the mapping does not know
        String broken = body.replaceFirst("(\"system\":\"https://footpain.example/fhir/CodeSystem/finding-value\",\"code\":\")[a-z-]+\"",
                "$1not-a-value\"");
        assertFalse(broken.equals(body));
        call(SERVICE, parse(broken)).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("prefetch.observations.entry["));
    }

    @Test
    void every_card_summary_stays_under_140_characters_and_every_card_cites_its_source() {
        for (Vignette vignette : Vignettes.all()) {
            for (JsonNode card : cards(patientView(chart(vignette.request())))) {
                assertTrue(card.path("summary").asText().length() < 140, card.path("summary").asText());
                assertTrue(card.path("source").path("label").asText().toLowerCase(Locale.ROOT).contains("knowledge base"));
            }
        }
    }

    private static List<String> summaries(JsonNode cards) {
        List<String> summaries = new ArrayList<>();
        cards.forEach(c -> summaries.add(c.path("indicator").asText() + " " + c.path("summary").asText()));
        return summaries;
    }
}
