package org.footpain.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Setting;
import org.footpain.knowledge.Side;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published mapping between the contract's fields and FHIR R4 ({@code fhir/mapping.json}), indexed once:
 * which Observation code is which finding, how its value is encoded, which bodySite code is which side,
 * which Condition code is which risk factor, which Encounter says which setting. The file is served as
 * stored and read by the tests, so there is one copy of the mapping.
 */
public final class FhirMapping {

    public static final String RESOURCE = "fhir/mapping.json";

    /** How a field's value is written in FHIR. */
    public enum ValueType { CODEABLE_CONCEPT, INTEGER, QUANTITY, BOOLEAN }

    /** One contract field read from Observations. */
    public record Field(FindingPath path, Coding code, boolean sided, ValueType valueType,
                        Map<String, String> valuesByCoding, Map<String, Coding> codingByValue,
                        double min, double max, Optional<Coding> unit) {
    }

    /** A code with its system and display. */
    public record Coding(String system, String code, String display) {
        public String key() {
            return key(system, code);
        }

        public static String key(String system, String code) {
            return system + "|" + code;
        }
    }

    /** A CodeSystem the service defines. */
    public record CodeSystemInfo(String id, String url, String title, String description) {
    }

    private final byte[] document;
    private final Map<String, Field> fieldsByCoding = new HashMap<>();
    private final Map<FindingPath, Field> fieldsByPath = new EnumMap<>(FindingPath.class);
    private final Map<String, Side> sidesByCoding = new HashMap<>();
    private final Map<Side, Coding> codingBySide = new EnumMap<>(Side.class);
    private final Map<String, String> riskFactorsByCoding = new HashMap<>();
    private final Map<String, Coding> codingByRiskFactor = new LinkedHashMap<>();
    private final Map<String, Setting> settingsByCoding = new HashMap<>();
    private final Map<Setting, Coding> codingBySetting = new EnumMap<>(Setting.class);
    private final Map<String, Setting> settingsByEncounterClass = new HashMap<>();
    private final Map<String, CodeSystemInfo> codeSystems = new LinkedHashMap<>();
    private final List<String> lumbarImagingTests = new ArrayList<>();
    private final List<Coding> lumbarImagingCodes = new ArrayList<>();
    private final List<Coding> imagingOverrideReasons = new ArrayList<>();

    private FhirMapping(byte[] document, JsonNode root) {
        this.document = document;
        for (JsonNode cs : root.path("codeSystems")) {
            codeSystems.put(cs.path("id").asText(), new CodeSystemInfo(cs.path("id").asText(), cs.path("url").asText(),
                    cs.path("title").asText(), cs.path("description").asText()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("laterality").path("codes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> side = it.next();
            Coding coding = coding(side.getValue());
            sidesByCoding.put(coding.key(), Side.fromCode(side.getKey()));
            codingBySide.put(Side.fromCode(side.getKey()), coding);
        }
        JsonNode setting = root.path("setting");
        for (Iterator<Map.Entry<String, JsonNode>> it = setting.path("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> value = it.next();
            Setting s = Setting.fromCode(value.getKey());
            for (JsonNode c : value.getValue()) {
                settingsByCoding.put(coding(c).key(), s);
                codingBySetting.putIfAbsent(s, coding(c));
            }
        }
        String classSystem = setting.path("encounterClass").path("system").asText();
        setting.path("encounterClass").path("codes").fields().forEachRemaining(e ->
                settingsByEncounterClass.put(Coding.key(classSystem, e.getKey()), Setting.fromCode(e.getValue().asText())));
        JsonNode imaging = root.path("orderReview").path("lumbarSpineImaging");
        imaging.path("tests").forEach(t -> lumbarImagingTests.add(t.asText()));
        imaging.path("codes").forEach(c -> lumbarImagingCodes.add(coding(c)));
        imaging.path("overrideReasons").forEach(c -> imagingOverrideReasons.add(coding(c)));
        for (JsonNode f : root.path("fields")) {
            FindingPath path = FindingPath.fromPath(f.path("field").asText())
                    .orElseThrow(() -> new IllegalStateException("mapping names unknown field " + f.path("field")));
            if (path == FindingPath.RISK_FACTORS) {
                f.path("items").fields().forEachRemaining(item -> {
                    for (JsonNode c : item.getValue()) {
                        riskFactorsByCoding.put(coding(c).key(), item.getKey());
                        codingByRiskFactor.putIfAbsent(item.getKey(), coding(c));
                    }
                });
                continue;
            }
            if (!f.path("resource").asText().equals("Observation")) {
                continue;
            }
            JsonNode value = f.path("value");
            ValueType type = switch (value.path("type").asText()) {
                case "CodeableConcept" -> ValueType.CODEABLE_CONCEPT;
                case "integer" -> ValueType.INTEGER;
                case "Quantity" -> ValueType.QUANTITY;
                case "boolean" -> ValueType.BOOLEAN;
                default -> throw new IllegalStateException("unknown value type for " + path.path());
            };
            Map<String, String> valuesByCoding = new HashMap<>();
            Map<String, Coding> codingByValue = new LinkedHashMap<>();
            value.path("values").fields().forEachRemaining(v -> {
                for (JsonNode c : v.getValue()) {
                    valuesByCoding.put(coding(c).key(), v.getKey());
                    codingByValue.putIfAbsent(v.getKey(), coding(c));
                }
            });
            Optional<Coding> unit = type == ValueType.QUANTITY
                    ? Optional.of(new Coding(value.path("system").asText(), value.path("code").asText(),
                    value.path("unit").asText()))
                    : Optional.empty();
            List<Coding> codes = new ArrayList<>();
            f.path("codes").forEach(c -> codes.add(coding(c)));
            Field field = new Field(path, codes.get(0), f.path("laterality").asText().equals("required"), type,
                    Map.copyOf(valuesByCoding), codingByValue, value.path("min").asDouble(Double.NEGATIVE_INFINITY),
                    value.path("max").asDouble(Double.POSITIVE_INFINITY), unit);
            codes.forEach(c -> fieldsByCoding.put(c.key(), field));
            fieldsByPath.put(path, field);
        }
    }

    public static FhirMapping load() {
        try (InputStream in = FhirMapping.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not found");
            }
            byte[] bytes = in.readAllBytes();
            return new FhirMapping(bytes, new ObjectMapper().readTree(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Coding coding(JsonNode node) {
        return new Coding(node.path("system").asText(), node.path("code").asText(), node.path("display").asText());
    }

    /** The mapping file exactly as stored. */
    public byte[] document() {
        return document.clone();
    }

    public Optional<Field> field(String system, String code) {
        return Optional.ofNullable(fieldsByCoding.get(Coding.key(system, code)));
    }

    public Optional<Field> field(FindingPath path) {
        return Optional.ofNullable(fieldsByPath.get(path));
    }

    public Optional<Side> side(String system, String code) {
        return Optional.ofNullable(sidesByCoding.get(Coding.key(system, code)));
    }

    public Coding sideCoding(Side side) {
        return codingBySide.get(side);
    }

    public Optional<String> riskFactor(String system, String code) {
        return Optional.ofNullable(riskFactorsByCoding.get(Coding.key(system, code)));
    }

    public Map<String, Coding> riskFactorCodings() {
        return codingByRiskFactor;
    }

    public Optional<Setting> setting(String system, String code) {
        return Optional.ofNullable(settingsByCoding.get(Coding.key(system, code)));
    }

    public Map<Setting, Coding> settingCodings() {
        return codingBySetting;
    }

    public Optional<Setting> settingFromEncounterClass(String system, String code) {
        return Optional.ofNullable(settingsByEncounterClass.get(Coding.key(system, code)));
    }

    public Map<FindingPath, Field> fields() {
        return fieldsByPath;
    }

    /** The knowledge base's tests that a lumbar spine MRI or CT order stands for. */
    public List<String> lumbarImagingTests() {
        return List.copyOf(lumbarImagingTests);
    }

    /** Order codes of lumbar spine MRI or CT beyond those of the tests in the knowledge base. */
    public List<Coding> lumbarImagingCodes() {
        return List.copyOf(lumbarImagingCodes);
    }

    /** The reasons offered for keeping a lumbar imaging order the findings do not yet support. */
    public List<Coding> imagingOverrideReasons() {
        return List.copyOf(imagingOverrideReasons);
    }

    public Map<String, CodeSystemInfo> codeSystems() {
        return codeSystems;
    }

    public String codeSystemUrl(String id) {
        CodeSystemInfo info = codeSystems.get(id);
        if (info == null) {
            throw new IllegalArgumentException("no CodeSystem " + id);
        }
        return info.url();
    }
}
