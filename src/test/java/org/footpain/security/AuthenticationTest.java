package org.footpain.security;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.footpain.tools.MintToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Who may ask for an assessment: a bearer JWT of the configured identity provider with the {@code assessment}
 * group. Everything that holds no patient data answers without one, and the CDS Hooks endpoints are left to their
 * own verifier of the EHR's token.
 */
@QuarkusTest
@WithTestResource(value = TestIdentityProvider.class, scope = TestResourceScope.GLOBAL)
class AuthenticationTest {

    private static final String ASSESSMENTS = "/v1/assessments";
    private static final String FHIR_ASSESSMENTS = "/v1/fhir/assessments";
    private static final Path CONTRACT_EXAMPLE = Path.of("src/test/resources/requests/contract-example.json");

    private static RequestSpecification assessment(String bearer) throws IOException {
        RequestSpecification request = given().contentType("application/json").body(Files.readString(CONTRACT_EXAMPLE));
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private static String fhirPatient() {
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"female\",\"birthDate\":\"1980-01-01\"}}]}";
    }

    private static String token(List<String> groups) {
        return TestIdentityProvider.token(MintToken.ISSUER, MintToken.AUDIENCE, groups, Instant.now(), Duration.ofMinutes(5));
    }

    private static void refusedAsUnauthenticated(String bearer) throws IOException {
        assessment(bearer).post(ASSESSMENTS).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void a_clinician_token_gets_an_assessment() throws IOException {
        assessment(TestIdentityProvider.clinician()).post(ASSESSMENTS).then().statusCode(200)
                .body("differential[0].condition.id", equalTo("s1-radiculopathy"));
    }

    @Test
    void a_clinician_token_gets_a_fhir_assessment() {
        given().contentType("application/fhir+json").header("Authorization", "Bearer " + TestIdentityProvider.clinician())
                .body(fhirPatient()).post(FHIR_ASSESSMENTS).then().statusCode(200)
                .body("resourceType", equalTo("Bundle"));
    }

    @Test
    void no_token_is_401_with_a_bearer_challenge() throws IOException {
        refusedAsUnauthenticated(null);
    }

    @Test
    void a_token_signed_by_another_key_is_401(@TempDir Path otherIdp) throws Exception {
        MintToken.generateKeys(otherIdp);
        Instant now = Instant.now();
        refusedAsUnauthenticated(MintToken.token(otherIdp, MintToken.ISSUER, MintToken.AUDIENCE, List.of("assessment"),
                now, now.plusSeconds(300)));
    }

    @Test
    void an_expired_token_is_401() throws IOException {
        refusedAsUnauthenticated(TestIdentityProvider.token(MintToken.ISSUER, MintToken.AUDIENCE, List.of("assessment"),
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)));
    }

    @Test
    void a_token_for_another_audience_is_401() throws IOException {
        refusedAsUnauthenticated(TestIdentityProvider.token(MintToken.ISSUER, "some-other-service", List.of("assessment"),
                Instant.now(), Duration.ofMinutes(5)));
    }

    @Test
    void a_token_from_another_issuer_is_401() throws IOException {
        refusedAsUnauthenticated(TestIdentityProvider.token("https://elsewhere.example", MintToken.AUDIENCE,
                List.of("assessment"), Instant.now(), Duration.ofMinutes(5)));
    }

    @Test
    void a_token_that_is_not_a_jwt_is_401() throws IOException {
        refusedAsUnauthenticated("not-a-jwt");
    }

    @Test
    void a_token_without_the_assessment_group_is_403() throws IOException {
        assessment(token(List.of("reader"))).post(ASSESSMENTS).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void fhir_refusals_are_operation_outcomes() {
        given().contentType("application/fhir+json").body(fhirPatient()).post(FHIR_ASSESSMENTS)
                .then().statusCode(401).contentType(startsWith("application/fhir+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("resourceType", equalTo("OperationOutcome"));
        given().contentType("application/fhir+json").header("Authorization", "Bearer " + token(List.of()))
                .body(fhirPatient()).post(FHIR_ASSESSMENTS)
                .then().statusCode(403).body("resourceType", equalTo("OperationOutcome"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/knowledge", "/v1/fhir/mapping", "/q/health/live", "/q/health/ready", "/q/openapi",
            "/q/swagger-ui/", "/cds-services"})
    void what_holds_no_patient_data_answers_without_a_token(String path) {
        given().get(path).then().statusCode(200);
    }

    @Test
    void an_open_path_ignores_a_token_it_cannot_verify() {
        given().header("Authorization", "Bearer not-a-jwt").get("/v1/knowledge").then().statusCode(200);
    }

    /** The service's own authentication does not stand between an EHR and the CDS Hooks verifier. */
    @Test
    void cds_hooks_calls_reach_their_own_verifier() {
        given().contentType("application/json").header("Authorization", "Bearer " + TestIdentityProvider.clinician())
                .body("{\"hook\":\"patient-view\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\","
                        + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"p\"}}")
                .post("/cds-services/foot-leg-pain-assessment").then().statusCode(401)
                .body("detail", containsString("ES384 or RS384")); // the CDS verifier's words, not SmallRye's
    }
}
