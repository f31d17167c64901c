package org.footpain.operations;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime image, checked statically: CI has no container engine to build it. */
class DockerfileTest {

    private static List<String> instructions;

    @BeforeAll
    static void read() throws IOException {
        // one instruction per element: continuation lines joined, comments and blank lines dropped
        String text = Files.readString(Path.of("docker/Dockerfile.jvm")).replaceAll("\\\\\\r?\\n", " ");
        instructions = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static List<String> all(String keyword) {
        return instructions.stream()
                .filter(l -> l.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1)).toList();
    }

    @Test
    void the_base_image_is_a_jre_named_by_a_full_version_tag() {
        List<String> from = all("FROM");
        assertEquals(1, from.size(), "one stage: " + from);
        Matcher image = Pattern.compile("FROM\\s+([^\\s:]+):(\\S+)", Pattern.CASE_INSENSITIVE).matcher(from.get(0));
        assertTrue(image.matches(), "an image with a tag: " + from.get(0));
        String tag = image.group(2);
        assertFalse(tag.equalsIgnoreCase("latest"), "never latest");
        assertTrue(tag.matches("\\d+\\.\\d+\\.\\d+.*"), "major.minor.patch: " + tag);
        assertTrue(tag.contains("jre"), "a JRE is enough to run the jar: " + tag);
    }

    @Test
    void it_runs_as_a_user_that_is_not_root() {
        List<String> user = all("USER");
        assertFalse(user.isEmpty(), "a USER instruction");
        String last = user.get(user.size() - 1).substring(5).strip();
        assertFalse(last.equals("root") || last.equals("0") || last.startsWith("0:") || last.startsWith("root:"),
                "the last USER is not root: " + last);
    }

    @Test
    void it_checks_its_own_readiness() {
        List<String> health = all("HEALTHCHECK");
        assertEquals(1, health.size());
        assertTrue(health.get(0).contains("/q/health/ready"), health.get(0));
    }

    @Test
    void it_exposes_8080() {
        assertTrue(all("EXPOSE").stream().anyMatch(l -> l.matches("(?i)EXPOSE\\s+8080(/tcp)?")), "EXPOSE 8080");
    }

    @Test
    void the_fast_jar_is_copied_in_layers_least_often_changed_first() {
        List<String> sources = all("COPY").stream()
                .map(l -> l.split("\\s+")).map(parts -> parts[parts.length - 2]).toList();
        assertEquals(List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/"), sources);
    }

    @Test
    void the_heap_follows_the_container_memory_limit() {
        assertTrue(all("ENV").stream().anyMatch(l -> l.contains("-XX:MaxRAMPercentage=")), "MaxRAMPercentage in ENV");
        assertTrue(all("ENTRYPOINT").stream().anyMatch(l -> l.contains("$JAVA_OPTS")), "the entrypoint uses JAVA_OPTS");
    }
}
