package org.footpain.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document is part of the contract: committed, complete, and equal to what the service serves. */
@QuarkusTest
class OpenApiTest {

    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode served() throws IOException {
        return YAML.readTree(given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void committed_spec_equals_the_served_spec() throws IOException {
        JsonNode served = served();
        JsonNode committed = YAML.readTree(Files.readString(COMMITTED));
        if (!served.equals(committed)) {
            Path actual = Path.of("target/openapi-served.yaml");
            Files.writeString(actual, YAML.writeValueAsString(served));
            throw new AssertionError("openapi/openapi.yaml differs from /q/openapi; the served document is in " + actual
                    + ": review it and copy it to openapi/openapi.yaml");
        }
    }

    @Test
    void served_spec_names_no_server_so_it_can_equal_the_committed_one() throws IOException {
        assertTrue(served().path("servers").isMissingNode());
    }

    @Test
    void every_field_has_a_description_and_every_enum_its_values() throws IOException {
        List<String> missing = new ArrayList<>();
        JsonNode schemas = served().path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            walk(schema.getKey(), schema.getValue(), missing);
        }
        assertTrue(missing.isEmpty(), "missing descriptions or enum values: " + missing);
    }

    private static void walk(String where, JsonNode schema, List<String> missing) {
        if (!schema.has("description") && !schema.has("$ref")) {
            missing.add(where + " (description)");
        }
        if (schema.path("type").asText().equals("string") && schema.has("enum") && schema.path("enum").isEmpty()) {
            missing.add(where + " (enum values)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode value = property.getValue();
            if (!value.has("description")) {
                missing.add(where + "." + property.getKey() + " (description)");
            }
            if (value.has("properties")) {
                walk(where + "." + property.getKey(), value, missing);
            }
            if (value.path("items").has("properties")) {
                walk(where + "." + property.getKey() + "[]", value.path("items"), missing);
            }
        }
    }

    @Test
    void every_endpoint_has_an_example() throws IOException {
        List<String> without = new ArrayList<>();
        JsonNode paths = served().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = o.next();
                String text = operation.getValue().toString();
                if (!text.contains("\"example")) {
                    without.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertTrue(without.isEmpty(), "operations without an example: " + without);
    }

    @Test
    void knowledge_document_uses_only_keys_its_schema_describes() throws IOException {
        JsonNode schemas = served().path("components").path("schemas");
        JsonNode document = JSON.readTree(given().get("/v1/knowledge").then().statusCode(200).extract().asString());
        List<String> undescribed = new ArrayList<>();
        check("$", document, schemas.path("KnowledgeBaseDocument"), schemas, undescribed);
        assertTrue(undescribed.isEmpty(), "keys the KnowledgeBaseDocument schema does not describe: " + undescribed);
    }

    @Test
    void fhir_mapping_uses_only_keys_its_schema_describes() throws IOException {
        JsonNode schemas = served().path("components").path("schemas");
        JsonNode mapping = JSON.readTree(given().get("/v1/fhir/mapping").then().statusCode(200).extract().asString());
        List<String> undescribed = new ArrayList<>();
        check("$", mapping, schemas.path("FhirMapping"), schemas, undescribed);
        assertTrue(undescribed.isEmpty(), "keys the FhirMapping schema does not describe: " + undescribed);
    }

    private static void check(String where, JsonNode value, JsonNode schema, JsonNode schemas, List<String> out) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            schema = schemas.path(name);
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    check(where + "." + field.getKey(), field.getValue(), properties.get(field.getKey()), schemas, out);
                } else if (additional.isObject()) {
                    check(where + "." + field.getKey(), field.getValue(), additional, schemas, out);
                } else {
                    out.add(where + "." + field.getKey());
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(where + "[" + i + "]", value.get(i), schema.path("items"), schemas, out);
            }
        }
    }

    @Test
    void swagger_ui_is_served() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        assertEquals(200, given().get("/q/openapi").statusCode());
    }
}
