package org.footpain.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.footpain.http.Roles;
import io.restassured.response.Response;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published mapping ({@code GET /v1/fhir/mapping}) is the file as stored, covers the whole request contract
 * (every leaf field of the OpenAPI AssessmentRequest schema and every value of every enum, with the same ranges),
 * cites where each LOINC and SNOMED CT code was checked, and every code it takes from the service's own
 * CodeSystems is in the CodeSystem served at {@code GET /v1/fhir/CodeSystem/{id}}.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT) // authentication itself: AuthenticationTest
class FhirMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOINC = "http://loinc.org";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String UCUM = "http://unitsofmeasure.org";
    private static final String CPT = "http://www.ama-assn.org/go/cpt";

    private final MappedBundles mapped = MappedBundles.published();

    // ---------------------------------------------------------------------------------------------------
    // the file as served

    @Test
    void served_mapping_equals_the_file_byte_for_byte() throws IOException {
        Response response = given().get("/v1/fhir/mapping");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        byte[] served = response.asByteArray();
        byte[] onClasspath;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MappedBundles.MAPPING_RESOURCE)) {
            assertNotNull(in);
            onClasspath = in.readAllBytes();
        }
        assertArrayEquals(onClasspath, served, "served mapping differs from the classpath copy");
        Path source = Path.of("src/main/resources", MappedBundles.MAPPING_RESOURCE);
        if (Files.exists(source)) {
            assertArrayEquals(Files.readAllBytes(source), served, "served mapping differs from " + source);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // coverage of the contract

    /** A leaf of the request schema: its path, shape and the schema of its value (the item, the side). */
    private record Leaf(String path, String shape, JsonNode value, JsonNode item) {
    }

    @Test
    void mapping_covers_every_field_of_the_request_schema() throws IOException {
        Map<String, Leaf> leaves = requestLeaves();
        assertTrue(leaves.size() > 50, "the request schema has its fields: " + leaves.keySet());
        Set<String> mappedFields = new LinkedHashSet<>();
        mapped.mapping().path("fields").forEach(f -> mappedFields.add(f.path("field").asText()));
        mappedFields.add("context.setting"); // its own section
        Set<String> missing = new TreeSet<>(leaves.keySet());
        missing.removeAll(mappedFields);
        assertTrue(missing.isEmpty(), "contract fields without a mapping: " + missing);
        Set<String> unknown = new TreeSet<>(mappedFields);
        unknown.removeAll(leaves.keySet());
        assertTrue(unknown.isEmpty(), "mapped fields the contract does not have: " + unknown);
    }

    @Test
    void mapping_covers_every_value_of_every_enum_with_the_contracts_shapes_and_ranges() throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode setting = mapped.mapping().path("setting");
        for (Leaf leaf : requestLeaves().values()) {
            String path = leaf.path();
            if (path.equals("context.setting")) {
                sameValues(path, enumOf(leaf.value()), keys(setting.path("values")), problems);
                setting.path("encounterClass").path("codes").forEach(s -> {
                    if (!setting.path("values").has(s.asText())) {
                        problems.add("encounter class maps to unknown setting " + s.asText());
                    }
                });
                if (!setting.path("values").has(setting.path("default").asText())) {
                    problems.add("default setting " + setting.path("default").asText() + " is not a setting");
                }
                continue;
            }
            JsonNode field;
            try {
                field = mapped.field(path);
            } catch (IllegalArgumentException e) {
                continue; // reported by the coverage test
            }
            switch (field.path("resource").asText()) {
                case "Patient" -> sameValues(path, enumOf(leaf.value()), keys(field.path("values")), problems);
                case "Condition" -> sameValues(path, enumOf(leaf.item()), keys(field.path("items")), problems);
                case "Observation" -> observationField(leaf, field, problems);
                default -> problems.add(path + " is mapped to " + field.path("resource").asText());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void observationField(Leaf leaf, JsonNode field, List<String> problems) {
        String path = leaf.path();
        boolean sided = field.path("laterality").asText().equals("required");
        if (field.path("codes").isEmpty()) {
            problems.add(path + " has no Observation code");
        }
        Set<String> sides = keys(mapped.mapping().path("laterality").path("codes"));
        switch (leaf.shape()) {
            case "bilateral" -> {
                if (!sided) {
                    problems.add(path + " is per leg but its laterality is not required");
                }
                if (!sides.containsAll(List.of("left", "right"))) {
                    problems.add("laterality codes lack left or right: " + sides);
                }
                valueSpec(path, leaf.value(), field.path("value"), problems);
            }
            case "set" -> {
                if (!field.path("set").asBoolean() || sided) {
                    problems.add(path + " is a set of items: set true, no laterality");
                }
                expectType(path, field.path("value"), "CodeableConcept", problems);
                sameValues(path, enumOf(leaf.item()), keys(field.path("value").path("values")), problems);
            }
            case "list" -> {
                if (!field.path("list").asBoolean() || !sided) {
                    problems.add(path + " is a list of sided items: list true, laterality required");
                }
                expectType(path, field.path("value"), "CodeableConcept", problems);
                JsonNode properties = leaf.item().path("properties");
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    Set<String> values = enumOf(resolve(property.getValue()));
                    if (property.getKey().equals("side")) {
                        if (!sides.containsAll(values)) {
                            problems.add(path + " side values " + values + " lack laterality codes: " + sides);
                        }
                    } else {
                        sameValues(path + "[]." + property.getKey(), values,
                                keys(field.path("value").path("values")), problems);
                    }
                }
            }
            default -> {
                if (sided) {
                    problems.add(path + " is not per leg but its laterality is required");
                }
                valueSpec(path, leaf.value(), field.path("value"), problems);
            }
        }
    }

    /** The value of a scalar (or one side of a per-leg field) against the mapping's value encoding. */
    private static void valueSpec(String path, JsonNode schema, JsonNode value, List<String> problems) {
        Set<String> values = enumOf(schema);
        String type = schema.path("type").asText();
        if (!values.isEmpty()) {
            expectType(path, value, "CodeableConcept", problems);
            sameValues(path, values, keys(value.path("values")), problems);
        } else if (type.equals("integer")) {
            expectType(path, value, "integer", problems);
            sameRange(path, schema, value, problems);
        } else if (type.equals("number")) {
            expectType(path, value, "Quantity", problems);
            sameRange(path, schema, value, problems);
            if (value.path("system").asText().isEmpty() || value.path("code").asText().isEmpty()) {
                problems.add(path + " Quantity has no UCUM system and code");
            }
        } else if (type.equals("boolean")) {
            expectType(path, value, "boolean", problems);
        } else {
            problems.add(path + " has a schema this test does not know: " + schema);
        }
    }

    private static void expectType(String path, JsonNode value, String type, List<String> problems) {
        if (!value.path("type").asText().equals(type)) {
            problems.add(path + " value type " + value.path("type").asText() + ", expected " + type);
        }
    }

    private static void sameRange(String path, JsonNode schema, JsonNode value, List<String> problems) {
        for (String bound : List.of("minimum", "maximum")) {
            String key = bound.substring(0, 3);
            if (!schema.has(bound) || !value.has(key)
                    || schema.path(bound).decimalValue().compareTo(value.path(key).decimalValue()) != 0) {
                problems.add(path + " " + key + " " + value.path(key) + " but the contract's " + bound + " is "
                        + schema.path(bound));
            }
        }
    }

    private static void sameValues(String path, Set<String> contract, Set<String> mapping, List<String> problems) {
        if (contract.isEmpty()) {
            problems.add(path + " has no enum in the contract");
        }
        Set<String> missing = new TreeSet<>(contract);
        missing.removeAll(mapping);
        Set<String> extra = new TreeSet<>(mapping);
        extra.removeAll(contract);
        if (!missing.isEmpty()) {
            problems.add(path + " values without a mapping: " + missing);
        }
        if (!extra.isEmpty()) {
            problems.add(path + " mapped values the contract does not have: " + extra);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // codes

    @Test
    void every_loinc_snomed_ct_or_cpt_coding_says_where_it_was_checked() {
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        codings(mapped.mapping(), coding -> {
            String system = coding.path("system").asText();
            if (system.equals(LOINC) || system.equals(SNOMED) || system.equals(CPT)) {
                checked[0]++;
                if (coding.path("checkedAt").asText().isBlank()) {
                    problems.add(system + "|" + coding.path("code").asText() + " has no checkedAt");
                }
            }
        });
        assertTrue(checked[0] >= 4, "the laterality codes and LOINC body temperature at least");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void every_coding_in_the_services_own_systems_is_in_the_served_codesystem() {
        Map<String, Set<String>> served = new LinkedHashMap<>();
        mapped.mapping().path("codeSystems").forEach(cs -> {
            CodeSystem codeSystem = codeSystem(cs.path("id").asText());
            Set<String> codes = new LinkedHashSet<>();
            codeSystem.getConcept().forEach(c -> codes.add(c.getCode()));
            served.put(cs.path("url").asText(), codes);
        });
        List<String> problems = new ArrayList<>();
        int[] own = {0};
        codings(mapped.mapping(), coding -> {
            String system = coding.path("system").asText();
            if (system.startsWith(FhirAnswer.OWN)) {
                own[0]++;
                Set<String> codes = served.get(system);
                if (codes == null) {
                    problems.add(system + " is not a CodeSystem the mapping declares");
                } else if (!codes.contains(coding.path("code").asText())) {
                    problems.add(system + "|" + coding.path("code").asText() + " is not in the served CodeSystem");
                }
            } else if (!system.equals(LOINC) && !system.equals(SNOMED) && !system.equals(UCUM) && !system.equals(CPT)) {
                problems.add(system + "|" + coding.path("code").asText()
                        + " is neither LOINC, SNOMED CT, CPT, a UCUM unit nor one of the service's own CodeSystems");
            }
        });
        assertTrue(own[0] > 200, "own codings found: " + own[0]);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void every_declared_codesystem_is_served_complete_under_its_url() {
        for (JsonNode cs : mapped.mapping().path("codeSystems")) {
            String id = cs.path("id").asText();
            CodeSystem codeSystem = codeSystem(id);
            assertEquals(cs.path("url").asText(), codeSystem.getUrl(), id);
            assertEquals(id, codeSystem.getIdElement().getIdPart(), id);
            assertEquals(CodeSystem.CodeSystemContentMode.COMPLETE, codeSystem.getContent(), id);
            assertFalse(codeSystem.getConcept().isEmpty(), id + " has concepts");
            assertEquals(codeSystem.getConcept().size(), codeSystem.getCount(), id + " count");
            Set<String> codes = new TreeSet<>();
            codeSystem.getConcept().forEach(c -> {
                assertTrue(codes.add(c.getCode()), id + " repeats " + c.getCode());
                assertFalse(c.getDisplay() == null || c.getDisplay().isBlank(), id + "|" + c.getCode() + " display");
            });
        }
    }

    @Test
    void condition_diagnostic_and_triage_codesystems_hold_every_id_of_the_knowledge_base() throws IOException {
        JsonNode kb = JSON.readTree(given().get("/v1/knowledge").then().statusCode(200).extract().asString());
        Set<String> conditions = new TreeSet<>();
        kb.path("conditions").forEach(c -> conditions.add(c.path("id").asText()));
        Set<String> tests = new TreeSet<>();
        kb.path("diagnostics").path("tests").forEach(t -> tests.add(t.path("id").asText()));
        Set<String> reasons = new TreeSet<>();
        kb.path("triageRules").path("rules").forEach(r -> reasons.add(r.path("code").asText()));
        assertEquals(18, conditions.size());
        assertEquals(conditions, codes("condition"));
        assertEquals(tests, codes("diagnostic"));
        assertEquals(reasons, codes("triage-reason"));
        assertEquals(Set.of("emergency", "urgent", "routine"), codes("triage-level"));
        assertTrue(codes("warning").containsAll(Set.of("few-findings", "age-under-18", "contradictory-findings")));
    }

    @Test
    void unknown_codesystem_id_answers_404_with_an_operation_outcome() {
        Response response = given().get("/v1/fhir/CodeSystem/icd-10-cm");
        assertEquals(404, response.statusCode());
        assertTrue(response.contentType().startsWith(FhirAnswer.FHIR_JSON), response.contentType());
        OperationOutcome outcome = MappedBundles.FHIR.newJsonParser().parseResource(OperationOutcome.class,
                response.asString());
        assertEquals(OperationOutcome.IssueSeverity.ERROR, outcome.getIssueFirstRep().getSeverity());
        assertEquals(OperationOutcome.IssueType.NOTFOUND, outcome.getIssueFirstRep().getCode());
    }

    // ---------------------------------------------------------------------------------------------------

    private static CodeSystem codeSystem(String id) {
        Response response = given().get("/v1/fhir/CodeSystem/" + id);
        assertEquals(200, response.statusCode(), id);
        assertTrue(response.contentType().startsWith(FhirAnswer.FHIR_JSON), response.contentType());
        return MappedBundles.FHIR.newJsonParser().parseResource(CodeSystem.class, response.asString());
    }

    private static Set<String> codes(String id) {
        Set<String> codes = new TreeSet<>();
        codeSystem(id).getConcept().forEach(c -> codes.add(c.getCode()));
        return codes;
    }

    /** Every object with a system and a code anywhere in the document. */
    private static void codings(JsonNode node, Consumer<JsonNode> each) {
        if (node.isObject()) {
            if (node.has("system") && node.has("code") && node.path("code").isTextual()) {
                each.accept(node);
            }
            node.forEach(child -> codings(child, each));
        } else if (node.isArray()) {
            node.forEach(child -> codings(child, each));
        }
    }

    private JsonNode openApi;

    /** The leaves of AssessmentRequest in the served OpenAPI document. */
    private Map<String, Leaf> requestLeaves() throws IOException {
        openApi = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Map<String, Leaf> leaves = new LinkedHashMap<>();
        walk("", resolve(openApi.path("components").path("schemas").path("AssessmentRequest")), leaves);
        return leaves;
    }

    private void walk(String path, JsonNode schema, Map<String, Leaf> leaves) {
        JsonNode properties = schema.path("properties");
        if (schema.path("type").asText().equals("array")) {
            JsonNode item = resolve(schema.path("items"));
            leaves.put(path, new Leaf(path, item.has("properties") ? "list" : "set", null, item));
        } else if (properties.isObject() && !properties.isEmpty()) {
            if (keys(properties).equals(Set.of("left", "right"))) {
                leaves.put(path, new Leaf(path, "bilateral", resolve(properties.path("left")), null));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                walk(path.isEmpty() ? p.getKey() : path + "." + p.getKey(), resolve(p.getValue()), leaves);
            }
        } else {
            leaves.put(path, new Leaf(path, "scalar", schema, null));
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.path("$ref").asText();
            assertTrue(ref.startsWith("#/components/schemas/"), ref);
            s = openApi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
            assertFalse(s.isMissingNode(), ref);
        }
        if (s.has("allOf") && s.path("allOf").size() == 1) {
            return resolve(s.path("allOf").get(0));
        }
        return s;
    }

    private static Set<String> enumOf(JsonNode schema) {
        Set<String> values = new TreeSet<>();
        if (schema != null) {
            schema.path("enum").forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
