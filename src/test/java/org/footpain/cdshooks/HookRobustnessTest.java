package org.footpain.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.footpain.fhir.Vignettes;
import org.hl7.fhir.r4.model.ServiceRequest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.footpain.cdshooks.HookCalls.call;
import static org.footpain.cdshooks.HookCalls.chart;
import static org.footpain.cdshooks.HookCalls.draftOrder;
import static org.footpain.cdshooks.HookCalls.ordering;
import static org.footpain.cdshooks.HookCalls.patientView;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hook calls malformed in the ways an EHR or an attacker might send them: a 4xx naming the problem, never a 500. */
@QuarkusTest
@WithTestResource(value = CdsHooksEnvironment.class, scope = TestResourceScope.GLOBAL)
class HookRobustnessTest {

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An anonymous caller, no key at all: a header whose alg is a number. */
    @Test
    void an_unsigned_token_with_a_numeric_alg_is_401_not_500() {
        long now = System.currentTimeMillis() / 1000;
        String token = b64("{\"alg\":1,\"kid\":\"k\"}") + "." + b64("{\"iss\":\"x\",\"exp\":" + (now + 60) + "}") + ".AAAA";
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(patientView(chart(Vignettes.byId("dev-001").request())).toString())
                .post("/cds-services/" + CdsServices.ASSESSMENT).then().statusCode(401);
    }

    @Test
    void feedback_that_is_an_object_not_an_array_is_400_not_500() {
        call(CdsServices.IMAGING + "/feedback", HookCalls.parse("{\"feedback\":{\"card\":\"c\",\"outcome\":\"accepted\"}}"))
                .then().statusCode(400);
    }

    @Test
    void draft_orders_whose_entry_is_an_object_are_400_not_500() {
        HookCalls.Chart sciatica = chart(Vignettes.byId("dev-002").request());
        ObjectNode request = ordering("order-sign", sciatica, List.of(), true);
        ((ObjectNode) request.path("context").path("draftOrders")).putObject("entry").putObject("x");
        call(CdsServices.IMAGING, request).then().statusCode(400);
    }

    @Test
    void a_prefetch_paging_link_that_is_not_a_valid_uri_is_not_a_500() {
        HookCalls.Chart chart = chart(Vignettes.byId("dev-001").request());
        ObjectNode request = HookCalls.readingFrom(patientView(chart), HookCalls.stubFhirServer());
        ((ObjectNode) request.path("prefetch").path("observations")).putArray("link").addObject()
                .put("relation", "next").put("url", HookCalls.stubFhirServer() + "/Observation?patient=a b&_page=2");
        call(CdsServices.ASSESSMENT, request).then().statusCode(anyOf(is(400), is(412)));
    }

    /** The EHR says, inside the searchset, that it could not return every Observation: the chart is partial. */
    @Test
    void a_prefetch_searchset_reporting_an_error_outcome_is_not_assessed_as_if_complete() {
        HookCalls.Chart sciatica = chart(Vignettes.byId("dev-002").request()); // premature MRI warning when complete
        ServiceRequest mri = draftOrder("mri-1", "http://www.ama-assn.org/go/cpt", "72148", "MRI lumbar spine");
        ObjectNode request = ordering("order-sign", sciatica, List.of(mri), true);
        ArrayNode entries = (ArrayNode) request.path("prefetch").path("observations").path("entry");
        ObjectNode outcome = entries.addObject();
        outcome.putObject("search").put("mode", "outcome");
        outcome.putObject("resource").put("resourceType", "OperationOutcome").putArray("issue").addObject()
                .put("severity", "error").put("code", "incomplete")
                .put("diagnostics", "Observations from the emergency department could not be retrieved");
        Response response = call(CdsServices.IMAGING, request);
        JsonNode answer = HookCalls.parse(response.asString());
        // no fhirServer to complete it from: 412, and certainly no "imaging not yet indicated" warning
        assertEquals(412, response.statusCode(),
                "answered " + response.statusCode() + " with " + answer.path("cards").findValuesAsText("indicator")
                        + " " + answer.path("cards").findValuesAsText("summary"));
    }

    /** An information-level outcome (say, "results limited to the last year") leaves the chart as sent. */
    @Test
    void a_prefetch_searchset_with_only_an_informational_outcome_is_assessed() {
        HookCalls.Chart sciatica = chart(Vignettes.byId("dev-002").request());
        ServiceRequest mri = draftOrder("mri-1", "http://www.ama-assn.org/go/cpt", "72148", "MRI lumbar spine");
        ObjectNode request = ordering("order-sign", sciatica, List.of(mri), true);
        ObjectNode outcome = ((ArrayNode) request.path("prefetch").path("observations").path("entry")).addObject();
        outcome.putObject("search").put("mode", "outcome");
        outcome.putObject("resource").put("resourceType", "OperationOutcome").putArray("issue").addObject()
                .put("severity", "information").put("code", "informational")
                .put("diagnostics", "Results limited to the last 12 months");
        call(CdsServices.IMAGING, request).then().statusCode(200);
    }

    /** The three templates the requirements name are prefetched; only the extra encounter template is not. */
    @Test
    void a_call_prefetching_the_three_required_templates_is_answered() {
        HookCalls.Chart chart = chart(Vignettes.byId("dev-001").request());
        ObjectNode request = patientView(chart);
        ((ObjectNode) request.path("context")).put("encounterId", "enc-1");
        ((ObjectNode) request.path("prefetch")).remove("encounter");
        call(CdsServices.ASSESSMENT, request).then().statusCode(200);
    }
}
