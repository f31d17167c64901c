package org.footpain.operations;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime image, checked statically: CI has no container engine to build it. */
class DockerfileTest {

    private static final Pattern FROM = Pattern.compile("FROM\\s+([^\\s:]+):(\\S+)(\\s+AS\\s+(\\S+))?",
            Pattern.CASE_INSENSITIVE);
    /** eclipse-temurin's full tags: 25.0.3_9-jre-noble is Temurin 25.0.3+9, the JRE, on Ubuntu noble. */
    private static final Pattern TEMURIN_TAG = Pattern.compile("(\\d+)\\.\\d+\\.\\d+_\\d+-(jre|jdk)(-\\S+)?");
    private static final String JAR = "/deployments/quarkus-run.jar";

    /** The stages, each a list of instructions beginning with its FROM. */
    private static List<List<String>> stages;

    @BeforeAll
    static void read() throws IOException {
        // one instruction per element: continuation lines joined, comments and blank lines dropped
        String text = Files.readString(Path.of("docker/Dockerfile.jvm")).replaceAll("\\\\\\r?\\n", " ");
        List<String> instructions = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        stages = new ArrayList<>();
        for (String instruction : instructions) {
            if (is(instruction, "FROM")) {
                stages.add(new ArrayList<>());
            }
            assertFalse(stages.isEmpty(), "an instruction before the first FROM: " + instruction);
            stages.get(stages.size() - 1).add(instruction);
        }
    }

    private static boolean is(String instruction, String keyword) {
        return instruction.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1);
    }

    private static List<String> finalStage() {
        return stages.get(stages.size() - 1);
    }

    /** The final stage's instructions of one kind. */
    private static List<String> all(String keyword) {
        return finalStage().stream().filter(l -> is(l, keyword)).toList();
    }

    private static Matcher from(List<String> stage) {
        Matcher image = FROM.matcher(stage.get(0));
        assertTrue(image.matches(), "an image with a tag: " + stage.get(0));
        return image;
    }

    private static String javaOpts() {
        Matcher opts = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(String.join(" ", all("ENV")));
        assertTrue(opts.find(), "JAVA_OPTS set in the final stage's ENV");
        return opts.group(1);
    }

    private static String trainingRun() {
        List<String> runs = all("RUN").stream().filter(l -> l.contains("docker/aot-training.sh")).toList();
        assertEquals(1, runs.size(), "one training RUN in the final stage: " + runs);
        return runs.get(0);
    }

    @Test
    void the_runtime_is_a_java_25_jre_named_by_a_full_version_tag() {
        Matcher image = from(finalStage());
        assertEquals("eclipse-temurin", image.group(1));
        String tag = image.group(2);
        assertFalse(tag.equalsIgnoreCase("latest"), "never latest");
        Matcher version = TEMURIN_TAG.matcher(tag);
        assertTrue(version.matches(), "major.minor.patch_build-jre: " + tag);
        assertEquals("25", version.group(1), "Java 25, whose AOT cache the image trains: " + tag);
        assertEquals("jre", version.group(2), "a JRE is enough to run the jar: " + tag);
    }

    @Test
    void every_other_stage_is_the_same_temurin_release_named_by_its_full_tag() {
        String runtime = from(finalStage()).group(2).replace("-jre", "-jdk");
        for (List<String> stage : stages.subList(0, stages.size() - 1)) {
            Matcher image = from(stage);
            assertNotNull(image.group(4), "a named build stage: " + stage.get(0));
            assertEquals("eclipse-temurin:" + runtime, image.group(1) + ":" + image.group(2),
                    "the runtime's release, as a JDK: " + stage.get(0));
        }
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
    void the_jar_is_copied_in_layers_least_often_changed_first() {
        List<String> sources = all("COPY").stream()
                .map(l -> l.split("\\s+")).map(parts -> parts[parts.length - 2]).toList();
        assertEquals(List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/"), sources);
    }

    @Test
    void the_heap_follows_the_container_memory_limit_with_a_young_generation_of_its_own() {
        String opts = javaOpts();
        assertTrue(opts.contains("-XX:MaxRAMPercentage="), "MaxRAMPercentage: " + opts);
        // with the AOT cache no full GC at start-up sizes Serial's young generation; without -Xmn it stays at its
        // initial few MiB, promotes nearly everything and the heap fills to its maximum
        assertTrue(opts.matches(".*-Xmn\\d+[mM]( .*|$)"), "-Xmn: " + opts);
        assertTrue(opts.contains("-XX:+UseSerialGC"), opts);
        assertTrue(opts.contains("-XX:+ExitOnOutOfMemoryError"), opts);
        assertTrue(all("ENV").stream().anyMatch(l -> l.contains("JAVA_OPTS_APPEND=")), "JAVA_OPTS_APPEND in ENV");
        assertTrue(all("ENTRYPOINT").stream().anyMatch(l -> l.contains("$JAVA_OPTS $JAVA_OPTS_APPEND -jar " + JAR)),
                "the entrypoint runs " + JAR + " with JAVA_OPTS and JAVA_OPTS_APPEND");
    }

    @Test
    void the_aot_cache_is_trained_in_the_build_by_the_image_user_on_the_runtime_jar_and_named_in_java_opts() {
        Matcher cache = Pattern.compile("-XX:AOTCache=(\\S+)").matcher(javaOpts());
        assertTrue(cache.find(), "JAVA_OPTS name the AOT cache");
        String path = cache.group(1);
        assertTrue(path.startsWith("/"), "an absolute path, whatever the working directory: " + path);
        String run = trainingRun();
        // the cache records the class path: the training must run the very jar the entrypoint runs, with JAVA_OPTS
        assertTrue(run.contains(" java " + path + " " + JAR + " "), "trains " + path + " on " + JAR + ": " + run);
        assertTrue(run.contains("$JAVA_OPTS"), "with the runtime's flags: " + run);
        List<String> finalStage = finalStage();
        int lastUser = -1;
        for (int i = 0; i < finalStage.size(); i++) {
            if (is(finalStage.get(i), "USER")) {
                lastUser = i;
            }
        }
        assertTrue(lastUser >= 0 && lastUser < finalStage.indexOf(run), "trained as the image's user, after USER");
        int lastCopy = finalStage.indexOf(all("COPY").get(all("COPY").size() - 1));
        assertTrue(lastCopy < finalStage.indexOf(run), "trained after the jar is copied");
    }

    @Test
    void the_identity_provider_of_the_training_run_is_not_left_in_the_image() {
        // the settings exist only for the training command, never in the image's environment
        for (List<String> stage : stages) {
            stage.stream().filter(l -> is(l, "ENV") || is(l, "ARG")).forEach(l ->
                    assertFalse(l.contains("MP_JWT_"), "MP_JWT_* only for the training RUN: " + l));
        }
        assertTrue(trainingRun().contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION="), trainingRun());
        // the private key is made and deleted in one step of the build stage, and nothing is copied from it
        for (String instruction : finalStage()) {
            assertFalse(instruction.contains("private-key"), "no private key in the final stage: " + instruction);
            assertFalse(is(instruction, "COPY") && instruction.contains("--from"),
                    "nothing copied from another stage (the training mounts it): " + instruction);
        }
        for (List<String> stage : stages.subList(0, stages.size() - 1)) {
            stage.stream().filter(l -> l.contains("MintToken.java keys")).forEach(l ->
                    assertTrue(l.contains("rm ") && l.contains("private-key.pem"),
                            "the private key deleted in the step that makes it: " + l));
        }
    }
}
