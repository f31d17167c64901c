package org.footpain.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.footpain.http.Roles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** What the headers of an answer give away, and what they let a browser or proxy keep. */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT)
class ResponseHeadersTest {

    private static String contractExample() throws IOException {
        return Files.readString(Path.of("src/test/resources/requests/contract-example.json"));
    }

    @Test
    void an_assessment_is_never_stored_by_a_browser_or_proxy() throws IOException {
        given().contentType("application/json").body(contractExample()).post("/v1/assessments")
                .then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        given().contentType("application/json").body("{\"patient\":{\"ageYears\":\"old\"}}").post("/v1/assessments")
                .then().statusCode(400).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void a_fhir_assessment_is_never_stored_by_a_browser_or_proxy() {
        given().contentType("application/fhir+json").body("{\"resourceType\":\"Bundle\",\"type\":\"collection\","
                        + "\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"male\","
                        + "\"birthDate\":\"1980-01-01\"}}]}")
                .post("/v1/fhir/assessments").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void no_answer_names_the_server_software() throws IOException {
        for (Response response : new Response[] {
                given().contentType("application/json").body(contractExample()).post("/v1/assessments"),
                given().get("/v1/knowledge"), given().get("/q/health/ready"), given().get("/nowhere"),
                given().contentType("application/json").body("{").post("/v1/assessments")}) {
            response.then().header("Server", nullValue()).header("X-Powered-By", nullValue());
        }
    }
}
