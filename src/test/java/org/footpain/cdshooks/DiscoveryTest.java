package org.footpain.cdshooks;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = CdsHooksEnvironment.class, scope = TestResourceScope.GLOBAL)
class DiscoveryTest {

    @Test
    void discovery_is_open_and_lists_both_services_with_their_prefetch_templates() {
        given().when().get("/cds-services").then().statusCode(200)
                .body("services", hasSize(3))
                .body("services.id", containsInAnyOrder("foot-leg-pain-assessment", "lumbar-imaging-appropriateness",
                        "lumbar-imaging-appropriateness"))
                .body("services.find { it.id == 'foot-leg-pain-assessment' }.hook", equalTo("patient-view"))
                .body("services.find { it.id == 'foot-leg-pain-assessment' }.prefetch.patient",
                        equalTo("Patient/{{context.patientId}}"))
                .body("services.find { it.id == 'foot-leg-pain-assessment' }.prefetch.observations",
                        equalTo("Observation?patient={{context.patientId}}&category=exam"))
                .body("services.find { it.id == 'foot-leg-pain-assessment' }.prefetch.conditions",
                        equalTo("Condition?patient={{context.patientId}}"))
                .body("services.findAll { it.id == 'lumbar-imaging-appropriateness' }.hook",
                        containsInAnyOrder("order-select", "order-sign"));
    }
}
