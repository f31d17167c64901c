package org.footpain.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Test helper: the vignettes under {@code -Dvignettes.dir} (default {@code ../shared/vignettes}, searched
 * recursively, as VignetteTest does) and the JSON API's answer to a request.
 */
public final class Vignettes {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One vignette: its id and its request of the JSON contract. */
    public record Vignette(String id, ObjectNode request) {
    }

    private Vignettes() {
    }

    /** Every vignette found; fails when there is none. */
    public static List<Vignette> all() {
        Path dir = Path.of(System.getProperty("vignettes.dir", "../shared/vignettes"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vignettes under " + dir.toAbsolutePath(), e);
        }
        assertFalse(files.isEmpty(), "no vignette found under " + dir.toAbsolutePath());
        List<Vignette> vignettes = new ArrayList<>();
        for (Path file : files) {
            try {
                JsonNode vignette = JSON.readTree(file.toFile());
                vignettes.add(new Vignette(vignette.path("id").asText(file.getFileName().toString()),
                        (ObjectNode) vignette.path("request")));
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
        }
        return vignettes;
    }

    /** The vignette with this id. */
    public static Vignette byId(String id) {
        return all().stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no vignette " + id));
    }

    /** The JSON API's answer to a request. */
    public static JsonNode jsonAnswer(JsonNode request, int limit) {
        try {
            return JSON.readTree(given().contentType("application/json").body(JSON.writeValueAsString(request))
                    .post("/v1/assessments?limit=" + limit).then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
