package org.footpain.operations;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.footpain.http.Roles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics after a few assessments: what an operator graphs and alerts on, and nothing about a patient. */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT)
class MetricsTest {

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String assessmentSeries(String metrics, String channel) {
        Matcher m = Pattern.compile("^footpain_assessments_total\\{[^}]*channel=\"" + channel
                + "\"[^}]*top_condition=\"s1-radiculopathy\"[^}]*triage=\"routine\"[^}]*}", Pattern.MULTILINE)
                .matcher(metrics);
        assertTrue(m.find(), "a " + channel + " series for the example's leading condition and triage:\n" + metrics);
        return m.group();
    }

    @Test
    void assessments_are_counted_by_triage_and_leading_condition() throws IOException {
        String body = Files.readString(Path.of("src/test/resources/requests/contract-example.json"));
        given().contentType("application/json").body(body).post("/v1/assessments").then().statusCode(200);
        String series = assessmentSeries(metrics(), "json");
        double before = value(metrics(), series);
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").body(body).post("/v1/assessments").then().statusCode(200);
        }
        assertTrue(value(metrics(), series) >= before + 3, series);
    }

    @Test
    void request_latency_is_a_histogram_per_endpoint() throws IOException {
        given().contentType("application/json")
                .body(Files.readString(Path.of("src/test/resources/requests/contract-example.json")))
                .post("/v1/assessments").then().statusCode(200);
        String metrics = metrics();
        assertTrue(Pattern.compile("^http_server_requests_seconds_bucket\\{[^}]*method=\"POST\"[^}]*uri=\"/v1/assessments\"",
                Pattern.MULTILINE).matcher(metrics).find(), "latency buckets of POST /v1/assessments");
        assertTrue(Pattern.compile("^http_server_requests_seconds_count\\{[^}]*uri=\"/v1/assessments\"",
                Pattern.MULTILINE).matcher(metrics).find(), "request counts of POST /v1/assessments");
    }

    @Test
    void the_knowledge_base_version_is_published() {
        String version = given().get("/v1/knowledge").then().statusCode(200).extract().path("version");
        assertTrue(Pattern.compile("^footpain_knowledge_base\\{[^}]*version=\"" + Pattern.quote(version) + "\"[^}]*} 1\\.0$",
                Pattern.MULTILINE).matcher(metrics()).find(), "footpain_knowledge_base{version=" + version + "} 1");
    }

    @Test
    void no_metric_carries_request_content() throws IOException {
        given().contentType("application/json")
                .body(Files.readString(Path.of("src/test/resources/requests/contract-example.json")))
                .post("/v1/assessments").then().statusCode(200);
        String metrics = metrics();
        for (String content : new String[] {"ageYears", "lateral-foot", "diabetes", "straightLegRaise", "cough-sneeze-strain"}) {
            assertTrue(!metrics.contains(content), content + " appears in /q/metrics");
        }
    }
}
