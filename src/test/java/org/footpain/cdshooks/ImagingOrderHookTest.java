package org.footpain.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.footpain.fhir.Vignettes;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.footpain.cdshooks.HookCalls.call;
import static org.footpain.cdshooks.HookCalls.chart;
import static org.footpain.cdshooks.HookCalls.draftOrder;
import static org.footpain.cdshooks.HookCalls.ordering;
import static org.footpain.cdshooks.HookCalls.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * order-select and order-sign: a lumbar MRI or CT ordered when the findings say it is premature draws a warning
 * with the guideline, override reasons and a suggestion to remove it; a red flag never draws one.
 */
@QuarkusTest
@WithTestResource(value = CdsHooksEnvironment.class, scope = TestResourceScope.GLOBAL)
class ImagingOrderHookTest {

    private static final String SERVICE = CdsServices.IMAGING;
    private static final String CPT = "http://www.ama-assn.org/go/cpt";
    private static final String LOINC = "http://loinc.org";

    private static ServiceRequest lumbarMri() {
        return draftOrder("mri-1", CPT, "72148", "MRI lumbar spine without contrast");
    }

    private static JsonNode cards(ObjectNode request) {
        return parse(call(SERVICE, request).then().statusCode(200).extract().asString()).path("cards");
    }

    private static List<JsonNode> withIndicator(JsonNode cards, String indicator) {
        List<JsonNode> found = new ArrayList<>();
        cards.forEach(c -> {
            if (c.path("indicator").asText().equals(indicator)) {
                found.add(c);
            }
        });
        return found;
    }

    @Test
    void an_mri_selected_for_two_weeks_of_uncomplicated_sciatica_draws_a_warning_with_the_guideline() {
        HookCalls.Chart sciatica = chart(Vignettes.byId("dev-002").request()); // right L5, 2 weeks, no red flag
        JsonNode cards = cards(ordering("order-select", sciatica, List.of(lumbarMri()), true));
        List<JsonNode> warnings = withIndicator(cards, "warning");
        assertEquals(1, warnings.size(), cards.toString());
        JsonNode warning = warnings.get(0);
        String summary = warning.path("summary").asText();
        assertTrue(summary.length() < 140, summary);
        assertTrue(summary.startsWith("Imaging not yet indicated"), summary);
        assertTrue(summary.contains("2 weeks") && summary.contains("6 weeks"), summary);
        assertTrue(warning.path("detail").asText().contains("ACR Appropriateness Criteria"), warning.path("detail").asText());
        assertTrue(warning.path("overrideReasons").size() >= 3);
        warning.path("overrideReasons").forEach(r -> assertFalse(r.path("display").asText().isBlank(), r.toString()));
        assertEquals("at-most-one", warning.path("selectionBehavior").asText());
        JsonNode removal = warning.path("suggestions").get(0).path("actions").get(0);
        assertEquals("delete", removal.path("type").asText());
        assertEquals("ServiceRequest/mri-1", removal.path("resourceId").asText());
        assertTrue(warning.path("source").path("url").asText().endsWith("/v1/knowledge"));
        assertFalse(warning.path("links").isEmpty());
    }

    @Test
    void the_same_order_at_signing_draws_the_same_warning() {
        HookCalls.Chart sciatica = chart(Vignettes.byId("dev-002").request());
        JsonNode cards = cards(ordering("order-sign", sciatica, List.of(lumbarMri()), true));
        assertEquals(1, withIndicator(cards, "warning").size(), cards.toString());
    }

    @Test
    void an_mri_for_cauda_equina_draws_no_warning_but_an_affirmation() {
        HookCalls.Chart caudaEquina = chart(Vignettes.byId("dev-005").request());
        JsonNode cards = cards(ordering("order-select", caudaEquina, List.of(lumbarMri()), true));
        assertEquals(List.of(), withIndicator(cards, "warning"), cards.toString());
        assertEquals(List.of(), withIndicator(cards, "critical"), cards.toString());
        List<JsonNode> info = withIndicator(cards, "info");
        assertEquals(1, info.size(), cards.toString());
        assertTrue(info.get(0).path("summary").asText().toLowerCase().contains("cauda equina"),
                info.get(0).path("summary").asText());
    }

    @Test
    void an_urgent_red_flag_also_keeps_the_warning_away() {
        HookCalls.Chart progressive = chart(Vignettes.byId("dev-026").request()); // progressive L5 weakness, 2 weeks
        JsonNode cards = cards(ordering("order-select", progressive, List.of(lumbarMri()), true));
        assertEquals(List.of(), withIndicator(cards, "warning"), cards.toString());
    }

    @Test
    void imaging_after_months_of_stenosis_symptoms_is_affirmed_not_questioned() {
        HookCalls.Chart stenosis = chart(Vignettes.byId("dev-004").request()); // 52 weeks
        JsonNode cards = cards(ordering("order-select", stenosis, List.of(lumbarMri()), true));
        assertEquals(List.of(), withIndicator(cards, "warning"), cards.toString());
        assertTrue(cards.get(0).path("summary").asText().startsWith("Imaging indicated"), cards.toString());
    }

    @Test
    void a_lumbar_mri_for_heel_pain_is_noted_without_a_warning() {
        HookCalls.Chart heel = chart(Vignettes.byId("dev-017").request()); // plantar fasciitis
        JsonNode cards = cards(ordering("order-select", heel, List.of(lumbarMri()), true));
        assertEquals(1, cards.size(), cards.toString());
        assertEquals("info", cards.get(0).path("indicator").asText());
        assertTrue(cards.get(0).path("summary").asText().contains("Plantar fasciitis"), cards.toString());
    }

    @Test
    void every_code_of_lumbar_mri_or_ct_is_recognised() {
        HookCalls.Chart sciatica = chart(Vignettes.byId("dev-002").request());
        List<ServiceRequest> orders = List.of(
                draftOrder("a", CPT, "72149", "MRI lumbar with contrast"),
                draftOrder("b", CPT, "72158", "MRI lumbar without and with contrast"),
                draftOrder("c", CPT, "72131", "CT lumbar without contrast"),
                draftOrder("d", CPT, "72132", "CT lumbar with contrast"),
                draftOrder("e", CPT, "72133", "CT lumbar without and with contrast"),
                draftOrder("f", LOINC, "30679-5", "MR Lumbar spine WO contrast"),
                draftOrder("g", "https://footpain.example/fhir/CodeSystem/diagnostic", "ct-lumbar-spine", "CT lumbar"));
        for (ServiceRequest order : orders) {
            JsonNode cards = cards(ordering("order-select", sciatica, List.of(order), true));
            assertEquals(1, withIndicator(cards, "warning").size(), order.getCode().getText() + ": " + cards);
        }
    }

    @Test
    void other_orders_and_unselected_imaging_get_no_card() {
        HookCalls.Chart sciatica = chart(Vignettes.byId("dev-002").request());
        assertEquals(0, cards(ordering("order-select", sciatica,
                List.of(draftOrder("x", CPT, "73630", "Radiography of the foot")), true)).size());
        assertEquals(0, cards(ordering("order-select", sciatica, List.of(lumbarMri()), false)).size(),
                "an imaging order in the draft but not among the selections is not this selection's business");
    }

    @Test
    void an_order_hook_without_draft_orders_names_the_field() {
        HookCalls.Chart sciatica = chart(Vignettes.byId("dev-002").request());
        ObjectNode request = ordering("order-select", sciatica, List.of(lumbarMri()), true);
        ((ObjectNode) request.path("context")).remove("draftOrders");
        ((ObjectNode) request.path("context")).remove("selections");
        call(SERVICE, request).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItems("context.draftOrders", "context.selections"));
    }
}
