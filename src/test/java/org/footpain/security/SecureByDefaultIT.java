package org.footpain.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service, started with none of the identity provider's settings, refuses to start and says what to
 * set. Started here as a plain process: the Quarkus integration-test launcher would hand it the test identity
 * provider.
 */
class SecureByDefaultIT {

    @Test
    void the_packaged_service_does_not_start_without_a_key_location() throws IOException, InterruptedException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the service first (./mvnw verify does)");
        Path output = Files.createTempFile("secure-by-default", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MP_JWT") || name.startsWith("QUARKUS_"));
        Process service = builder.start();
        try {
            assertTrue(service.waitFor(60, TimeUnit.SECONDS), "the service started and kept running");
            assertNotEquals(0, service.exitValue());
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(log.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION") && log.contains("MP_JWT_VERIFY_ISSUER")
                    && log.contains("MP_JWT_VERIFY_AUDIENCES"), "the refusal names what to set: " + log);
        } finally {
            service.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
