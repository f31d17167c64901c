package org.footpain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.footpain.http.Roles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every vignette found under {@code -Dvignettes.dir} (default {@code ../shared/vignettes}, searched
 * recursively) through the HTTP API and holds the engine to a careful clinician's answers: at least 90%
 * with the right first condition, every expected condition in the top three, the exact triage on all,
 * and every diagnostics expectation. Nothing in the engine is keyed to a vignette; this measures it.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT) // authentication itself: AuthenticationTest
class VignetteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEVELS = List.of("routine", "urgent", "emergency");

    @Test
    void vignettes_meet_a_careful_clinicians_expectations() throws IOException {
        Path dir = Path.of(System.getProperty("vignettes.dir", "../shared/vignettes"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no vignette found under " + dir.toAbsolutePath());

        int top1 = 0;
        int lateralityExpected = 0;
        int lateralityRight = 0;
        List<String> failures = new ArrayList<>();
        Map<String, String> lines = new LinkedHashMap<>();
        for (Path file : files) {
            JsonNode vignette = JSON.readTree(file.toFile());
            String id = vignette.path("id").asText(file.getFileName().toString());
            JsonNode expect = vignette.path("expect");
            JsonNode answer = JSON.readTree(given().contentType("application/json")
                    .body(JSON.writeValueAsString(vignette.path("request")))
                    .post("/v1/assessments?limit=50").then().statusCode(200).extract().asString());
            List<String> ranked = new ArrayList<>();
            answer.path("differential").forEach(c -> ranked.add(c.path("condition").path("id").asText()));
            JsonNode first = answer.path("differential").path(0);

            List<String> problems = new ArrayList<>();
            List<String> acceptable = new ArrayList<>();
            expect.path("top1").forEach(t -> acceptable.add(t.asText()));
            if (acceptable.contains(ranked.get(0))) {
                top1++;
            } else {
                problems.add("top1 " + ranked.get(0) + " not in " + acceptable);
            }
            expect.path("inTop3").forEach(t -> {
                if (!ranked.subList(0, 3).contains(t.asText())) {
                    problems.add("inTop3 missing " + t.asText());
                }
            });
            String triage = answer.path("triage").path("level").asText();
            String expectedTriage = expect.path("triage").asText();
            if (!triage.equals(expectedTriage)) {
                problems.add("triage " + triage + " expected " + expectedTriage
                        + (LEVELS.indexOf(triage) < LEVELS.indexOf(expectedTriage) ? " (UNDER-TRIAGED)" : ""));
            }
            if (expect.has("laterality")) {
                lateralityExpected++;
                if (first.path("laterality").asText().equals(expect.path("laterality").asText())) {
                    lateralityRight++;
                }
            }
            Map<String, String> timing = new LinkedHashMap<>();
            answer.path("suggestedDiagnostics").forEach(d -> timing.put(d.path("id").asText(), d.path("timing").asText()));
            JsonNode diagnostics = expect.path("diagnostics");
            diagnostics.path("include").forEach(d -> {
                if (!timing.containsKey(d.asText())) {
                    problems.add("diagnostic missing " + d.asText());
                }
            });
            diagnostics.path("includeTiming").fields().forEachRemaining(d -> {
                if (!d.getValue().asText().equals(timing.get(d.getKey()))) {
                    problems.add("diagnostic " + d.getKey() + " timing " + timing.get(d.getKey()) + " expected "
                            + d.getValue().asText());
                }
            });
            diagnostics.path("notNow").forEach(d -> {
                String t = timing.get(d.asText());
                if (t != null && !t.equals("if-no-improvement")) {
                    problems.add("diagnostic " + d.asText() + " suggested " + t + " though not now");
                }
            });
            lines.put(id, String.format("%-10s %-9s %-30s %s", id, triage, ranked.get(0) + " " + first.path("laterality").asText(),
                    problems.isEmpty() ? "ok" : String.join("; ", problems)));
            if (!problems.isEmpty()) {
                failures.add(id + ": " + problems);
            }
        }

        int n = files.size();
        long inTop3Misses = failures.stream().filter(f -> f.contains("inTop3 missing")).count();
        long triageMisses = failures.stream().filter(f -> f.contains("triage ")).count();
        long underTriaged = failures.stream().filter(f -> f.contains("UNDER-TRIAGED")).count();
        long diagnosticMisses = failures.stream().filter(f -> f.contains("diagnostic ")).count();
        System.out.println("\n=== Vignettes (" + dir + ") ===");
        lines.values().forEach(System.out::println);
        System.out.printf("top1 %d/%d (%.0f%%); inTop3 misses %d; triage exact %d/%d; under-triaged %d;"
                        + " diagnostics misses %d; laterality %d/%d%n",
                top1, n, 100.0 * top1 / n, inTop3Misses, n - triageMisses, n, underTriaged, diagnosticMisses,
                lateralityRight, lateralityExpected);

        assertTrue(top1 >= 0.9 * n, "top1 " + top1 + "/" + n + " is under 90%: " + failures);
        assertTrue(inTop3Misses == 0, "expected conditions missing from the top three: " + failures);
        assertTrue(triageMisses == 0, "triage not exact: " + failures);
        assertTrue(diagnosticMisses == 0, "diagnostics expectations not met: " + failures);
    }
}
