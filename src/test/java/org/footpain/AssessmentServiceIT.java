package org.footpain;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.footpain.security.TestIdentityProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

/** Smoke test of the packaged fast-jar, started as an operator would start it, trusting the test identity provider. */
@QuarkusIntegrationTest
class AssessmentServiceIT {

    @Test
    void packaged_service_is_ready_and_assesses_the_contract_example() throws IOException {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().contentType("application/json")
                .header("Authorization", "Bearer " + TestIdentityProvider.clinician())
                .body(Files.readString(Path.of("src/test/resources/requests/contract-example.json")))
                .post("/v1/assessments")
                .then().statusCode(200)
                .body("differential[0].condition.id", equalTo("s1-radiculopathy"))
                .body("differential[0].laterality", equalTo("left"))
                .body("triage.level", equalTo("routine"))
                .body("knowledgeBase.version", notNullValue());
    }

    @Test
    void packaged_service_requires_a_token_for_assessments() throws IOException {
        given().contentType("application/json")
                .body(Files.readString(Path.of("src/test/resources/requests/contract-example.json")))
                .post("/v1/assessments")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void packaged_service_serves_knowledge_openapi_and_swagger_ui() {
        given().get("/v1/knowledge").then().statusCode(200).body("conditions.size()", greaterThan(17));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void packaged_service_answers_bad_input_with_problem_json() {
        given().contentType("application/json").header("Authorization", "Bearer " + TestIdentityProvider.clinician())
                .body("{\"patient\":{\"ageYears\":\"old\"}}")
                .post("/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("patient.ageYears"));
    }
}
