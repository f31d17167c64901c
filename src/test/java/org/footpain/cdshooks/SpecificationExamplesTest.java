package org.footpain.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.footpain.fhir.Vignettes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.footpain.cdshooks.HookCalls.call;
import static org.footpain.cdshooks.HookCalls.parse;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The specification's own published examples (src/test/resources/cdshooks/spec-examples, attributed there),
 * replayed unchanged but for a fresh token, are accepted. Nothing reaches the network: the example's FHIR server
 * (http://hooks.smarthealthit.org:9080) is reached through the stub, which the service uses as its proxy.
 */
@QuarkusTest
@WithTestResource(value = CdsHooksEnvironment.class, scope = TestResourceScope.GLOBAL)
class SpecificationExamplesTest {

    private static ObjectNode fixture(String name) {
        try (InputStream in = SpecificationExamplesTest.class.getResourceAsStream("/cdshooks/spec-examples/" + name)) {
            return (ObjectNode) HookCalls.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_patient_view_example_is_accepted_and_the_chart_read_from_its_fhir_server() {
        ObjectNode example = fixture("patient-view-request.json");
        // the example's patient 1288992, on its FHIR server, has the chart of an acute S1 radiculopathy
        HookCalls.Chart chart = HookCalls.chart(Vignettes.byId("dev-001").request(), "1288992");
        HookCalls.loadIntoStub("1288992", chart.forStub(0));

        JsonNode cards = parse(call(CdsServices.ASSESSMENT, example).then().statusCode(200).extract().asString())
                .path("cards");
        assertEquals(1, cards.size(), cards.toString());
        assertTrue(cards.get(0).path("summary").asText().startsWith("Leading causes: S1 radiculopathy (left)"),
                cards.toString());
        List<String> reads = new ArrayList<>();
        for (JsonNode received : HookCalls.stubReceived()) {
            if (received.path("url").asText().startsWith(CdsHooksEnvironment.SPEC_FHIR_SERVER)) {
                reads.add(received.path("url").asText());
                assertEquals("Bearer some-opaque-fhir-access-token", received.path("authorization").asText());
            }
        }
        assertTrue(reads.contains(CdsHooksEnvironment.SPEC_FHIR_SERVER + "/Observation?patient=1288992&category=exam"),
                reads.toString());
        assertTrue(reads.contains(CdsHooksEnvironment.SPEC_FHIR_SERVER + "/Encounter/89284"), reads.toString());
    }

    @Test
    void the_extensions_example_is_accepted_and_without_a_patient_gets_no_card() {
        call(CdsServices.ASSESSMENT, fixture("extensions-request.json")).then().statusCode(200)
                .body("cards.size()", equalTo(0));
    }

    @Test
    void the_order_select_and_order_sign_examples_are_accepted_and_hold_no_imaging_to_review() {
        for (String hook : List.of("order-select", "order-sign")) {
            ObjectNode example = fixture(hook + "-r4-example.json");
            example.put("hook", hook).put("hookInstance", UUID.randomUUID().toString());
            call(CdsServices.IMAGING, example).then().statusCode(200).body("cards.size()", equalTo(0));
        }
    }

    @Test
    void the_feedback_examples_are_acknowledged() {
        for (String name : List.of("feedback-accepted.json", "feedback-overridden.json",
                "feedback-overridden-with-reason.json")) {
            call(CdsServices.IMAGING + "/feedback", fixture(name)).then().statusCode(200).body("received", equalTo(1));
        }
    }
}
