package org.footpain.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.footpain.api.FindingsMapper;
import org.footpain.api.dto.AssessmentRequest;
import org.footpain.engine.Presentation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The request bodies shipped for benchmarking (src/test/load/bodies): sparse, typical and rich patients. */
public final class Bodies {

    private Bodies() {
    }

    /** The body's bytes, read from {@code -Dbench.bodies} (default src/test/load/bodies, from the project root). */
    public static byte[] bytes(String name) {
        Path file = Path.of(System.getProperty("bench.bodies", "src/test/load/bodies")).resolve(name + ".json");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("run the benchmarks from the project root, or set -Dbench.bodies", e);
        }
    }

    /** The engine's input for the body, mapped as the JSON API maps it. */
    public static Presentation presentation(String name) {
        try {
            AssessmentRequest request = new ObjectMapper().readValue(bytes(name), AssessmentRequest.class);
            return FindingsMapper.toPresentation(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
