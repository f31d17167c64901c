package org.footpain.http;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A request that takes longer than the timeout is answered 503, in the error format of the path it asked for. */
@QuarkusTest
@TestProfile(RequestTimeoutTest.ShortTimeout.class)
class RequestTimeoutTest {

    /** A timeout of a quarter second, and routes that take a second to answer. */
    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footpain.http.request-timeout", "PT0.25S", "footpain.test.slow-routes", "true");
        }
    }

    /** Exists only under the profile above: work that outlasts the timeout. */
    @ApplicationScoped
    @IfBuildProperty(name = "footpain.test.slow-routes", stringValue = "true")
    static class SlowRoutes {
        void register(@Observes Router router, Vertx vertx) {
            router.get("/v1/slow").handler(context -> vertx.setTimer(1000, id -> {
                if (!context.response().ended()) {
                    context.response().end("late");
                }
            }));
            router.get("/v1/fhir/slow").handler(context -> vertx.setTimer(1000, id -> {
                if (!context.response().ended()) {
                    context.response().end("late");
                }
            }));
        }
    }

    @Test
    void a_slow_answer_is_a_503_problem_with_retry_after() {
        given().get("/v1/slow").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("status", equalTo(503))
                .body("detail", containsString("did not answer within 0.25 s"));
    }

    @Test
    void a_slow_fhir_answer_is_a_503_operation_outcome() {
        given().get("/v1/fhir/slow").then().statusCode(503)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void a_quick_answer_is_untouched() {
        given().get("/v1/knowledge").then().statusCode(200);
    }
}
