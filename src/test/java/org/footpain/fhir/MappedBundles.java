package org.footpain.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Test helper: turns a request of the JSON contract (a vignette's {@code request}) into the FHIR R4 body an EHR
 * would send, reading only the published mapping ({@code fhir/mapping.json} on the classpath, the file
 * {@code GET /v1/fhir/mapping} serves). It deliberately does not use the service's FhirMapping or
 * ObservationReader: the round trip then checks the reader against the published document, not against itself.
 * A request field the mapping does not cover fails here, loudly, rather than being left out of the bundle.
 *
 * <p>What is built: a Patient (gender from {@code patient.sex}; the age as an Observation of
 * {@code patient.ageYears} or as {@code Patient.birthDate}), one Observation per finding (code: the field's first
 * coding; bodySite: the laterality coding for per-leg fields and sided list items; the value as the mapping types
 * it), one Observation per set item, one active Condition per risk factor, and the setting as an Encounter with
 * serviceType (or, in a Parameters body, a {@code setting} parameter). Each built resource remembers the request
 * paths and the evidence (finding and value, as the JSON API names them) it carries, so tests can check which
 * resources an answer refers to.
 */
public final class MappedBundles {

    public static final String MAPPING_RESOURCE = "fhir/mapping.json";
    public static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLINICAL_STATUS = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String VERIFICATION_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    /** How the patient's age is sent. */
    public enum AgeAs { OBSERVATION, BIRTH_DATE }

    /**
     * Choices an EHR may make: the age as an Observation or a birth date; the duration as a Quantity in weeks or
     * as the onset date (valueDateTime); a finding equal on both legs as two Observations or one with bilateral
     * bodySite.
     */
    public record Options(AgeAs age, boolean onsetAsDate, boolean bilateralAsOne) {
        public static Options plain() {
            return new Options(AgeAs.OBSERVATION, false, false);
        }

        public Options withAge(AgeAs age) {
            return new Options(age, onsetAsDate, bilateralAsOne);
        }

        public Options withOnsetAsDate() {
            return new Options(age, true, bilateralAsOne);
        }

        public Options withBilateralAsOne() {
            return new Options(age, onsetAsDate, true);
        }
    }

    /** A supplied finding as the JSON API's evidence names it: its path (side last) and its value, canonical. */
    public record EvidenceKey(String finding, String value) {
    }

    /**
     * One resource built from the request: how the answer refers to it, the request paths it carries
     * ({@code history.redFlags[0]}, {@code exam.reflexes.achilles.left}) and the evidence keys it supplies.
     */
    public record Made(Resource resource, String reference, List<String> requestPaths, List<EvidenceKey> evidence) {
    }

    /** The body built, the resources in it and the day it was built for (birth and onset dates count from it). */
    public record Mapped(IBaseResource body, List<Made> made, String patientReference, LocalDate today) {
        public String json() {
            return MappedBundles.json(body);
        }

        public Bundle bundle() {
            return (Bundle) body;
        }

        public Parameters parameters() {
            return (Parameters) body;
        }

        /** Every reference a resource of the body can be cited by. */
        public Set<String> references() {
            Set<String> references = new LinkedHashSet<>();
            made.forEach(m -> references.add(m.reference()));
            return references;
        }

        /** The resources carrying any of these request paths. */
        public Set<String> referencesForRequestPaths(List<String> paths) {
            Set<String> references = new LinkedHashSet<>();
            for (Made m : made) {
                if (m.requestPaths().stream().anyMatch(paths::contains)) {
                    references.add(m.reference());
                }
            }
            return references;
        }

        /** The resources supplying exactly this finding and value. */
        public Set<String> referencesFor(EvidenceKey key) {
            Set<String> references = new LinkedHashSet<>();
            made.stream().filter(m -> m.evidence().contains(key)).forEach(m -> references.add(m.reference()));
            return references;
        }

        /** The resources supplying any value of this finding (path, with the side last for per-leg findings). */
        public Set<String> referencesForFinding(String finding) {
            Set<String> references = new LinkedHashSet<>();
            made.stream().filter(m -> m.evidence().stream().anyMatch(e -> e.finding().equals(finding)))
                    .forEach(m -> references.add(m.reference()));
            return references;
        }
    }

    private final JsonNode mapping;
    private final Map<String, JsonNode> fields = new LinkedHashMap<>();

    private MappedBundles(JsonNode mapping) {
        this.mapping = mapping;
        mapping.path("fields").forEach(f -> fields.put(f.path("field").asText(), f));
    }

    /** The mapping as published: the file the service serves, read from the classpath. */
    public static MappedBundles published() {
        try (InputStream in = MappedBundles.class.getClassLoader().getResourceAsStream(MAPPING_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MAPPING_RESOURCE + " is not on the classpath");
            }
            return new MappedBundles(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode mapping() {
        return mapping;
    }

    public static String json(IBaseResource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    // ---------------------------------------------------------------------------------------------------
    // the two bodies

    /** A Bundle of type collection, each entry with a urn:uuid fullUrl; the setting as an Encounter. */
    public Mapped bundle(JsonNode request, Options options) {
        Builder builder = new Builder(options, false);
        builder.build(request);
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        for (Made m : builder.made) {
            bundle.addEntry().setFullUrl(m.reference()).setResource(m.resource());
        }
        return new Mapped(bundle, builder.made, builder.patientReference, builder.today);
    }

    /** A Parameters with one {@code resource} parameter per resource (each with an id) and a {@code setting}. */
    public Mapped parameters(JsonNode request, Options options) {
        Builder builder = new Builder(options, true);
        builder.build(request);
        Parameters parameters = new Parameters();
        for (Made m : builder.made) {
            parameters.addParameter().setName("resource").setResource(m.resource());
        }
        if (builder.setting != null) {
            parameters.addParameter().setName("setting").setValue(new CodeType(builder.setting));
        }
        return new Mapped(parameters, builder.made, builder.patientReference, builder.today);
    }

    // ---------------------------------------------------------------------------------------------------
    // codings read from the mapping

    /** The coding of a value of a field (the first the mapping lists). */
    public Coding valueCoding(String field, String value) {
        JsonNode codings = field(field).path("value").path("values").path(value);
        if (!codings.isArray() || codings.isEmpty()) {
            throw new IllegalArgumentException("the published mapping has no value " + value + " for " + field);
        }
        return coding(codings.get(0));
    }

    /** The Observation code of a field (its first coding). */
    public Coding fieldCoding(String field) {
        return coding(field(field).path("codes").get(0));
    }

    /** The bodySite coding of a side: left, right or bilateral. */
    public Coding sideCoding(String side) {
        JsonNode coding = mapping.path("laterality").path("codes").path(side);
        if (coding.isMissingNode()) {
            throw new IllegalArgumentException("the published mapping has no laterality " + side);
        }
        return coding(coding);
    }

    /** The Condition code of a risk factor. */
    public Coding riskFactorCoding(String riskFactor) {
        JsonNode codings = field("patient.riskFactors").path("items").path(riskFactor);
        if (!codings.isArray() || codings.isEmpty()) {
            throw new IllegalArgumentException("the published mapping has no risk factor " + riskFactor);
        }
        return coding(codings.get(0));
    }

    /** The unit of a Quantity field, as the mapping gives it. */
    public Quantity quantity(String field, BigDecimal value) {
        JsonNode v = field(field).path("value");
        return new Quantity().setValue(value).setUnit(v.path("unit").asText()).setSystem(v.path("system").asText())
                .setCode(v.path("code").asText());
    }

    public JsonNode field(String field) {
        JsonNode f = fields.get(field);
        if (f == null) {
            throw new IllegalArgumentException("the published mapping has no field " + field);
        }
        return f;
    }

    private static Coding coding(JsonNode node) {
        return new Coding(node.path("system").asText(), node.path("code").asText(), node.path("display").asText());
    }

    /** A JSON value as the evidence keys compare it: numbers without trailing zeros, objects with sorted keys. */
    public static String canonical(JsonNode value) {
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue().stripTrailingZeros();
            return number.signum() == 0 ? "0" : number.toPlainString();
        }
        if (value.isObject()) {
            Map<String, String> sorted = new TreeMap<>();
            value.fields().forEachRemaining(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            return sorted.toString();
        }
        return value.asText();
    }

    // ---------------------------------------------------------------------------------------------------

    /** Builds the resources of one body. */
    private final class Builder {
        private final Options options;
        private final boolean withIds;
        private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
        private final List<Made> made = new ArrayList<>();
        private final Patient patient = new Patient();
        private final List<String> patientPaths = new ArrayList<>();
        private final List<EvidenceKey> patientEvidence = new ArrayList<>();
        private String patientReference;
        private String setting;
        private int counter;

        Builder(Options options, boolean withIds) {
            this.options = options;
            this.withIds = withIds;
        }

        void build(JsonNode request) {
            if (!request.isObject()) {
                throw new IllegalArgumentException("a request is a JSON object");
            }
            patientReference = reference(patient, "patient");
            made.add(new Made(patient, patientReference, patientPaths, patientEvidence));
            walk("", request);
            if (patient.getBirthDate() == null && patientEvidence.stream()
                    .noneMatch(e -> e.finding().equals("patient.ageYears"))
                    && made.stream().noneMatch(m -> m.requestPaths().contains("patient.ageYears"))) {
                throw new IllegalArgumentException("the request gives no patient.ageYears");
            }
        }

        private void walk(String path, JsonNode node) {
            if (node == null || node.isNull()) {
                return;
            }
            if (path.equals("context.setting")) {
                setting(node.asText());
                return;
            }
            if (fields.containsKey(path)) {
                field(path, fields.get(path), node);
                return;
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException("the published mapping has no field for " + path);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> child = it.next();
                walk(path.isEmpty() ? child.getKey() : path + "." + child.getKey(), child.getValue());
            }
        }

        private void setting(String code) {
            JsonNode codings = mapping.path("setting").path("values").path(code);
            if (!codings.isArray() || codings.isEmpty()) {
                throw new IllegalArgumentException("the published mapping has no setting " + code);
            }
            setting = code;
            if (withIds) {
                return; // a Parameters body gives the setting as a parameter
            }
            Encounter encounter = new Encounter();
            encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
            JsonNode encounterClass = mapping.path("setting").path("encounterClass");
            String classCode = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = encounterClass.path("codes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().asText().equals(code) || (classCode == null
                        && e.getValue().asText().equals(mapping.path("setting").path("default").asText()))) {
                    classCode = e.getKey();
                }
            }
            encounter.setClass_(new Coding(encounterClass.path("system").asText(), classCode, null));
            encounter.setServiceType(new CodeableConcept(coding(codings.get(0))));
            encounter.setSubject(new Reference(patientReference));
            made.add(new Made(encounter, reference(encounter, "encounter"), List.of("context.setting"), List.of()));
        }

        private void field(String path, JsonNode field, JsonNode node) {
            String resource = field.path("resource").asText();
            switch (resource) {
                case "Patient" -> {
                    JsonNode gender = field.path("values").path(node.asText()).path("gender");
                    if (gender.isMissingNode()) {
                        throw new IllegalArgumentException("the published mapping has no " + path + " " + node);
                    }
                    patient.setGender(AdministrativeGender.fromCode(gender.asText()));
                    patientPaths.add(path);
                    patientEvidence.add(new EvidenceKey(path, canonical(node)));
                }
                case "Condition" -> {
                    for (int i = 0; i < node.size(); i++) {
                        String item = node.get(i).asText();
                        Condition condition = new Condition();
                        condition.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL_STATUS, "active", "Active")));
                        condition.setVerificationStatus(new CodeableConcept(
                                new Coding(VERIFICATION_STATUS, "confirmed", "Confirmed")));
                        condition.setCode(new CodeableConcept(riskFactorCoding(item)));
                        condition.setSubject(new Reference(patientReference));
                        made.add(new Made(condition, reference(condition, "condition"), List.of(path + "[" + i + "]"),
                                List.of(new EvidenceKey(path, item))));
                    }
                }
                case "Observation" -> observations(path, field, node);
                default -> throw new IllegalArgumentException("the published mapping sends " + path
                        + " as a " + resource + ", which this helper cannot build");
            }
        }

        private void observations(String path, JsonNode field, JsonNode node) {
            boolean sided = field.path("laterality").asText().equals("required");
            if (field.path("list").asBoolean()) {
                for (int i = 0; i < node.size(); i++) {
                    JsonNode item = node.get(i);
                    String side = item.path("side").asText();
                    String key = null;
                    for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
                        String name = names.next();
                        if (!name.equals("side")) {
                            key = name;
                        }
                    }
                    if (key == null || item.size() != 2) {
                        throw new IllegalArgumentException(path + "[" + i + "] is not an item with a side");
                    }
                    Observation o = observation(path, field, item.path(key));
                    o.setBodySite(new CodeableConcept(sideCoding(side)));
                    add(o, List.of(path + "[" + i + "]"), List.of(new EvidenceKey(path, canonical(item))));
                }
            } else if (field.path("set").asBoolean()) {
                for (int i = 0; i < node.size(); i++) {
                    add(observation(path, field, node.get(i)), List.of(path + "[" + i + "]"),
                            List.of(new EvidenceKey(path, canonical(node.get(i)))));
                }
            } else if (sided) {
                JsonNode left = node.path("left");
                JsonNode right = node.path("right");
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!name.equals("left") && !name.equals("right")) {
                        throw new IllegalArgumentException(path + "." + name + " is not a side");
                    }
                }
                boolean both = !left.isMissingNode() && !left.isNull() && !right.isMissingNode() && !right.isNull();
                if (options.bilateralAsOne() && both && canonical(left).equals(canonical(right))) {
                    Observation o = observation(path, field, left);
                    o.setBodySite(new CodeableConcept(sideCoding("bilateral")));
                    add(o, List.of(path + ".left", path + ".right"), List.of(
                            new EvidenceKey(path + ".left", canonical(left)),
                            new EvidenceKey(path + ".right", canonical(right))));
                    return;
                }
                for (String side : List.of("left", "right")) {
                    JsonNode value = node.path(side);
                    if (value.isMissingNode() || value.isNull()) {
                        continue;
                    }
                    Observation o = observation(path, field, value);
                    o.setBodySite(new CodeableConcept(sideCoding(side)));
                    add(o, List.of(path + "." + side), List.of(new EvidenceKey(path + "." + side, canonical(value))));
                }
            } else if (path.equals("patient.ageYears") && options.age() == AgeAs.BIRTH_DATE) {
                // born half a year before the birthday that gives this age today: no day-boundary ambiguity
                LocalDate born = today.minusYears(node.intValue()).minusMonths(6);
                patient.setBirthDateElement(new DateType(born.toString()));
                patientPaths.add(path);
                patientEvidence.add(new EvidenceKey(path, canonical(node)));
            } else {
                add(observation(path, field, node), List.of(path), List.of(new EvidenceKey(path, canonical(node))));
            }
        }

        private Observation observation(String path, JsonNode field, JsonNode value) {
            Observation o = new Observation();
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.setCode(new CodeableConcept(coding(field.path("codes").get(0))));
            o.setSubject(new Reference(patientReference));
            o.setValue(value(path, field.path("value"), value));
            return o;
        }

        private Type value(String path, JsonNode valueSpec, JsonNode value) {
            String type = valueSpec.path("type").asText();
            switch (type) {
                case "CodeableConcept" -> {
                    JsonNode codings = valueSpec.path("values").path(value.asText());
                    if (!value.isTextual() || !codings.isArray() || codings.isEmpty()) {
                        throw new IllegalArgumentException("the published mapping has no value " + value + " for " + path);
                    }
                    return new CodeableConcept(coding(codings.get(0)));
                }
                case "integer" -> {
                    if (!value.canConvertToExactIntegral()) {
                        throw new IllegalArgumentException(path + " is an integer, not " + value);
                    }
                    return new IntegerType(value.intValue());
                }
                case "Quantity" -> {
                    if (path.equals("history.durationWeeks") && options.onsetAsDate()) {
                        long days = Math.round(value.doubleValue() * 7);
                        return new DateTimeType(today.minusDays(days).toString());
                    }
                    return new Quantity().setValue(value.decimalValue()).setUnit(valueSpec.path("unit").asText())
                            .setSystem(valueSpec.path("system").asText()).setCode(valueSpec.path("code").asText());
                }
                case "boolean" -> {
                    if (!value.isBoolean()) {
                        throw new IllegalArgumentException(path + " is a boolean, not " + value);
                    }
                    return new BooleanType(value.booleanValue());
                }
                default -> throw new IllegalArgumentException("unknown value type " + type + " for " + path);
            }
        }

        private void add(Observation observation, List<String> requestPaths, List<EvidenceKey> evidence) {
            made.add(new Made(observation, reference(observation, "observation"), requestPaths, evidence));
        }

        /** A urn:uuid for a Bundle entry; in a Parameters body an id and a relative reference. */
        private String reference(Resource resource, String prefix) {
            if (withIds) {
                String id = prefix + "-" + (++counter);
                resource.setId(id);
                return resource.fhirType() + "/" + id;
            }
            return "urn:uuid:" + UUID.randomUUID();
        }
    }
}
