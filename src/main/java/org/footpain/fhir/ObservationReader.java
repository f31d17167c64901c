package org.footpain.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import org.footpain.engine.Finding;
import org.footpain.engine.FindingValue;
import org.footpain.engine.Presentation;
import org.footpain.fhir.FhirInputException.Problem;
import org.footpain.fhir.FhirMapping.Field;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Setting;
import org.footpain.knowledge.Side;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an EHR's FHIR R4 body (a Bundle, or a Parameters of resources) into the engine's presentation, table-
 * driven by the published mapping: the Patient gives age and sex, Observations give findings (laterality in
 * bodySite), Conditions give risk factors, an Encounter or a {@code setting} parameter gives the setting.
 * Nothing is ignored silently: a resource the mapping does not cover is listed as not used; a mapped code with
 * a value the contract does not allow is an error naming the resource and element.
 */
public final class ObservationReader {

    /** A supplied resource that moved nothing, and why. */
    public record NotUsed(String expression, String reference, String reason) {
    }

    /**
     * What was read: the presentation, the reference of each finding's source resources, the patient, what was
     * not used, the parser's warnings, and the onset date when the EHR gave one.
     */
    public record FhirInput(Presentation presentation, Map<Finding, List<String>> sources, String patient,
                            List<NotUsed> notUsed, List<String> warnings, Optional<LocalDate> onset) {
    }

    private final FhirContext fhir;
    private final FhirMapping mapping;
    private final LocalDate today;

    public ObservationReader(FhirContext fhir, FhirMapping mapping, LocalDate today) {
        this.fhir = fhir;
        this.mapping = mapping;
        this.today = today;
    }

    /** A supplied resource: the resource, where it sits (FHIRPath into what was sent) and how to refer to it. */
    public record Supplied(Resource resource, String expression, String reference) {
        /** A resource from a FHIR server or a CDS Hooks prefetch, referred to by its type and id. */
        public static Supplied of(Resource resource, String expression) {
            return new Supplied(resource, expression, ObservationReader.reference(null, resource));
        }
    }

    public FhirInput read(String body) {
        List<String> warnings = new ArrayList<>();
        IBaseResource parsed = parse(body, warnings);
        List<Supplied> entries = new ArrayList<>();
        Optional<Setting> settingParameter = Optional.empty();
        if (parsed instanceof Bundle bundle) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
                if (entry.getResource() != null) {
                    entries.add(new Supplied(entry.getResource(), "Bundle.entry[" + i + "].resource",
                            reference(entry.getFullUrl(), entry.getResource())));
                }
            }
        } else if (parsed instanceof Parameters parameters) {
            for (int i = 0; i < parameters.getParameter().size(); i++) {
                Parameters.ParametersParameterComponent parameter = parameters.getParameter().get(i);
                String where = "Parameters.parameter[" + i + "]";
                if (parameter.getResource() != null) {
                    Resource resource = parameter.getResource();
                    entries.add(new Supplied(resource, where + ".resource", reference(null, resource)));
                } else if ("setting".equals(parameter.getName()) && parameter.getValue() != null) {
                    String code = parameter.getValue().primitiveValue();
                    settingParameter = Optional.of(settingCode(code, where + ".value"));
                } else {
                    throw new FhirInputException(IssueType.NOTSUPPORTED, where,
                            "parameter " + parameter.getName() + " is not understood: give resources, or setting");
                }
            }
        } else {
            throw new FhirInputException(IssueType.NOTSUPPORTED, parsed.fhirType(),
                    "expected a Bundle or a Parameters holding the Patient, Observations and Conditions, not a "
                            + parsed.fhirType());
        }
        return read(entries, settingParameter, warnings);
    }

    /**
     * Reads resources gathered elsewhere, such as a CDS Hooks prefetch or a FHIR search, exactly as the
     * resources of a posted Bundle are read.
     */
    public FhirInput read(List<Supplied> resources, List<String> warnings) {
        return read(resources, Optional.empty(), warnings);
    }

    /** Parses one FHIR R4 resource in JSON; the parser's complaints go to {@code warnings}, never to the log. */
    public IBaseResource parse(String body, List<String> warnings) {
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new CollectingErrorHandler(warnings));
        try {
            return parser.parseResource(body);
        } catch (FhirInputException e) {
            throw e; // the error handler's own, naming the element
        } catch (DataFormatException e) {
            throw new FhirInputException(IssueType.STRUCTURE, "$", "not a FHIR R4 resource in JSON: "
                    + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new FhirInputException(IssueType.STRUCTURE, "$", "not a FHIR R4 resource in JSON");
        }
    }

    private FhirInput read(List<Supplied> entries, Optional<Setting> settingParameter, List<String> warnings) {
        List<Problem> problems = new ArrayList<>();
        List<NotUsed> notUsed = new ArrayList<>();
        Map<String, FindingSource> findings = new LinkedHashMap<>();
        List<Supplied> patients = entries.stream().filter(e -> e.resource() instanceof Patient).toList();
        if (patients.isEmpty()) {
            throw new FhirInputException(IssueType.REQUIRED, "Bundle.entry", "the body holds no Patient");
        }
        if (patients.size() > 1) {
            throw new FhirInputException(IssueType.BUSINESSRULE, patients.get(1).expression(),
                    "the body holds more than one Patient; an assessment is for one patient");
        }
        Supplied patientEntry = patients.get(0);
        Patient patient = (Patient) patientEntry.resource();
        Setting setting = settingParameter.orElse(null);
        String settingFrom = "the setting parameter";
        Optional<LocalDate> onset = Optional.empty();
        for (Supplied entry : entries) {
            Resource resource = entry.resource();
            if (resource instanceof Patient) {
                continue;
            }
            Reference subject = resource instanceof Observation o ? o.getSubject()
                    : resource instanceof Condition c ? c.getSubject() : null;
            if (subject != null && !about(subject, patientEntry)) {
                // a finding about someone else must never move this patient's assessment
                problems.add(new Problem(IssueType.BUSINESSRULE, entry.expression() + ".subject",
                        "refers to another patient than the Patient of the body"));
                continue;
            }
            if (resource instanceof Observation observation) {
                Optional<LocalDate> observedOnset = observation(observation, entry, findings, notUsed, problems);
                onset = onset.or(() -> observedOnset);
            } else if (resource instanceof Condition condition) {
                condition(condition, entry, findings, notUsed);
            } else if (resource instanceof Encounter encounter) {
                Optional<Setting> fromEncounter = setting(encounter);
                if (fromEncounter.isEmpty()) {
                    notUsed.add(new NotUsed(entry.expression(), entry.reference(),
                            "Encounter class or service type does not name a setting this service knows"));
                } else if (setting == null) {
                    setting = fromEncounter.get();
                    settingFrom = entry.expression();
                } else if (setting != fromEncounter.get()) {
                    // the setting selects the priors: two that disagree cannot both be honoured
                    problems.add(new Problem(IssueType.BUSINESSRULE, entry.expression(), "names the setting "
                            + fromEncounter.get().code() + ", but " + settingFrom + " already gives "
                            + setting.code()));
                }
            } else {
                notUsed.add(new NotUsed(entry.expression(), entry.reference(),
                        resource.fhirType() + " is not used by this assessment"));
            }
        }
        if (!problems.isEmpty()) {
            throw new FhirInputException(problems);
        }
        if (!findings.containsKey(key(Finding.count(FindingPath.AGE, Side.UNSIDED, 0)))) {
            if (!patient.hasBirthDate()) {
                throw new FhirInputException(IssueType.REQUIRED, patientEntry.expression() + ".birthDate",
                        "the patient's age is required: give Patient.birthDate or an Observation of patient.ageYears");
            }
            LocalDate born = patient.getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            int age = Period.between(born, today).getYears();
            if (age < 0 || age > 120) {
                throw new FhirInputException(IssueType.VALUE, patientEntry.expression() + ".birthDate",
                        "gives an age of " + age + ", outside 0-120");
            }
            add(findings, Finding.count(FindingPath.AGE, Side.UNSIDED, age), patientEntry, problems);
        }
        if (patient.hasGender()) {
            add(findings, Finding.item(FindingPath.SEX, patient.getGender().toCode()), patientEntry, problems);
        }
        if (!problems.isEmpty()) {
            throw new FhirInputException(problems);
        }
        Map<Finding, List<String>> sources = new LinkedHashMap<>();
        findings.values().forEach(s -> sources.put(s.finding(), s.references()));
        Presentation presentation = new Presentation(setting == null ? Setting.DEFAULT : setting,
                new ArrayList<>(sources.keySet()));
        return new FhirInput(presentation, sources, patientEntry.reference(), notUsed, warnings, onset);
    }

    /** A finding and the resources it was read from. */
    private record FindingSource(Finding finding, List<String> references) {
    }

    private Optional<LocalDate> observation(Observation observation, Supplied entry, Map<String, FindingSource> findings,
                                            List<NotUsed> notUsed, List<Problem> problems) {
        Optional<Field> mapped = observation.getCode().getCoding().stream()
                .map(c -> mapping.field(c.getSystem(), c.getCode())).flatMap(Optional::stream).findFirst();
        if (mapped.isEmpty()) {
            notUsed.add(new NotUsed(entry.expression(), entry.reference(),
                    "Observation code " + describe(observation.getCode()) + " is not in the mapping"));
            return Optional.empty();
        }
        Field field = mapped.get();
        Observation.ObservationStatus status = observation.getStatus();
        if (status == Observation.ObservationStatus.ENTEREDINERROR || status == Observation.ObservationStatus.CANCELLED) {
            notUsed.add(new NotUsed(entry.expression(), entry.reference(), "Observation status is " + status.toCode()));
            return Optional.empty();
        }
        if (!observation.hasValue()) {
            // absent is not normal: an Observation without a value (dataAbsentReason) says nothing
            notUsed.add(new NotUsed(entry.expression(), entry.reference(), "Observation of " + field.path().path()
                    + " has no value" + (observation.hasDataAbsentReason() ? " (dataAbsentReason)" : "")));
            return Optional.empty();
        }
        Side side = Side.UNSIDED;
        if (field.sided()) {
            Optional<Side> found = observation.getBodySite().getCoding().stream()
                    .map(c -> mapping.side(c.getSystem(), c.getCode())).flatMap(Optional::stream).findFirst();
            if (found.isEmpty()) {
                problems.add(new Problem(IssueType.REQUIRED, entry.expression() + ".bodySite",
                        field.path().path() + " is examined per leg: bodySite must carry SNOMED CT laterality"
                                + " (7771000 left, 24028007 right, 51440002 bilateral)"));
                return Optional.empty();
            }
            side = found.get();
        }
        Type value = observation.getValue();
        String where = entry.expression() + ".value";
        if (field.path() == FindingPath.DURATION_WEEKS && value instanceof DateTimeType onsetDate) {
            LocalDate onset = onsetDate.getValue().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            long days = ChronoUnit.DAYS.between(onset, today);
            if (days < 0) {
                problems.add(new Problem(IssueType.VALUE, where, "the onset date is in the future"));
                return Optional.empty();
            }
            double weeks = Math.min(days / 7.0, field.max());
            add(findings, Finding.measure(FindingPath.DURATION_WEEKS, Side.UNSIDED, weeks), entry, problems);
            return Optional.of(onset);
        }
        Optional<FindingValue> read = value(field, value, where, problems);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        for (Finding finding : findings(field.path(), side, read.get())) {
            add(findings, finding, entry, problems);
        }
        return Optional.empty();
    }

    /** A bilateral finding on both legs becomes one finding per leg; a sensory-loss item keeps "bilateral". */
    private static List<Finding> findings(FindingPath path, Side side, FindingValue value) {
        if (path.shape() == FindingPath.Shape.BILATERAL && side == Side.BILATERAL) {
            return List.of(new Finding(path, Side.LEFT, value), new Finding(path, Side.RIGHT, value));
        }
        return List.of(new Finding(path, side, value));
    }

    private static Optional<FindingValue> value(Field field, Type value, String where, List<Problem> problems) {
        String path = field.path().path();
        switch (field.valueType()) {
            case CODEABLE_CONCEPT -> {
                if (!(value instanceof CodeableConcept concept)) {
                    problems.add(new Problem(IssueType.VALUE, where, path + " takes valueCodeableConcept"));
                    return Optional.empty();
                }
                Optional<String> code = concept.getCoding().stream()
                        .map(c -> field.valuesByCoding().get(FhirMapping.Coding.key(c.getSystem(), c.getCode())))
                        .filter(v -> v != null).findFirst();
                if (code.isEmpty()) {
                    problems.add(new Problem(IssueType.VALUE, where + "CodeableConcept",
                            describe(concept) + " is not a value of " + path + " (one of "
                                    + String.join(", ", field.codingByValue().keySet()) + ")"));
                    return Optional.empty();
                }
                return Optional.of(new FindingValue.Code(code.get()));
            }
            case INTEGER -> {
                Optional<Integer> number = Optional.empty();
                if (value instanceof IntegerType integer) {
                    number = Optional.of(integer.getValue());
                } else if (field.path() == FindingPath.AGE && value instanceof Quantity quantity
                        && "a".equals(quantity.getCode()) && quantity.hasValue()
                        && quantity.getValue().stripTrailingZeros().scale() <= 0) {
                    number = Optional.of(quantity.getValue().intValueExact());
                }
                if (number.isEmpty()) {
                    problems.add(new Problem(IssueType.VALUE, where, path + " takes valueInteger"));
                    return Optional.empty();
                }
                if (number.get() < field.min() || number.get() > field.max()) {
                    problems.add(new Problem(IssueType.VALUE, where + "Integer", path + " must lie in "
                            + (int) field.min() + "-" + (int) field.max() + ", not " + number.get()));
                    return Optional.empty();
                }
                return Optional.of(new FindingValue.Count(number.get()));
            }
            case QUANTITY -> {
                FhirMapping.Coding unit = field.unit().orElseThrow();
                if (!(value instanceof Quantity quantity) || !quantity.hasValue()) {
                    problems.add(new Problem(IssueType.VALUE, where, path + " takes valueQuantity in UCUM '"
                            + unit.code() + "'"));
                    return Optional.empty();
                }
                if (!unit.code().equals(quantity.getCode()) || (quantity.hasSystem()
                        && !unit.system().equals(quantity.getSystem()))) {
                    problems.add(new Problem(IssueType.VALUE, where + "Quantity.code", path + " is given in UCUM '"
                            + unit.code() + "' (" + unit.display() + "), not '" + quantity.getCode() + "'"));
                    return Optional.empty();
                }
                BigDecimal number = quantity.getValue();
                if (number.doubleValue() < field.min() || number.doubleValue() > field.max()) {
                    problems.add(new Problem(IssueType.VALUE, where + "Quantity.value", path + " must lie in "
                            + field.min() + "-" + field.max() + ", not " + number.toPlainString()));
                    return Optional.empty();
                }
                return Optional.of(new FindingValue.Measure(number.doubleValue()));
            }
            case BOOLEAN -> {
                if (!(value instanceof BooleanType bool) || !bool.hasValue()) {
                    problems.add(new Problem(IssueType.VALUE, where, path + " takes valueBoolean"));
                    return Optional.empty();
                }
                return Optional.of(new FindingValue.Flag(bool.booleanValue()));
            }
            default -> throw new IllegalStateException(field.valueType().toString());
        }
    }

    private void condition(Condition condition, Supplied entry, Map<String, FindingSource> findings, List<NotUsed> notUsed) {
        Optional<String> riskFactor = condition.getCode().getCoding().stream()
                .map(c -> mapping.riskFactor(c.getSystem(), c.getCode())).flatMap(Optional::stream).findFirst();
        if (riskFactor.isEmpty()) {
            notUsed.add(new NotUsed(entry.expression(), entry.reference(),
                    "Condition code " + describe(condition.getCode()) + " is not a risk factor in the mapping"));
            return;
        }
        String clinical = condition.getClinicalStatus().getCodingFirstRep().getCode();
        String verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
        if ((clinical != null && !List.of("active", "recurrence", "relapse").contains(clinical))
                || (verification != null && List.of("refuted", "entered-in-error").contains(verification))) {
            notUsed.add(new NotUsed(entry.expression(), entry.reference(), "Condition " + riskFactor.get()
                    + " is not current (clinicalStatus " + clinical + ", verificationStatus " + verification + ")"));
            return;
        }
        add(findings, Finding.item(FindingPath.RISK_FACTORS, riskFactor.get()), entry, new ArrayList<>());
    }

    private Optional<Setting> setting(Encounter encounter) {
        for (CodeableConcept type : List.of(encounter.getServiceType())) {
            for (Coding coding : type.getCoding()) {
                Optional<Setting> setting = mapping.setting(coding.getSystem(), coding.getCode());
                if (setting.isPresent()) {
                    return setting;
                }
            }
        }
        Coding encounterClass = encounter.getClass_();
        return mapping.settingFromEncounterClass(encounterClass.getSystem(), encounterClass.getCode());
    }

    private Setting settingCode(String code, String where) {
        try {
            return Setting.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new FhirInputException(IssueType.VALUE, where, "setting must be one of primary-care, spine-clinic,"
                    + " foot-and-ankle-clinic, emergency-department, not " + code);
        }
    }

    /**
     * Records a finding and its source; the same finding from two resources is one finding with two sources,
     * two different values for one finding are an error.
     */
    private static void add(Map<String, FindingSource> findings, Finding finding, Supplied entry, List<Problem> problems) {
        String key = key(finding);
        FindingSource existing = findings.get(key);
        if (existing == null) {
            findings.put(key, new FindingSource(finding, new ArrayList<>(List.of(entry.reference()))));
        } else if (existing.finding().equals(finding)) {
            if (!existing.references().contains(entry.reference())) {
                existing.references().add(entry.reference());
            }
        } else {
            problems.add(new Problem(IssueType.CONFLICT, entry.expression(), "gives another value for "
                    + finding.path().path() + (finding.side() == Side.UNSIDED ? "" : " on the " + finding.side().code())
                    + " than an earlier resource"));
        }
    }

    /** Findings that may appear once: one value per path and leg; set and list items by their value. */
    private static String key(Finding finding) {
        FindingPath.Shape shape = finding.path().shape();
        String base = finding.path().path() + "/" + finding.side();
        return shape == FindingPath.Shape.SET || shape == FindingPath.Shape.SIDED_LIST
                ? base + "/" + ((FindingValue.Code) finding.value()).code() : base;
    }

    /** Whether a subject reference names the Patient supplied (by fullUrl or Patient/id); no reference says nothing. */
    private static boolean about(Reference subject, Supplied patient) {
        if (!subject.hasReference()) {
            return true;
        }
        String ref = subject.getReference();
        String id = patient.resource().getIdElement().getIdPart();
        if (ref.equals(patient.reference())) {
            return true;
        }
        if (id != null && (ref.equals("Patient/" + id) || ref.endsWith("/Patient/" + id))) {
            return true;
        }
        // a patient the body does not identify cannot be told apart from another: only references to other ids fail
        return patient.reference().isEmpty() && id == null;
    }

    private static String reference(String fullUrl, Resource resource) {
        if (fullUrl != null && !fullUrl.isBlank()) {
            return fullUrl;
        }
        if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
            return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        }
        return "";
    }

    private static String describe(CodeableConcept concept) {
        if (concept.getCoding().isEmpty()) {
            return concept.hasText() ? "'" + concept.getText() + "'" : "(none)";
        }
        Coding c = concept.getCodingFirstRep();
        return c.getSystem() + "|" + c.getCode();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // HAPI prefixes its messages with an internal code such as "HAPI-1861: "
        return line.replaceFirst("^HAPI-[0-9]+: ", "");
    }

    /** Keeps the parser's complaints as warnings for the answer instead of logging them (they may quote data). */
    private static final class CollectingErrorHandler implements IParserErrorHandler {
        private final List<String> warnings;

        CollectingErrorHandler(List<String> warnings) {
            this.warnings = warnings;
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            warnings.add("a contained resource has no id");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            throw new FhirInputException(IssueType.STRUCTURE, elementName, "element " + elementName
                    + " has the wrong JSON type (expected " + expected + ", found " + found + ")");
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            String where = location == null || location.getParentElementName() == null ? "$"
                    : location.getParentElementName();
            throw new FhirInputException(IssueType.VALUE, where, "invalid value in " + where + ": " + error);
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String element) {
            warnings.add("a required element is missing: " + element);
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            throw new FhirInputException(IssueType.STRUCTURE, elementName, "element " + elementName
                    + " may not repeat");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
            warnings.add("unknown attribute " + attributeName + " was not read");
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            warnings.add("unknown element " + elementName + " was not read");
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            warnings.add("a reference could not be resolved inside the body");
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            warnings.add("an internal reference does not resolve");
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            warnings.add("an extension has both a value and nested extensions");
        }
    }
}
