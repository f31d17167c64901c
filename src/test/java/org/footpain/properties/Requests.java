package org.footpain.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;
import org.footpain.api.dto.AssessmentRequest;
import org.footpain.api.dto.RedFlag;
import org.footpain.api.dto.WireCode;
import org.hibernate.validator.constraints.UniqueElements;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Random requests of {@code POST /v1/assessments} at the JSON level, shared by the engine properties and the HTTP
 * tests. Nothing is hand-copied from the contract: the shape, the codes (each enum's {@link WireCode}) and the
 * ranges ({@code @Min}, {@code @DecimalMax}, {@code @Size}, {@code @NotNull}) are read from the request records,
 * so a field added to {@link AssessmentRequest} is generated, mirrored, added, removed and mutated without any
 * change here.
 */
public final class Requests {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The request's shape, as the records declare it. */
    public static final ObjectSpec REQUEST = (ObjectSpec) spec(AssessmentRequest.class, Map.of());

    private Requests() {
    }

    // ---------------------------------------------------------------------------------------------------
    // the shape of a request, read from the records

    public sealed interface Spec {
    }

    public record ObjectSpec(Class<?> type, List<Prop> props) implements Spec {
        Optional<Prop> prop(String name) {
            return props.stream().filter(p -> p.name().equals(name)).findFirst();
        }

        /** An object with a value per leg ({@code Sided<T>}, MRC grades, provocation counts, ABI). */
        boolean perLeg() {
            return prop("left").isPresent() && prop("right").isPresent();
        }
    }

    public record Prop(String name, Spec spec, boolean required) {
    }

    public record EnumSpec(Class<?> type, List<String> codes) implements Spec {
        /** A value that names a side (symptom side, side of a sensory loss). */
        boolean sideValued() {
            return codes.contains("left") && codes.contains("right");
        }
    }

    public record IntSpec(int min, int max) implements Spec {
    }

    public record NumSpec(double min, double max) implements Spec {
    }

    public record BoolSpec() implements Spec {
    }

    public record ListSpec(Spec element, int maxSize, boolean unique) implements Spec {
    }

    private static Spec spec(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            return spec(bindings.get(variable), bindings);
        }
        Class<?> raw;
        Map<TypeVariable<?>, Type> inner = new HashMap<>(bindings);
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                Type argument = parameterized.getActualTypeArguments()[i];
                inner.put(variables[i], argument instanceof TypeVariable<?> v ? bindings.get(v) : argument);
            }
        } else {
            raw = (Class<?>) type;
        }
        if (raw.isEnum() && WireCode.class.isAssignableFrom(raw)) {
            return new EnumSpec(raw, Arrays.stream(raw.getEnumConstants()).map(c -> ((WireCode) c).code()).toList());
        }
        if (raw == Boolean.class) {
            return new BoolSpec();
        }
        if (!raw.isRecord()) {
            throw new IllegalArgumentException("no generator for " + type);
        }
        List<Prop> props = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            props.add(new Prop(component.getName(), leaf(raw, component, inner),
                    annotation(raw, component, NotNull.class).isPresent()));
        }
        return new ObjectSpec(raw, List.copyOf(props));
    }

    private static Spec leaf(Class<?> owner, RecordComponent component, Map<TypeVariable<?>, Type> bindings) {
        Type type = component.getGenericType();
        Class<?> raw = component.getType();
        if (raw == Integer.class) {
            int min = annotation(owner, component, Min.class).map(m -> (int) m.value()).orElse(Integer.MIN_VALUE);
            int max = annotation(owner, component, Max.class).map(m -> (int) m.value()).orElse(Integer.MAX_VALUE);
            return new IntSpec(min, max);
        }
        if (raw == Double.class) {
            double min = annotation(owner, component, DecimalMin.class).map(m -> Double.parseDouble(m.value()))
                    .orElseThrow(() -> new IllegalArgumentException(component + " has no @DecimalMin"));
            double max = annotation(owner, component, DecimalMax.class).map(m -> Double.parseDouble(m.value()))
                    .orElseThrow(() -> new IllegalArgumentException(component + " has no @DecimalMax"));
            return new NumSpec(min, max);
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            int max = annotation(owner, component, Size.class).map(Size::max)
                    .orElseThrow(() -> new IllegalArgumentException(component + " has no @Size"));
            return new ListSpec(spec(element, bindings), max,
                    annotation(owner, component, UniqueElements.class).isPresent());
        }
        return spec(type, bindings);
    }

    private static <A extends Annotation> Optional<A> annotation(Class<?> owner, RecordComponent component,
                                                                 Class<A> kind) {
        A onAccessor = component.getAccessor().getAnnotation(kind);
        if (onAccessor != null) {
            return Optional.of(onAccessor);
        }
        try {
            Field field = owner.getDeclaredField(component.getName());
            return Optional.ofNullable(field.getAnnotation(kind));
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // valid requests

    private static final double SECTION = 0.85;

    /**
     * Valid requests, sparse to dense: a density is drawn first and every optional finding is then present with
     * that probability (sometimes sent as an explicit {@code null}, which the contract reads as left out); sections
     * are usually present, sometimes empty, sometimes left out or null.
     */
    public static Arbitrary<ObjectNode> valid() {
        // jqwik's generic edge cases of so many optional fields are nearly empty requests and would crowd out the
        // rest; the edge cases that matter are added by hand: the bare minimum at the ends of the age range
        Arbitrary<ObjectNode> drawn = Arbitraries.of(0.05, 0.15, 0.4, 0.7, 0.95)
                .flatMap(density -> object(REQUEST, density)).map(node -> (ObjectNode) node);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(minimal(0), minimal(17), minimal(18), minimal(120))),
                Tuple.of(40, drawn.withoutEdgeCases()));
    }

    /**
     * A fixed-seed sample, for tests that cannot run inside jqwik (Quarkus tests). jqwik generates only on its own
     * threads or through {@link Arbitrary#sampleStream()}, which draws from the thread's source of randomness; that
     * source is seeded first, so the same seed gives the same sample.
     */
    public static <T> List<T> sample(Arbitrary<T> arbitrary, long seed, int count) {
        SourceOfRandomness.create(Long.toString(seed));
        return arbitrary.sampleStream().limit(count).toList();
    }

    private static Arbitrary<JsonNode> value(Spec spec, double density) {
        if (spec instanceof ObjectSpec object) {
            return object(object, density);
        }
        if (spec instanceof EnumSpec codes) {
            return Arbitraries.of(codes.codes()).map(TextNode::valueOf);
        }
        if (spec instanceof IntSpec range) {
            return Arbitraries.integers().between(range.min(), range.max()).map(IntNode::valueOf);
        }
        if (spec instanceof NumSpec range) {
            Arbitrary<JsonNode> decimals = Arbitraries.bigDecimals()
                    .between(java.math.BigDecimal.valueOf(range.min()), java.math.BigDecimal.valueOf(range.max()))
                    .ofScale(2).map(d -> DoubleNode.valueOf(d.doubleValue()));
            // a whole number is a valid number too ("durationWeeks": 3)
            Arbitrary<JsonNode> wholes = Arbitraries.integers()
                    .between((int) Math.ceil(range.min()), (int) Math.floor(range.max())).map(IntNode::valueOf);
            return Arbitraries.frequencyOf(Tuple.of(3, decimals), Tuple.of(1, wholes));
        }
        if (spec instanceof BoolSpec) {
            return Arbitraries.of(true, false).map(BooleanNode::valueOf);
        }
        ListSpec list = (ListSpec) spec;
        int max = Math.max(1, (int) Math.ceil(list.maxSize() * density));
        var items = value(list.element(), density).list().ofMaxSize(Math.min(max, list.maxSize()));
        return (list.unique() ? items.uniqueElements() : items).map(values -> {
            ArrayNode array = NODES.arrayNode();
            values.forEach(array::add);
            return array;
        });
    }

    private static Arbitrary<JsonNode> object(ObjectSpec spec, double density) {
        List<Arbitrary<JsonNode>> props = new ArrayList<>();
        for (Prop prop : spec.props()) {
            Arbitrary<JsonNode> value = value(prop.spec(), density);
            if (!prop.required()) {
                // a section (history, exam.reflexes, a per-leg pair) is usually there, its findings as dense as drawn
                int present = (int) Math.round((prop.spec() instanceof ObjectSpec ? SECTION : density) * 100);
                value = Arbitraries.frequencyOf(
                        Tuple.of(100 - present, Arbitraries.just(MissingNode.getInstance())),
                        Tuple.of(present, value),
                        Tuple.of(2, Arbitraries.just(NullNode.getInstance())));
            }
            props.add(value);
        }
        return Combinators.combine(props).as(values -> {
            ObjectNode node = NODES.objectNode();
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).isMissingNode()) {
                    node.set(spec.props().get(i).name(), values.get(i));
                }
            }
            return node;
        });
    }

    private static ObjectNode minimal(int age) {
        ObjectNode request = NODES.objectNode();
        request.putObject("patient").put("ageYears", age);
        return request;
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // left and right swapped

    /** The same request with left and right swapped everywhere: per-leg objects, and every value naming a side. */
    public static ObjectNode mirrored(ObjectNode request) {
        return (ObjectNode) mirror(request.deepCopy(), REQUEST);
    }

    private static JsonNode mirror(JsonNode node, Spec spec) {
        if (node == null || node.isNull()) {
            return node;
        }
        if (spec instanceof ObjectSpec object) {
            ObjectNode o = (ObjectNode) node;
            for (Prop prop : object.props()) {
                if (o.has(prop.name())) {
                    o.set(prop.name(), mirror(o.get(prop.name()), prop.spec()));
                }
            }
            if (object.perLeg()) {
                JsonNode left = o.remove("left");
                JsonNode right = o.remove("right");
                if (right != null) {
                    o.set("left", right);
                }
                if (left != null) {
                    o.set("right", left);
                }
            }
            return o;
        }
        if (spec instanceof ListSpec list) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mirror(array.get(i), list.element()));
            }
            return array;
        }
        if (spec instanceof EnumSpec codes && codes.sideValued()) {
            return switch (node.asText()) {
                case "left" -> TextNode.valueOf("right");
                case "right" -> TextNode.valueOf("left");
                default -> node;
            };
        }
        return node;
    }

    // ---------------------------------------------------------------------------------------------------
    // one finding more, one finding less

    /** Where a single finding can be written: a scalar leaf, or an item of a set or list. */
    public record Slot(List<String> path, Spec spec) {
        public String field() {
            return String.join(".", path);
        }

        boolean isList() {
            return spec instanceof ListSpec;
        }
    }

    /** One finding to add: its slot and value (for a set or list, the item). */
    public record Addition(Slot slot, JsonNode value) {
        @Override
        public String toString() {
            return slot.field() + (slot.isList() ? " += " : " = ") + value;
        }
    }

    /**
     * Every slot of the contract a single finding can be written to. The context (the care setting) is not a
     * finding: it selects the priors.
     */
    public static final List<Slot> SLOTS = slots(REQUEST, List.of()).stream()
            .filter(slot -> !slot.path().get(0).equals("context")).toList();

    private static List<Slot> slots(ObjectSpec spec, List<String> prefix) {
        List<Slot> slots = new ArrayList<>();
        for (Prop prop : spec.props()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(prop.name());
            if (prop.spec() instanceof ObjectSpec object) {
                slots.addAll(slots(object, path));
            } else {
                slots.add(new Slot(List.copyOf(path), prop.spec()));
            }
        }
        return slots;
    }

    /** Any single finding of the contract with a valid value, whether or not a request already has it. */
    public static Arbitrary<Addition> additions() {
        return Arbitraries.of(SLOTS).flatMap(slot -> value(slot.isList() ? ((ListSpec) slot.spec()).element()
                : slot.spec(), 1.0).map(v -> new Addition(slot, v)));
    }

    /** The red flags of the contract, each as an addition to {@code history.redFlags}. */
    public static Arbitrary<Addition> redFlags() {
        Slot slot = SLOTS.stream().filter(s -> s.field().equals("history.redFlags")).findFirst().orElseThrow();
        return Arbitraries.of(RedFlag.class).map(flag -> new Addition(slot, TextNode.valueOf(flag.code())));
    }

    /**
     * The request with the finding added, or empty when the request already has a value there (a scalar already
     * given, an item already listed): then it is not an addition.
     */
    public static Optional<ObjectNode> add(ObjectNode request, Addition addition) {
        ObjectNode copy = request.deepCopy();
        ObjectNode parent = copy;
        List<String> path = addition.slot().path();
        for (String step : path.subList(0, path.size() - 1)) {
            JsonNode child = parent.get(step);
            if (child == null || child.isNull()) {
                child = parent.putObject(step);
            }
            parent = (ObjectNode) child;
        }
        String last = path.get(path.size() - 1);
        JsonNode existing = parent.get(last);
        if (addition.slot().isList()) {
            ArrayNode items = existing == null || existing.isNull() ? parent.putArray(last) : (ArrayNode) existing;
            for (JsonNode item : items) {
                if (item.equals(addition.value())) {
                    return Optional.empty();
                }
            }
            items.add(addition.value());
            return Optional.of(copy);
        }
        if (existing != null && !existing.isNull()) {
            return Optional.empty();
        }
        parent.set(last, addition.value());
        return Optional.of(copy);
    }

    /** One supplied finding of a request: a leaf value, or one item of a set or list. */
    public record Supplied(List<String> path, int index) {
        @Override
        public String toString() {
            return String.join(".", path) + (index >= 0 ? "[" + index + "]" : "");
        }
    }

    /** Every finding a request supplies, except the age, which is required (the setting is not a finding). */
    public static List<Supplied> supplied(ObjectNode request) {
        List<Supplied> found = new ArrayList<>();
        supplied(request, REQUEST, new ArrayList<>(), found);
        found.removeIf(s -> s.path().equals(List.of("patient", "ageYears")) || s.path().get(0).equals("context"));
        return found;
    }

    private static void supplied(JsonNode node, ObjectSpec spec, List<String> prefix, List<Supplied> out) {
        for (Prop prop : spec.props()) {
            JsonNode child = node.get(prop.name());
            if (child == null || child.isNull()) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(prop.name());
            if (prop.spec() instanceof ObjectSpec object) {
                supplied(child, object, path, out);
            } else if (prop.spec() instanceof ListSpec) {
                for (int i = 0; i < child.size(); i++) {
                    out.add(new Supplied(List.copyOf(path), i));
                }
            } else {
                out.add(new Supplied(List.copyOf(path), -1));
            }
        }
    }

    /** The request without one supplied finding. */
    public static ObjectNode without(ObjectNode request, Supplied finding) {
        ObjectNode copy = request.deepCopy();
        JsonNode parent = copy;
        List<String> path = finding.path();
        for (String step : path.subList(0, path.size() - 1)) {
            parent = parent.get(step);
        }
        String last = path.get(path.size() - 1);
        if (finding.index() >= 0) {
            ((ArrayNode) parent.get(last)).remove(finding.index());
        } else {
            ((ObjectNode) parent).remove(last);
        }
        return copy;
    }

    // ---------------------------------------------------------------------------------------------------
    // invalid requests

    /** A request broken in one place, and the field the answer must name. */
    public record Mutation(String what, String field, ObjectNode body) {
        @Override
        public String toString() {
            return what + " at " + field + ": " + body;
        }
    }

    /** A node of a request that can be broken: its JSON path as the contract writes it, and the steps to it. */
    private record Site(String field, Spec spec, List<Object> steps, boolean required) {
        JsonNode in(JsonNode root) {
            JsonNode node = root;
            for (Object step : steps) {
                node = step instanceof Integer i ? node.get(i) : node.get((String) step);
            }
            return node;
        }

        JsonNode parentIn(JsonNode root) {
            return new Site(field, spec, steps.subList(0, steps.size() - 1), required).in(root);
        }

        Object last() {
            return steps.get(steps.size() - 1);
        }
    }

    /** Valid requests broken in one place: wrong types, out-of-range values, unknown fields and codes, ... */
    public static Arbitrary<Mutation> invalid() {
        return valid().flatMap(request -> {
            List<Site> sites = new ArrayList<>();
            sites(request, REQUEST, "", List.of(), true, sites);
            return Arbitraries.of(sites).flatMap(site -> mutations(request, site));
        });
    }

    private static void sites(JsonNode node, Spec spec, String field, List<Object> steps, boolean required,
                              List<Site> out) {
        out.add(new Site(field, spec, steps, required));
        if (spec instanceof ObjectSpec object) {
            for (Prop prop : object.props()) {
                JsonNode child = node.get(prop.name());
                if (child != null && !child.isNull()) {
                    sites(child, prop.spec(), field.isEmpty() ? prop.name() : field + "." + prop.name(),
                            append(steps, prop.name()), prop.required(), out);
                }
            }
        } else if (spec instanceof ListSpec list) {
            for (int i = 0; i < node.size(); i++) {
                sites(node.get(i), list.element(), field + "[" + i + "]", append(steps, i), true, out);
            }
        }
    }

    private static List<Object> append(List<Object> steps, Object step) {
        List<Object> longer = new ArrayList<>(steps);
        longer.add(step);
        return List.copyOf(longer);
    }

    private static Arbitrary<Mutation> mutations(ObjectNode request, Site site) {
        List<Arbitrary<Mutation>> kinds = new ArrayList<>();
        String field = site.field().isEmpty() ? "$" : site.field();
        Spec spec = site.spec();
        if (spec instanceof ObjectSpec object) {
            List<String> known = object.props().stream().map(Prop::name).toList();
            Arbitrary<String> unknownNames = Arbitraries.oneOf(
                    Arbitraries.of(known).map(n -> n + "s"),
                    Arbitraries.of(known).map(n -> n.substring(0, 1).toUpperCase() + n.substring(1)),
                    Arbitraries.of(known).filter(n -> n.length() > 3).map(n -> n.substring(0, n.length() - 1)),
                    Arbitraries.of("notes", "comment", "Left", "both", "side", "value", ""))
                    .filter(n -> !known.contains(n));
            kinds.add(unknownNames.map(name -> {
                ObjectNode body = request.deepCopy();
                ((ObjectNode) site.in(body)).put(name, "x");
                String step = name.isEmpty() ? "\"\"" : name;
                return new Mutation("unknown field", site.field().isEmpty() ? step : site.field() + "." + step, body);
            }));
        }
        if (site.steps().isEmpty()) {
            // the body as a whole: not an object
            kinds.add(Arbitraries.of(NODES.arrayNode(), TextNode.valueOf("patient"), IntNode.valueOf(47))
                    .map(n -> new Mutation("body not an object", "$", wrap(n))));
        } else {
            kinds.add(wrongTypes(spec).map(n -> replaced(request, site, n, "wrong type", field)));
            if (site.required() && site.last() instanceof String key) {
                kinds.add(Arbitraries.of(true, false).map(asNull -> {
                    ObjectNode body = request.deepCopy();
                    ObjectNode parent = (ObjectNode) site.parentIn(body);
                    if (asNull) {
                        parent.putNull(key);
                    } else {
                        parent.remove(key);
                    }
                    return new Mutation(asNull ? "required field null" : "required field missing", field, body);
                }));
            }
        }
        if (spec instanceof EnumSpec codes) {
            kinds.add(Arbitraries.of(codes.codes())
                    .flatMap(code -> Arbitraries.of("not-" + code, code.toUpperCase(), code.replace('-', '_') + "_",
                            code + " ", "unknown"))
                    .filter(code -> !codes.codes().contains(code))
                    .map(code -> replaced(request, site, TextNode.valueOf(code), "unknown code", field)));
        }
        if (spec instanceof IntSpec range) {
            kinds.add(Arbitraries.oneOf(
                            Arbitraries.integers().between(1, 1000).map(k -> (long) range.max() + k),
                            Arbitraries.integers().between(1, 1000).map(k -> (long) range.min() - k),
                            Arbitraries.just(10_000_000_000L))
                    .map(v -> replaced(request, site, NODES.numberNode(v), "out of range", field)));
            kinds.add(Arbitraries.integers().between(range.min(), range.max())
                    .flatMap(v -> Arbitraries.of(v + 0.5, v + 0.0))
                    .map(v -> replaced(request, site, DoubleNode.valueOf(v), "integer with a fraction", field)));
        }
        if (spec instanceof NumSpec range) {
            kinds.add(Arbitraries.oneOf(
                            Arbitraries.doubles().between(0.01, 1000).ofScale(2).map(k -> range.max() + k),
                            Arbitraries.doubles().between(0.01, 1000).ofScale(2).map(k -> range.min() - k))
                    .map(v -> replaced(request, site, DoubleNode.valueOf(v), "out of range", field)));
        }
        if (spec instanceof ListSpec && site.in(request).size() > 0) {
            kinds.add(Arbitraries.integers().between(0, site.in(request).size() - 1).map(i -> {
                ObjectNode body = request.deepCopy();
                ArrayNode items = (ArrayNode) site.in(body);
                items.add(items.get(i).deepCopy());
                return new Mutation("item listed twice", field, body);
            }));
        }
        return Arbitraries.oneOf(kinds);
    }

    /** Values of the wrong JSON type for a spec (never null, which means "left out"). */
    private static Arbitrary<JsonNode> wrongTypes(Spec spec) {
        List<JsonNode> wrong = new ArrayList<>();
        if (!(spec instanceof EnumSpec)) {
            wrong.add(TextNode.valueOf("5"));
        }
        if (!(spec instanceof IntSpec) && !(spec instanceof NumSpec)) {
            wrong.add(IntNode.valueOf(1));
        }
        if (!(spec instanceof BoolSpec)) {
            wrong.add(BooleanNode.TRUE);
        }
        if (!(spec instanceof ObjectSpec)) {
            wrong.add(NODES.objectNode().put("left", "x"));
        }
        if (!(spec instanceof ListSpec)) {
            wrong.add(NODES.arrayNode().add("x"));
        }
        return Arbitraries.of(wrong);
    }

    private static Mutation replaced(ObjectNode request, Site site, JsonNode value, String what, String field) {
        ObjectNode body = request.deepCopy();
        JsonNode parent = site.parentIn(body);
        if (site.last() instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) site.last(), value);
        }
        return new Mutation(what, field, body);
    }

    /** A body that is not an object travels in a holder whose only field is "$"; {@link #body} unwraps it. */
    private static ObjectNode wrap(JsonNode node) {
        ObjectNode holder = NODES.objectNode();
        holder.set("$", node);
        return holder;
    }

    /** The body to send for a mutation. */
    public static JsonNode body(Mutation mutation) {
        ObjectNode body = mutation.body();
        return body.size() == 1 && body.has("$") ? body.get("$") : body;
    }
}
