package org.footpain.fhir;

import io.restassured.response.Response;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test helper: posts FHIR bodies to {@code POST /v1/fhir/assessments} and reads the answer Bundle with HAPI's
 * R4 model, by the service's own CodeSystem URLs (those the published mapping declares).
 */
public final class FhirAnswer {

    public static final String FHIR_JSON = "application/fhir+json";
    public static final String ASSESSMENTS = "/v1/fhir/assessments";
    public static final String OWN = "https://footpain.example/fhir/CodeSystem/";
    public static final String CONDITION_SYSTEM = OWN + "condition";
    public static final String DIAGNOSTIC_SYSTEM = OWN + "diagnostic";
    public static final String TRIAGE_REASON_SYSTEM = OWN + "triage-reason";
    public static final String TRIAGE_LEVEL_SYSTEM = OWN + "triage-level";
    public static final String WARNING_SYSTEM = OWN + "warning";

    private final Bundle bundle;
    private final String json;

    private FhirAnswer(String json) {
        this.json = json;
        this.bundle = MappedBundles.FHIR.newJsonParser().parseResource(Bundle.class, json);
    }

    /** Posts a body and expects a 200 FHIR Bundle. */
    public static FhirAnswer post(String body, String query) {
        Response response = raw(body, query);
        assertEquals(200, response.statusCode(), () -> "expected 200, got " + response.statusCode() + ": "
                + response.asString());
        assertTrue(response.contentType().startsWith(FHIR_JSON), response.contentType());
        return new FhirAnswer(response.asString());
    }

    public static FhirAnswer post(String body) {
        return post(body, "");
    }

    public static Response raw(String body, String query) {
        return given().contentType(FHIR_JSON).body(body).post(ASSESSMENTS + query);
    }

    public Bundle bundle() {
        return bundle;
    }

    public String json() {
        return json;
    }

    public <T extends Resource> List<T> all(Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    public List<RiskAssessment> riskAssessments() {
        return all(RiskAssessment.class);
    }

    public List<DetectedIssue> detectedIssues() {
        return all(DetectedIssue.class);
    }

    public List<ServiceRequest> serviceRequests() {
        return all(ServiceRequest.class);
    }

    public OperationOutcome outcome() {
        List<OperationOutcome> outcomes = all(OperationOutcome.class);
        assertEquals(1, outcomes.size(), "one OperationOutcome per answer");
        return outcomes.get(0);
    }

    /** The fullUrl of the entry holding this resource. */
    public String fullUrl(Resource resource) {
        return bundle.getEntry().stream().filter(e -> e.getResource() == resource).findFirst().orElseThrow()
                .getFullUrl();
    }

    /** RiskAssessments by the condition id of their outcome, in answer order. */
    public Map<String, RiskAssessment> byCondition() {
        Map<String, RiskAssessment> map = new LinkedHashMap<>();
        riskAssessments().forEach(r -> map.put(conditionId(r), r));
        return map;
    }

    /** Probability of each condition, in answer order. */
    public Map<String, Double> probabilities() {
        Map<String, Double> map = new LinkedHashMap<>();
        riskAssessments().forEach(r -> map.put(conditionId(r), probability(r)));
        return map;
    }

    public static String conditionId(RiskAssessment risk) {
        return code(risk.getPredictionFirstRep().getOutcome(), CONDITION_SYSTEM).orElseThrow(
                () -> new AssertionError("RiskAssessment outcome has no coding in " + CONDITION_SYSTEM));
    }

    public static double probability(RiskAssessment risk) {
        return risk.getPredictionFirstRep().getProbabilityDecimalType().getValue().doubleValue();
    }

    public static Set<String> references(List<Reference> references) {
        return references.stream().map(Reference::getReference).collect(Collectors.toCollection(
                LinkedHashSet::new));
    }

    public String triageLevel() {
        return outcome().getIssue().stream().map(i -> code(i.getDetails(), TRIAGE_LEVEL_SYSTEM))
                .flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new AssertionError("no triage level in the OperationOutcome"));
    }

    public List<String> triageReasons() {
        return detectedIssues().stream().map(d -> code(d.getCode(), TRIAGE_REASON_SYSTEM).orElseThrow()).toList();
    }

    public List<String> diagnostics() {
        return serviceRequests().stream().map(s -> code(s.getCode(), DIAGNOSTIC_SYSTEM).orElseThrow()).toList();
    }

    /** The "not used" issues of the OperationOutcome: their expressions. */
    public List<String> notUsed() {
        return outcome().getIssue().stream()
                .filter(i -> i.getCode() == OperationOutcome.IssueType.NOTSUPPORTED)
                .flatMap(i -> i.getExpression().stream().map(e -> e.getValue())).toList();
    }

    public List<String> warnings() {
        return outcome().getIssue().stream().map(i -> code(i.getDetails(), WARNING_SYSTEM))
                .flatMap(Optional::stream).toList();
    }

    public static Optional<String> code(CodeableConcept concept, String system) {
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem())).map(Coding::getCode)
                .findFirst();
    }
}
