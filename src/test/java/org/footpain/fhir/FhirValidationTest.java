package org.footpain.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.footpain.http.Roles;
import io.restassured.response.Response;
import org.footpain.fhir.MappedBundles.AgeAs;
import org.footpain.fhir.MappedBundles.Mapped;
import org.footpain.fhir.MappedBundles.Options;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the FHIR face returns is valid FHIR R4: answers, the served CodeSystems and error OperationOutcomes
 * are checked with HAPI's instance validator against the base R4 profiles (DefaultProfileValidationSupport,
 * in-memory terminology, HAPI's common code systems, snapshot generation), with the service's own CodeSystems,
 * as served, loaded beside them so that the codes the service writes in its own systems are checked too. No
 * error or fatal message is allowed; warnings (chiefly code systems such as ICD-10-CM, SNOMED CT or CPT the
 * validator cannot reach offline) are counted and printed.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT) // authentication itself: AuthenticationTest
class FhirValidationTest {

    private static final FhirContext FHIR = MappedBundles.FHIR;
    private static final String LOINC = "http://loinc.org";
    private static FhirValidator validator;
    private static final Map<String, Integer> WARNING_KINDS = new ConcurrentHashMap<>();

    private final MappedBundles mapped = MappedBundles.published();

    /** Built on first use, once the service runs: its CodeSystems are fetched from it. */
    private static synchronized FhirValidator validator() {
        if (validator == null) {
            PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(FHIR);
            MappedBundles.published().mapping().path("codeSystems").forEach(cs ->
                    own.addCodeSystem(codeSystem(cs.path("id").asText())));
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(FHIR),
                    own,
                    new InMemoryTerminologyServerValidationSupport(FHIR),
                    new CommonCodeSystemsTerminologyService(FHIR),
                    new SnapshotGeneratingValidationSupport(FHIR));
            FhirValidator v = FHIR.newValidator();
            v.registerValidatorModule(new FhirInstanceValidator(chain));
            validator = v;
        }
        return validator;
    }

    private static CodeSystem codeSystem(String id) {
        String body = given().get("/v1/fhir/CodeSystem/" + id).then().statusCode(200).extract().asString();
        return FHIR.newJsonParser().parseResource(CodeSystem.class, body);
    }

    // ---------------------------------------------------------------------------------------------------
    // answers

    @Test
    void emergency_cauda_equina_answer_is_valid_r4() {
        assertValidAnswer("dev-005", mapped.bundle(Vignettes.byId("dev-005").request(), Options.plain()), 18);
    }

    @Test
    void foot_vignette_answers_are_valid_r4() {
        // Morton neuroma (side-specific G57.6x), plantar fasciitis, rest-pain ischaemia (urgent, I70.20x)
        List<String> errors = new ArrayList<>();
        for (String id : List.of("dev-016", "dev-017", "dev-021")) {
            FhirAnswer answer = FhirAnswer.post(mapped.bundle(Vignettes.byId(id).request(),
                    Options.plain().withAge(AgeAs.BIRTH_DATE)).json());
            errors.addAll(validateAnswer(id, answer));
        }
        assertTrue(errors.isEmpty(), "foot answers are not valid R4:\n" + String.join("\n", errors));
    }

    @Test
    void answer_with_an_onset_date_an_unmapped_observation_and_an_unrelated_resource_is_valid_r4() {
        Mapped body = mapped.bundle(Vignettes.byId("dev-001").request(), Options.plain().withOnsetAsDate());
        Bundle bundle = body.bundle();
        bundle.addEntry().setFullUrl("urn:uuid:5b7a3f0e-2f4c-4d8e-9d7a-8a9f1b2c3d4e").setResource(bloodPressure(body));
        MedicationStatement medication = new MedicationStatement();
        medication.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        medication.setMedication(new CodeableConcept().setText("ibuprofen 400 mg"));
        medication.setSubject(new Reference(body.patientReference()));
        bundle.addEntry().setFullUrl("urn:uuid:0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f").setResource(medication);
        FhirAnswer answer = assertValidAnswer("dev-001 with onset date", body, 5);
        assertEquals(2, answer.notUsed().size(), "the blood pressure and the medication are listed as not used");
        assertTrue(answer.serviceRequests().stream().anyMatch(ServiceRequest::hasOccurrencePeriod),
                "a deferred test with an occurrencePeriod was validated");
    }

    @Test
    void answer_to_a_parameters_body_is_valid_r4() {
        assertValidAnswer("dev-010 as Parameters", mapped.parameters(Vignettes.byId("dev-010").request(),
                Options.plain()), 5);
    }

    @Test
    void answer_with_few_findings_and_a_warning_is_valid_r4() {
        JsonNode request = Vignettes.parse("{\"patient\":{\"ageYears\":16}}");
        FhirAnswer answer = assertValidAnswer("minimal, age 16", mapped.bundle(request, Options.plain()), 5);
        assertTrue(answer.warnings().contains("age-under-18"), answer.warnings().toString());
    }

    private FhirAnswer assertValidAnswer(String label, Mapped body, int limit) {
        FhirAnswer answer = FhirAnswer.post(body.json(), "?limit=" + limit);
        assertTrue(answer.riskAssessments().size() >= limit);
        List<String> errors = validateAnswer(label, answer);
        assertTrue(errors.isEmpty(), "the answer to " + label + " is not valid R4:\n" + String.join("\n", errors));
        return answer;
    }

    /** Validates the answer Bundle as a whole and each of its resources; returns the errors. */
    private List<String> validateAnswer(String label, FhirAnswer answer) {
        List<String> errors = new ArrayList<>();
        Map<String, Integer> warnings = new LinkedHashMap<>();
        collect(label + ": Bundle", answer.bundle(), errors, warnings);
        for (Bundle.BundleEntryComponent entry : answer.bundle().getEntry()) {
            Resource resource = entry.getResource();
            collect(label + ": " + resource.fhirType() + " " + entry.getFullUrl(), resource, errors, warnings);
        }
        System.out.printf("FHIR validation of the answer to %s: %d resources, %d errors, warnings %s%n", label,
                answer.bundle().getEntry().size(), errors.size(), warnings);
        return errors;
    }

    // ---------------------------------------------------------------------------------------------------
    // CodeSystems and errors

    @Test
    void every_served_codesystem_is_valid_r4() {
        List<String> errors = new ArrayList<>();
        Map<String, Integer> warnings = new LinkedHashMap<>();
        int n = 0;
        for (JsonNode cs : mapped.mapping().path("codeSystems")) {
            String id = cs.path("id").asText();
            collect("CodeSystem/" + id, codeSystem(id), errors, warnings);
            n++;
        }
        System.out.printf("FHIR validation of %d served CodeSystems: %d errors, warnings %s%n", n, errors.size(),
                warnings);
        assertTrue(n >= 9, "the mapping declares the service's CodeSystems");
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void error_operation_outcomes_are_valid_r4() {
        Mapped body = mapped.bundle(Vignettes.byId("dev-001").request(), Options.plain());
        Bundle unknownValue = body.bundle().copy();
        observation(unknownValue, "exam.reflexes.achilles").setValue(new CodeableConcept(
                new Coding(FhirAnswer.OWN + "finding-value", "gone", "Gone")));
        Bundle outOfRange = body.bundle().copy();
        observation(outOfRange, "exam.strength.anklePlantarflexion").setValue(new IntegerType(7));
        Bundle noPatient = body.bundle().copy();
        noPatient.getEntry().removeIf(e -> e.getResource().fhirType().equals("Patient"));
        Map<String, Response> errorAnswers = new LinkedHashMap<>();
        errorAnswers.put("plain text", FhirAnswer.raw("left leg hurts", ""));
        errorAnswers.put("a bare Patient", FhirAnswer.raw("{\"resourceType\":\"Patient\",\"gender\":\"male\"}", ""));
        errorAnswers.put("an unknown value", FhirAnswer.raw(MappedBundles.json(unknownValue), ""));
        errorAnswers.put("MRC 7", FhirAnswer.raw(MappedBundles.json(outOfRange), ""));
        errorAnswers.put("no Patient", FhirAnswer.raw(MappedBundles.json(noPatient), ""));
        errorAnswers.put("limit 0", FhirAnswer.raw(body.json(), "?limit=0"));
        errorAnswers.put("unknown CodeSystem", given().get("/v1/fhir/CodeSystem/no-such-thing"));
        List<String> errors = new ArrayList<>();
        Map<String, Integer> warnings = new LinkedHashMap<>();
        errorAnswers.forEach((label, response) -> {
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, label + ": " + response.statusCode());
            OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.asString());
            assertFalse(outcome.getIssue().isEmpty(), label);
            collect("OperationOutcome for " + label, outcome, errors, warnings);
        });
        System.out.printf("FHIR validation of %d error OperationOutcomes: %d errors, warnings %s%n",
                errorAnswers.size(), errors.size(), warnings);
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    // ---------------------------------------------------------------------------------------------------
    // the test's own inputs

    @Test
    void bodies_built_from_the_published_mapping_are_valid_r4() {
        List<String> errors = new ArrayList<>();
        Map<String, Integer> warnings = new LinkedHashMap<>();
        collect("dev-001 Bundle", mapped.bundle(Vignettes.byId("dev-001").request(),
                Options.plain().withAge(AgeAs.BIRTH_DATE).withOnsetAsDate()).body(), errors, warnings);
        collect("dev-005 Bundle", mapped.bundle(Vignettes.byId("dev-005").request(),
                Options.plain().withBilateralAsOne()).body(), errors, warnings);
        collect("dev-019 Parameters", mapped.parameters(Vignettes.byId("dev-019").request(), Options.plain()).body(),
                errors, warnings);
        System.out.printf("FHIR validation of the test's request bodies: %d errors, warnings %s%n", errors.size(),
                warnings);
        assertTrue(errors.isEmpty(), "the test sends invalid FHIR:\n" + String.join("\n", errors));
    }

    // ---------------------------------------------------------------------------------------------------

    private static void collect(String label, IBaseResource resource, List<String> errors,
                                Map<String, Integer> warnings) {
        ValidationResult result = validator().validateWithResult(resource);
        for (SingleValidationMessage message : result.getMessages()) {
            ResultSeverityEnum severity = message.getSeverity();
            if (severity == ResultSeverityEnum.ERROR || severity == ResultSeverityEnum.FATAL) {
                errors.add(label + ": " + severity + " at " + message.getLocationString() + ": " + message.getMessage());
            } else if (severity == ResultSeverityEnum.WARNING) {
                warnings.merge(resource.fhirType(), 1, Integer::sum);
                WARNING_KINDS.merge(kind(message.getMessage()), 1, Integer::sum);
            }
        }
    }

    /** A warning's message without the codes and values in it, to count warnings by kind. */
    private static String kind(String message) {
        String kind = message.replaceAll("urn:uuid:[0-9a-fA-F-]+", "urn:uuid:…").replaceAll("https?://[^\\s']+", "…")
                .replaceAll("'[^']*'", "'…'").replaceAll("\\([^)]*\\)", "(…)");
        return kind.length() > 110 ? kind.substring(0, 110) + "…" : kind;
    }

    @AfterAll
    static void printWarningKinds() {
        System.out.println("FHIR validation warnings by kind:");
        WARNING_KINDS.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
    }

    /** The first Observation of a field in a bundle built by MappedBundles. */
    private Observation observation(Bundle bundle, String field) {
        String code = mapped.fieldCoding(field).getCode();
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Observation o && o.getCode().getCodingFirstRep().getCode().equals(code))
                .map(r -> (Observation) r).findFirst().orElseThrow(() -> new AssertionError("no Observation of " + field));
    }

    /** A LOINC blood pressure panel: a vital sign the mapping does not cover. */
    static Observation bloodPressure(Mapped body) {
        Observation bp = new Observation();
        bp.setStatus(Observation.ObservationStatus.FINAL);
        bp.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                "vital-signs", "Vital Signs")));
        bp.setCode(new CodeableConcept(new Coding(LOINC, "85354-9", "Blood pressure panel with all children optional")));
        bp.setSubject(new Reference(body.patientReference()));
        bp.setEffective(new DateTimeType(body.today().toString()));
        bp.addComponent().setCode(new CodeableConcept(new Coding(LOINC, "8480-6", "Systolic blood pressure")))
                .setValue(new Quantity().setValue(new BigDecimal("142")).setUnit("mmHg")
                        .setSystem("http://unitsofmeasure.org").setCode("mm[Hg]"));
        bp.addComponent().setCode(new CodeableConcept(new Coding(LOINC, "8462-4", "Diastolic blood pressure")))
                .setValue(new Quantity().setValue(new BigDecimal("88")).setUnit("mmHg")
                        .setSystem("http://unitsofmeasure.org").setCode("mm[Hg]"));
        return bp;
    }
}
