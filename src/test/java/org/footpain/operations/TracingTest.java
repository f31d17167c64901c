package org.footpain.operations;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Singleton;
import org.footpain.http.Roles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With tracing switched on, an assessment's trace shows its stages, and no span carries request content. */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT)
class TracingTest {

    /** The SDK on, spans kept in memory instead of sent over OTLP. */
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:9",
                    "quarkus.otel.bsp.schedule.delay", "PT0.01S",
                    "footpain.test.recording-exporter", "true");
        }
    }

    /** Picked up by Quarkus as an exporter, only under the profile above. */
    @Singleton
    @IfBuildProperty(name = "footpain.test.recording-exporter", stringValue = "true")
    public static class RecordingExporter implements SpanExporter {
        static final List<SpanData> SPANS = new ArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            synchronized (SPANS) {
                SPANS.addAll(spans);
            }
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        /** The latest trace holding the stage, once its root (the server span, which ends last) is exported too. */
        static List<SpanData> ofTrace(String stage) throws InterruptedException {
            for (int i = 0; i < 400; i++) {
                synchronized (SPANS) {
                    List<SpanData> stages = SPANS.stream().filter(s -> s.getName().equals(stage)).toList();
                    if (!stages.isEmpty()) {
                        String trace = stages.get(stages.size() - 1).getTraceId();
                        List<SpanData> spans = SPANS.stream().filter(s -> s.getTraceId().equals(trace)).toList();
                        if (spans.stream().anyMatch(s -> !s.getParentSpanContext().isValid())) {
                            return spans;
                        }
                    }
                }
                Thread.sleep(25);
            }
            throw new AssertionError("no complete trace with a span " + stage + " was exported");
        }
    }

    private static Set<String> names(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).collect(Collectors.toSet());
    }

    @Test
    void an_assessment_is_traced_through_parsing_scoring_and_the_answer() throws Exception {
        given().contentType("application/json")
                .body(Files.readString(Path.of("src/test/resources/requests/contract-example.json")))
                .post("/v1/assessments").then().statusCode(200);
        List<SpanData> trace = RecordingExporter.ofTrace("assessment.respond");
        assertTrue(names(trace).containsAll(Set.of("assessment.parse", "assessment.score", "assessment.respond")),
                names(trace).toString());
        SpanData root = trace.stream().filter(s -> !s.getParentSpanContext().isValid()).findFirst().orElseThrow();
        assertEquals(io.opentelemetry.api.trace.SpanKind.SERVER, root.getKind(), "a server span roots it");
        assertNoRequestContent(trace);
    }

    @Test
    void a_fhir_assessment_is_traced_through_the_fhir_mapping() throws Exception {
        given().contentType("application/fhir+json").body("{\"resourceType\":\"Bundle\",\"type\":\"collection\","
                        + "\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"male\","
                        + "\"birthDate\":\"1980-01-01\"}}]}")
                .post("/v1/fhir/assessments").then().statusCode(200);
        List<SpanData> trace = RecordingExporter.ofTrace("fhir.write");
        assertTrue(names(trace).containsAll(Set.of("fhir.read", "assessment.score", "fhir.write")), names(trace).toString());
        assertNoRequestContent(trace);
    }

    private static void assertNoRequestContent(List<SpanData> trace) throws IOException {
        String attributes = trace.stream().map(s -> s.getAttributes().toString()).collect(Collectors.joining("\n"));
        for (String content : List.of("lateral-foot", "ageYears", "diabetes", "1980-01-01", "birthDate")) {
            assertFalse(attributes.contains(content), content + " in span attributes: " + attributes);
        }
        assertEquals(0, trace.stream().filter(s -> !s.getEvents().isEmpty()
                && s.getEvents().stream().anyMatch(e -> e.getName().equals("exception"))).count(), "no exception events");
    }
}
