package org.footpain.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import org.footpain.api.JsonShape.ArrayShape;
import org.footpain.api.JsonShape.BooleanShape;
import org.footpain.api.JsonShape.EnumShape;
import org.footpain.api.JsonShape.IntegerShape;
import org.footpain.api.JsonShape.NumberShape;
import org.footpain.api.JsonShape.ObjectShape;
import org.footpain.api.problem.InvalidRequestException;
import org.footpain.api.problem.Violation;
import org.footpain.api.problem.ViolationPaths;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a request body strictly and reports every problem at once. Jackson alone stops at the first
 * problem, so the body is parsed to a tree (malformed JSON, duplicate keys and over-deep nesting are
 * rejected there), the tree is checked against the records' shape (unknown fields, wrong types, unknown
 * codes, fractional integers), the offending values are set aside, the rest is bound, and Bean Validation
 * checks ranges, sizes and required fields. A misspelt finding is never silently dropped.
 */
public final class StrictJsonReader<T> {

    private final ObjectMapper mapper;
    private final Class<T> type;
    private final JsonShape shape;
    private final Validator validator;

    public StrictJsonReader(Class<T> type, Validator validator) {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(RequestLimits.MAX_NESTING_DEPTH)
                        .maxStringLength(RequestLimits.MAX_STRING_LENGTH)
                        .maxNumberLength(64)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.type = type;
        this.shape = JsonShape.of(mapper, type);
        this.validator = validator;
    }

    /** The request, or an {@link InvalidRequestException} listing every violation. */
    public T read(byte[] body) {
        JsonNode tree = parse(body);
        if (!tree.isObject()) {
            throw new InvalidRequestException(List.of(new Violation("$", "must be a JSON object")));
        }
        Map<String, Violation> violations = new LinkedHashMap<>();
        Map<String, List<Integer>> kept = new LinkedHashMap<>();
        check(tree, shape, "", violations, kept);
        T value;
        try {
            value = mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            // every structural problem was set aside above; this is a safety net, not an expected path
            violations.putIfAbsent("$", new Violation("$", "could not be read as an assessment request"));
            throw new InvalidRequestException(sorted(violations));
        }
        for (Violation v : ViolationPaths.of(validator.validate(value))) {
            Violation original = new Violation(originalIndexes(v.field(), kept), v.message());
            violations.putIfAbsent(original.field(), original);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(sorted(violations));
        }
        return value;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new InvalidRequestException(List.of(new Violation("$", "a JSON body is required")));
        }
        try (JsonParser parser = mapper.createParser(body)) {
            JsonNode tree = mapper.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidRequestException(List.of(new Violation("$", "a JSON body is required")));
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new InvalidRequestException(List.of(new Violation("$", "exceeds the limits of this endpoint"
                    + " (nesting deeper than " + RequestLimits.MAX_NESTING_DEPTH + " levels or an over-long value)")));
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                String path = pointerToPath(e.getProcessor() instanceof JsonParser p
                        ? p.getParsingContext().pathAsPointer().toString() : "");
                throw new InvalidRequestException(List.of(new Violation(path, "is given more than once")));
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InvalidRequestException(List.of(new Violation("$", "is not well-formed JSON" + where)));
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(new Violation("$", "could not be read")));
        }
    }

    /**
     * Records what does not fit the shape and removes it from the tree, so the rest can still be bound and
     * validated. Invalid list items are removed one by one; {@code kept} remembers, per list, the request index
     * of each item kept, so later violations name the item as the client sent it.
     */
    private static boolean check(JsonNode node, JsonShape shape, String path, Map<String, Violation> out,
                                 Map<String, List<Integer>> kept) {
        if (node.isNull()) {
            return true; // null means left out; Bean Validation reports it where a value is required
        }
        String field = path.isEmpty() ? "$" : path;
        if (shape instanceof ObjectShape object) {
            if (!node.isObject()) {
                out.put(field, new Violation(field, "must be an object"));
                return false;
            }
            List<String> remove = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey().isEmpty() ? "\"\"" : entry.getKey();
                String childPath = path.isEmpty() ? name : path + "." + name;
                JsonShape child = object.fields().get(entry.getKey());
                if (child == null) {
                    out.put(childPath, new Violation(childPath, unknownField(entry.getKey(), object.fields().keySet())));
                    remove.add(entry.getKey());
                } else if (!check(entry.getValue(), child, childPath, out, kept)) {
                    remove.add(entry.getKey());
                }
            }
            remove.forEach(((ObjectNode) node)::remove);
            return true;
        }
        if (shape instanceof ArrayShape array) {
            if (!node.isArray()) {
                out.put(field, new Violation(field, "must be an array"));
                return false;
            }
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (check(node.get(i), array.element(), field + "[" + i + "]", out, kept)) {
                    keep.add(i);
                }
            }
            if (keep.size() < node.size()) {
                ArrayNode items = (ArrayNode) node;
                for (int i = items.size() - 1; i >= 0; i--) {
                    if (!keep.contains(i)) {
                        items.remove(i);
                    }
                }
                kept.put(field, keep);
            }
            return true;
        }
        if (shape instanceof EnumShape codes) {
            if (node.isTextual() && codes.codes().contains(node.asText())) {
                return true;
            }
            out.put(field, new Violation(field, "must be one of: " + String.join(", ", codes.codes())));
            return false;
        }
        if (shape instanceof IntegerShape) {
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return true;
            }
            out.put(field, new Violation(field, node.isIntegralNumber() ? "is out of range"
                    : node.isNumber() ? "must be a whole number written without a fraction" : "must be an integer"));
            return false;
        }
        if (shape instanceof NumberShape) {
            if (node.isNumber() && Double.isFinite(node.asDouble())) {
                return true;
            }
            out.put(field, new Violation(field, "must be a number"));
            return false;
        }
        if (shape instanceof BooleanShape) {
            if (node.isBoolean()) {
                return true;
            }
            out.put(field, new Violation(field, "must be true or false"));
            return false;
        }
        throw new IllegalStateException("unknown shape " + shape);
    }

    /** A violation path of the bound request, with list indexes put back to those of the request as sent. */
    private static String originalIndexes(String path, Map<String, List<Integer>> kept) {
        String result = path;
        // outer lists first: their paths are prefixes of the inner ones
        for (Map.Entry<String, List<Integer>> list : kept.entrySet()) {
            String prefix = list.getKey() + "[";
            if (result.startsWith(prefix)) {
                int end = result.indexOf(']', prefix.length());
                int index = Integer.parseInt(result.substring(prefix.length(), end));
                result = list.getKey() + "[" + list.getValue().get(index) + result.substring(end);
            }
        }
        return result;
    }

    private static String unknownField(String name, Set<String> known) {
        String closest = known.stream().min(Comparator.comparingInt(k -> distance(k, name))).orElse(null);
        String hint = closest != null && distance(closest, name) <= 2 ? " (did you mean " + closest + "?)" : "";
        return "is not a field of the contract" + hint + "; known here: "
                + known.stream().collect(Collectors.joining(", "));
    }

    /** Levenshtein distance, for suggesting the field a misspelt name meant. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String pointerToPath(String pointer) {
        if (pointer.isEmpty() || pointer.equals("/")) {
            return "$";
        }
        StringBuilder path = new StringBuilder();
        for (String step : pointer.substring(1).split("/")) {
            if (step.matches("[0-9]+")) {
                path.append('[').append(step).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(step.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    private static List<Violation> sorted(Map<String, Violation> violations) {
        return violations.values().stream().sorted(Comparator.comparing(Violation::field)).toList();
    }
}
