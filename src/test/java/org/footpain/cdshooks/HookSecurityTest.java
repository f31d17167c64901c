package org.footpain.cdshooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import org.footpain.fhir.Vignettes;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.footpain.cdshooks.HookCalls.chart;
import static org.footpain.cdshooks.HookCalls.keys;
import static org.footpain.cdshooks.HookCalls.patientView;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hook endpoints trust only what a trusted EHR signed for them, and otherwise behave like the rest of the
 * service towards a careless or hostile client: every refusal is a problem+json naming why.
 */
@QuarkusTest
@WithTestResource(value = CdsHooksEnvironment.class, scope = TestResourceScope.GLOBAL)
class HookSecurityTest {

    private static final String SERVICE = CdsServices.ASSESSMENT;

    @TestHTTPResource("/")
    URL root;
    private int port;

    @org.junit.jupiter.api.BeforeEach
    void port() {
        port = root.getPort();
    }

    private static ObjectNode body() {
        return patientView(chart(Vignettes.byId("dev-001").request()));
    }

    private static ValidatableResponse post(String authorization, ObjectNode body) {
        var request = given().contentType("application/json").body(body.toString());
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.post("/cds-services/" + SERVICE).then();
    }

    private static EhrTokens token() {
        return EhrTokens.forService(keys(), SERVICE);
    }

    private static void unauthorized(String authorization, String why) {
        post(authorization, body()).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer")).body("detail", containsString(why));
    }

    @Test
    void a_signed_call_is_answered() {
        post("Bearer " + token().sign(), body()).statusCode(200);
    }

    @Test
    void a_call_without_a_token_is_refused() {
        unauthorized(null, "Bearer token");
    }

    @Test
    void an_unsigned_token_is_refused() {
        unauthorized("Bearer " + token().unsigned(), "ES384 or RS384");
    }

    @Test
    void an_expired_token_is_refused() {
        unauthorized("Bearer " + token().issuedAt(Instant.now().minusSeconds(900)).expiresAt(Instant.now().minusSeconds(300))
                .sign(), "expired");
    }

    @Test
    void a_replayed_token_is_refused() {
        String token = "Bearer " + token().sign();
        post(token, body()).statusCode(200);
        unauthorized(token, "used before");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        unauthorized("Bearer " + token().audience(CdsHooksEnvironment.BASE_URL + "/" + CdsServices.IMAGING).sign(),
                "audience");
        unauthorized("Bearer " + token().audience("http://localhost:8080/cds-services/" + SERVICE).sign(), "audience");
    }

    @Test
    void a_token_from_a_foreign_issuer_is_refused() {
        unauthorized("Bearer " + token().issuer("https://stranger.example.com")
                .signedWith(EhrKeys.STRANGER, SignatureAlgorithm.ES384).sign(), "issuer is not trusted");
    }

    @Test
    void a_token_signed_with_a_key_outside_the_issuers_set_is_refused() {
        unauthorized("Bearer " + token().signedWith(EhrKeys.STRANGER, SignatureAlgorithm.ES384).sign(), "key");
    }

    @Test
    void a_token_with_a_shared_secret_signature_is_refused() {
        unauthorized("Bearer " + token().signWithSecret("a-shared-secret-that-is-long-enough-for-hs256-0123456789"),
                "ES384 or RS384");
    }

    @Test
    void a_jku_elsewhere_is_refused() {
        unauthorized("Bearer " + token().jku("https://attacker.example.com/jwks.json").sign(), "jku");
    }

    @Test
    void feedback_needs_a_token_addressed_to_the_feedback_url() {
        String feedback = "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}";
        given().contentType("application/json").body(feedback).post("/cds-services/" + SERVICE + "/feedback")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + token().sign()).contentType("application/json").body(feedback)
                .post("/cds-services/" + SERVICE + "/feedback").then().statusCode(401)
                .body("detail", containsString("audience"));
        given().header("Authorization", "Bearer " + HookCalls.token(SERVICE + "/feedback")).contentType("application/json")
                .body(feedback).post("/cds-services/" + SERVICE + "/feedback").then().statusCode(200)
                .body("received", equalTo(1));
    }

    @Test
    void an_unknown_service_is_404() {
        given().header("Authorization", "Bearer " + HookCalls.token("no-such-service")).contentType("application/json")
                .body(body().toString()).post("/cds-services/no-such-service").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void a_call_for_another_hook_names_the_field() {
        ObjectNode body = body().put("hook", "order-select");
        post("Bearer " + token().sign(), body).statusCode(400).body("violations.field", hasItem("hook"));
    }

    @Test
    void malformed_json_is_a_400_not_a_500() {
        given().header("Authorization", "Bearer " + token().sign()).contentType("application/json").body("{\"hook\":")
                .post("/cds-services/" + SERVICE).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknown_and_extension_fields_are_accepted() {
        ObjectNode body = body();
        body.putObject("extension").put("com.example.timestamp", "2017-11-27T22:13:25Z");
        body.put("somethingNew", true);
        ((ObjectNode) body.path("context")).put("com.example.contextExtra", "x");
        post("Bearer " + token().sign(), body).statusCode(200);
    }

    @Test
    void a_body_over_five_mebibytes_is_413_and_one_under_is_read() throws Exception {
        ObjectNode body = body();
        char[] padding = new char[5 * 1024 * 1024];
        Arrays.fill(padding, 'x');
        body.putObject("extension").put("com.example.padding", new String(padding));
        // refused on the declared length alone: a raw socket declares the size and waits on 100-continue without
        // sending the body (the JDK 17 HttpClient's expect-continue handling hangs on a final answer with a body)
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /cds-services/" + SERVICE + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Authorization: Bearer " + token().sign() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.toString().length() + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
        }
        ObjectNode large = body();
        large.putObject("extension").put("com.example.padding", new String(padding, 0, 4 * 1024 * 1024));
        post("Bearer " + token().sign(), large).statusCode(200);
    }

    @Test
    void a_browser_sandbox_on_a_configured_origin_may_call_and_others_may_not() {
        given().header("Origin", CdsHooksEnvironment.SANDBOX_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/cds-services/" + SERVICE).then()
                .header("Access-Control-Allow-Origin", CdsHooksEnvironment.SANDBOX_ORIGIN)
                .header("Access-Control-Allow-Headers", containsString("authorization"));
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST")
                .options("/cds-services/" + SERVICE).then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", CdsHooksEnvironment.SANDBOX_ORIGIN).get("/cds-services").then().statusCode(200)
                .header("Access-Control-Allow-Origin", CdsHooksEnvironment.SANDBOX_ORIGIN);
    }
}
