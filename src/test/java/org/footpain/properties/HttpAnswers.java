package org.footpain.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.response.Response;
import org.footpain.properties.Requests.ListSpec;
import org.footpain.properties.Requests.ObjectSpec;
import org.footpain.properties.Requests.Prop;
import org.footpain.properties.Requests.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/** Posting generated requests to the running service and reading its answers as JSON. */
final class HttpAnswers {

    static final String ASSESSMENTS = "/v1/assessments?limit=50";

    /** The seed of the HTTP samples: fixed, so a failure is reproducible; -Dproperties.seed=N tries others. */
    static final long SEED = Long.getLong("properties.seed", 20_261_122L);

    private HttpAnswers() {
    }

    static Response post(JsonNode body) {
        return given().config(RestAssured.config().logConfig(LogConfig.logConfig().enablePrettyPrinting(false)))
                .contentType("application/json").body(Requests.bytes(body)).post(ASSESSMENTS);
    }

    static JsonNode json(Response response) {
        try {
            return Requests.JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A supplied finding as the answer's evidence names it: its path, and its value (the item for lists). */
    record Named(String finding, JsonNode value) {
    }

    /** Every finding a request supplies, named as evidence names them. */
    static List<Named> supplied(JsonNode request) {
        List<Named> out = new ArrayList<>();
        supplied(request, Requests.REQUEST, "", out);
        return out;
    }

    private static void supplied(JsonNode node, ObjectSpec spec, String prefix, List<Named> out) {
        for (Prop prop : spec.props()) {
            JsonNode child = node.get(prop.name());
            if (child == null || child.isNull()) {
                continue;
            }
            String path = prefix.isEmpty() ? prop.name() : prefix + "." + prop.name();
            Spec inner = prop.spec();
            if (inner instanceof ObjectSpec object) {
                supplied(child, object, path, out);
            } else if (inner instanceof ListSpec) {
                child.forEach(item -> out.add(new Named(path, normal(item))));
            } else {
                out.add(new Named(path, normal(child)));
            }
        }
    }

    /** The paths a cluster's components may name: every supplied leaf, and every list with an item. */
    static Set<String> suppliedPaths(JsonNode request) {
        Set<String> paths = new HashSet<>();
        supplied(request).forEach(n -> paths.add(n.finding()));
        return paths;
    }

    /** Numbers compared by value (3 and 3.0 are the same number). */
    static JsonNode normal(JsonNode node) {
        if (node.isNumber()) {
            return DoubleNode.valueOf(node.asDouble());
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), normal(e.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(n -> copy.add(normal(n)));
            return copy;
        }
        return node;
    }

    /** An evidence item with left and right swapped: the side step of its path, and a side given as its value. */
    static String mirroredEvidence(JsonNode evidence) {
        String finding = swapSuffix(evidence.path("finding").asText());
        JsonNode value = evidence.get("value");
        if (value != null && value.isObject() && value.has("side")) {
            ObjectNode copy = (ObjectNode) normal(value);
            copy.set("side", swapSide(copy.get("side")));
            value = copy;
        } else if (finding.equals("history.symptomSide") && value != null) {
            value = swapSide(value);
        }
        List<String> components = new ArrayList<>();
        evidence.path("components").forEach(c -> components.add(swapSuffix(c.asText())));
        components.sort(null);
        return finding + " " + (value == null ? null : normal(value)) + " " + components + " lr="
                + evidence.path("likelihoodRatio").asDouble() + " w=" + evidence.path("weight").asDouble() + " "
                + evidence.path("sourceId").asText();
    }

    static String evidenceKey(JsonNode evidence) {
        JsonNode value = evidence.get("value");
        List<String> components = new ArrayList<>();
        evidence.path("components").forEach(c -> components.add(c.asText()));
        components.sort(null);
        return evidence.path("finding").asText() + " " + (value == null ? null : normal(value)) + " " + components
                + " lr=" + evidence.path("likelihoodRatio").asDouble() + " w=" + evidence.path("weight").asDouble()
                + " " + evidence.path("sourceId").asText();
    }

    static String swapSuffix(String path) {
        if (path.endsWith(".left")) {
            return path.substring(0, path.length() - 5) + ".right";
        }
        if (path.endsWith(".right")) {
            return path.substring(0, path.length() - 6) + ".left";
        }
        return path;
    }

    static JsonNode swapSide(JsonNode side) {
        if (side == null || !side.isTextual()) {
            return side;
        }
        return switch (side.asText()) {
            case "left" -> TextNode.valueOf("right");
            case "right" -> TextNode.valueOf("left");
            default -> side;
        };
    }
}
