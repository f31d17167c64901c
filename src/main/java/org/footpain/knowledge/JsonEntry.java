package org.footpain.knowledge;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A node of a knowledge file with its location, for reading entries by hand: every problem is recorded
 * with file and JSON path instead of stopping at the first, so one start lists them all.
 */
final class JsonEntry {

    private final String file;
    private final String path;
    private final JsonNode node;
    private final List<String> problems;

    JsonEntry(String file, String path, JsonNode node, List<String> problems) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
    }

    JsonNode node() {
        return node;
    }

    String location() {
        return file + " " + path;
    }

    void problem(String message) {
        problems.add(location() + ": " + message);
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    /** Records a problem for every key that is not one of {@code allowed}, so a misspelt key never goes unseen. */
    JsonEntry only(String... allowed) {
        Set<String> known = new HashSet<>(Arrays.asList(allowed));
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                child(name).problem("unknown key");
            }
        }
        return this;
    }

    JsonEntry child(String field) {
        return new JsonEntry(file, path + "." + field, node.path(field), problems);
    }

    Optional<JsonEntry> object(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonEntry child = child(field);
        if (!child.node.isObject()) {
            child.problem("must be an object");
            return Optional.empty();
        }
        return Optional.of(child);
    }

    JsonEntry requiredObject(String field) {
        return object(field).orElseGet(() -> {
            if (!has(field)) {
                child(field).problem("missing");
            }
            return new JsonEntry(file, path + "." + field, com.fasterxml.jackson.databind.node.JsonNodeFactory
                    .instance.objectNode(), problems);
        });
    }

    List<JsonEntry> array(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonEntry child = child(field);
        if (!child.node.isArray()) {
            child.problem("must be an array");
            return List.of();
        }
        List<JsonEntry> items = new ArrayList<>();
        for (int i = 0; i < child.node.size(); i++) {
            items.add(new JsonEntry(file, path + "." + field + "[" + i + "]", child.node.get(i), problems));
        }
        return items;
    }

    List<JsonEntry> requiredArray(String field) {
        if (!has(field)) {
            child(field).problem("missing");
        }
        return array(field);
    }

    /** The entries of an object, keyed by name. */
    List<Map.Entry<String, JsonEntry>> fields() {
        List<Map.Entry<String, JsonEntry>> entries = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> entries.add(Map.entry(name, child(name))));
        return entries;
    }

    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            child(field).problem("missing");
            return "";
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            child(field).problem("must be a non-empty string");
            return "";
        }
        return value.asText();
    }

    Optional<String> optionalText(String field) {
        return has(field) ? Optional.of(text(field)) : Optional.empty();
    }

    double number(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            child(field).problem("missing");
            return Double.NaN;
        }
        if (!value.isNumber()) {
            child(field).problem("must be a number");
            return Double.NaN;
        }
        return value.asDouble();
    }

    int integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            child(field).problem("missing");
            return 0;
        }
        if (!value.isIntegralNumber()) {
            child(field).problem("must be an integer");
            return 0;
        }
        return value.asInt();
    }

    Optional<Integer> optionalInteger(String field) {
        return has(field) ? Optional.of(integer(field)) : Optional.empty();
    }

    /** A code from a closed list, parsed by {@code parse}; an unknown code is recorded and empty returned. */
    <T> Optional<T> code(String field, Function<String, T> parse) {
        String code = text(field);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(code));
        } catch (IllegalArgumentException e) {
            child(field).problem(e.getMessage());
            return Optional.empty();
        }
    }
}
