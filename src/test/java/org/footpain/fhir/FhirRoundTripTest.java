package org.footpain.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.footpain.http.Roles;
import org.footpain.fhir.MappedBundles.AgeAs;
import org.footpain.fhir.MappedBundles.EvidenceKey;
import org.footpain.fhir.MappedBundles.Mapped;
import org.footpain.fhir.MappedBundles.Options;
import org.footpain.fhir.Vignettes.Vignette;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FHIR face gives the JSON API's answer. Every vignette is converted to FHIR by {@link MappedBundles}, which
 * reads only the published mapping, and posted to {@code POST /v1/fhir/assessments}; its answer must carry the
 * same ranking, the same probabilities (exactly), the same triage level and reasons and the same suggested
 * diagnostics with their timings as the JSON API's answer to the vignette's request, and every reference in it
 * must point at the resources that were sent and moved the result.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT) // authentication itself: AuthenticationTest
class FhirRoundTripTest {

    private static final int ALL = 18;
    private static final String LATERALITY_EXTENSION = "https://footpain.example/fhir/StructureDefinition/laterality";
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String CPT = "http://www.ama-assn.org/go/cpt";
    private static final Map<String, ServiceRequest.ServiceRequestPriority> PRIORITY = Map.of(
            "emergent", ServiceRequest.ServiceRequestPriority.STAT,
            "urgent", ServiceRequest.ServiceRequestPriority.URGENT,
            "routine", ServiceRequest.ServiceRequestPriority.ROUTINE,
            "if-no-improvement", ServiceRequest.ServiceRequestPriority.ROUTINE);
    private static final Map<String, DetectedIssue.DetectedIssueSeverity> SEVERITY = Map.of(
            "emergency", DetectedIssue.DetectedIssueSeverity.HIGH,
            "urgent", DetectedIssue.DetectedIssueSeverity.MODERATE,
            "routine", DetectedIssue.DetectedIssueSeverity.LOW);

    private final MappedBundles mapped = MappedBundles.published();

    // ---------------------------------------------------------------------------------------------------
    // the round trip over every vignette

    @Test
    void every_vignette_sent_as_a_bundle_gets_the_json_apis_answer() {
        // the age alternates between an Observation and Patient.birthDate
        roundTrip("Bundle", (v, i) -> mapped.bundle(v.request(),
                Options.plain().withAge(i % 2 == 0 ? AgeAs.OBSERVATION : AgeAs.BIRTH_DATE)));
    }

    @Test
    void every_vignette_sent_as_parameters_with_a_setting_parameter_gets_the_json_apis_answer() {
        roundTrip("Parameters", (v, i) -> mapped.parameters(v.request(),
                Options.plain().withAge(i % 2 == 0 ? AgeAs.BIRTH_DATE : AgeAs.OBSERVATION)));
    }

    @Test
    void a_finding_equal_on_both_legs_may_come_as_one_observation_with_bilateral_body_site() {
        roundTrip("Bundle, bilateral bodySite", (v, i) -> mapped.bundle(v.request(),
                Options.plain().withBilateralAsOne()));
    }

    private void roundTrip(String variant, BiFunction<Vignette, Integer, Mapped> convert) {
        List<Vignette> vignettes = Vignettes.all();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < vignettes.size(); i++) {
            Vignette vignette = vignettes.get(i);
            JsonNode json = Vignettes.jsonAnswer(vignette.request(), ALL);
            Mapped body = convert.apply(vignette, i);
            FhirAnswer fhir = FhirAnswer.post(body.json(), "?limit=" + ALL);
            compare(json, fhir, body).forEach(p -> failures.add(vignette.id() + ": " + p));
        }
        System.out.printf("%n=== FHIR round trip (%s): %d vignettes, %d differences ===%n", variant, vignettes.size(),
                failures.size());
        failures.forEach(System.out::println);
        assertTrue(failures.isEmpty(), variant + ": the FHIR answer differs from the JSON API's:\n"
                + String.join("\n", failures));
    }

    /** Every difference between the JSON API's answer and the FHIR answer to the same patient. */
    private static List<String> compare(JsonNode json, FhirAnswer fhir, Mapped body) {
        List<String> problems = new ArrayList<>();
        Set<String> sent = body.references();

        // ranking, probabilities, laterality, codes, basis
        List<String> jsonIds = new ArrayList<>();
        json.path("differential").forEach(c -> jsonIds.add(c.path("condition").path("id").asText()));
        List<RiskAssessment> risks = fhir.riskAssessments();
        List<String> fhirIds = risks.stream().map(FhirAnswer::conditionId).toList();
        if (!jsonIds.equals(fhirIds)) {
            problems.add("ranking " + fhirIds + " expected " + jsonIds);
        }
        Map<String, RiskAssessment> byCondition = fhir.byCondition();
        for (JsonNode ranked : json.path("differential")) {
            String id = ranked.path("condition").path("id").asText();
            RiskAssessment risk = byCondition.get(id);
            if (risk == null) {
                problems.add("no RiskAssessment for " + id);
                continue;
            }
            double p = FhirAnswer.probability(risk);
            if (p != ranked.path("probability").doubleValue()) {
                problems.add(id + " probability " + p + " expected " + ranked.path("probability").doubleValue());
            }
            RiskAssessment.RiskAssessmentPredictionComponent prediction = risk.getPredictionFirstRep();
            Extension laterality = prediction.getExtensionByUrl(LATERALITY_EXTENSION);
            String side = laterality == null ? null : laterality.getValue().primitiveValue();
            if (!ranked.path("laterality").asText().equals(side)) {
                problems.add(id + " laterality " + side + " expected " + ranked.path("laterality").asText());
            }
            List<String> expectedCodes = new ArrayList<>();
            ranked.path("condition").path("codes").forEach(c ->
                    expectedCodes.add(c.path("system").asText() + "|" + c.path("code").asText()));
            List<String> codes = prediction.getOutcome().getCoding().stream()
                    .filter(c -> !FhirAnswer.CONDITION_SYSTEM.equals(c.getSystem()))
                    .map(c -> c.getSystem() + "|" + c.getCode()).toList();
            if (!codes.equals(expectedCodes)) {
                problems.add(id + " outcome codes " + codes + " expected " + expectedCodes);
            }
            if (!prediction.hasRationale() || prediction.getRationale().isBlank()) {
                problems.add(id + " has no rationale");
            }
            if (!body.patientReference().equals(risk.getSubject().getReference())) {
                problems.add(id + " subject " + risk.getSubject().getReference() + " is not the patient sent");
            }
            problems.addAll(basisProblems(id, ranked, FhirAnswer.references(risk.getBasis()), body, sent));
        }

        // triage
        String level = json.path("triage").path("level").asText();
        if (!level.equals(fhir.triageLevel())) {
            problems.add("triage " + fhir.triageLevel() + " expected " + level);
        }
        List<String> jsonReasons = new ArrayList<>();
        json.path("triage").path("reasons").forEach(r -> jsonReasons.add(r.path("code").asText()));
        if (!jsonReasons.equals(fhir.triageReasons())) {
            problems.add("triage reasons " + fhir.triageReasons() + " expected " + jsonReasons);
        } else {
            List<DetectedIssue> issues = fhir.detectedIssues();
            for (int i = 0; i < issues.size(); i++) {
                JsonNode reason = json.path("triage").path("reasons").get(i);
                DetectedIssue issue = issues.get(i);
                String code = reason.path("code").asText();
                if (issue.getSeverity() != SEVERITY.get(reason.path("level").asText())) {
                    problems.add("DetectedIssue " + code + " severity " + issue.getSeverity() + " for a "
                            + reason.path("level").asText() + " reason");
                }
                List<String> findings = new ArrayList<>();
                reason.path("findings").forEach(f -> findings.add(f.asText()));
                Set<String> implicated = FhirAnswer.references(issue.getImplicated());
                Set<String> expected = body.referencesForRequestPaths(findings);
                if (!implicated.equals(expected)) {
                    problems.add("DetectedIssue " + code + " implicates " + implicated + " expected " + expected
                            + " (the resources of " + findings + ")");
                }
                if (!body.patientReference().equals(issue.getPatient().getReference())) {
                    problems.add("DetectedIssue " + code + " patient is not the patient sent");
                }
            }
        }

        // suggested diagnostics
        List<String> jsonTests = new ArrayList<>();
        json.path("suggestedDiagnostics").forEach(d -> jsonTests.add(d.path("id").asText()));
        if (!jsonTests.equals(fhir.diagnostics())) {
            problems.add("diagnostics " + fhir.diagnostics() + " expected " + jsonTests);
        } else {
            List<ServiceRequest> requests = fhir.serviceRequests();
            for (int i = 0; i < requests.size(); i++) {
                problems.addAll(serviceRequestProblems(json.path("suggestedDiagnostics").get(i), requests.get(i),
                        fhir, body));
            }
        }
        return problems;
    }

    /**
     * The basis of a RiskAssessment is exactly the resources that moved it: every resource supplying a finding the
     * JSON API lists as evidence, and nothing else. A published cluster names its components by path only (a set
     * item without its value), so any resource of a component's path may stand for it, and each component must be
     * represented.
     */
    private static List<String> basisProblems(String id, JsonNode ranked, Set<String> basis, Mapped body,
                                              Set<String> sent) {
        List<String> problems = new ArrayList<>();
        Set<String> required = new LinkedHashSet<>();
        Set<String> allowed = new LinkedHashSet<>();
        for (JsonNode evidence : ranked.path("evidence")) {
            String finding = evidence.path("finding").asText();
            if (finding.startsWith("cluster:")) {
                for (JsonNode component : evidence.path("components")) {
                    Set<String> candidates = body.referencesForFinding(component.asText());
                    allowed.addAll(candidates);
                    if (candidates.stream().noneMatch(basis::contains)) {
                        problems.add(id + " basis has no resource for " + finding + " component " + component.asText());
                    }
                }
                continue;
            }
            Set<String> sources = body.referencesFor(new EvidenceKey(finding,
                    MappedBundles.canonical(evidence.path("value"))));
            if (sources.isEmpty()) {
                problems.add(id + " evidence " + finding + "=" + evidence.path("value") + " matches no resource sent");
            }
            required.addAll(sources);
            allowed.addAll(sources);
        }
        Set<String> foreign = new LinkedHashSet<>(basis);
        foreign.removeAll(sent);
        if (!foreign.isEmpty()) {
            problems.add(id + " basis references resources that were not sent: " + foreign);
        }
        Set<String> missing = new LinkedHashSet<>(required);
        missing.removeAll(basis);
        if (!missing.isEmpty()) {
            problems.add(id + " basis lacks " + missing + " though they moved it");
        }
        Set<String> extra = new LinkedHashSet<>(basis);
        extra.removeAll(allowed);
        extra.removeAll(foreign);
        if (!extra.isEmpty()) {
            problems.add(id + " basis cites " + extra + " though they did not move it");
        }
        return problems;
    }

    private static List<String> serviceRequestProblems(JsonNode diagnostic, ServiceRequest request, FhirAnswer fhir,
                                                       Mapped body) {
        List<String> problems = new ArrayList<>();
        String id = diagnostic.path("id").asText();
        String timing = diagnostic.path("timing").asText();
        if (request.getPriority() != PRIORITY.get(timing)) {
            problems.add(id + " priority " + request.getPriority() + " for timing " + timing);
        }
        if (request.getIntent() != ServiceRequest.ServiceRequestIntent.PROPOSAL
                || request.getStatus() != ServiceRequest.ServiceRequestStatus.DRAFT) {
            problems.add(id + " is " + request.getStatus() + " " + request.getIntent() + ", not a draft proposal");
        }
        List<String> codes = request.getCode().getCoding().stream()
                .filter(c -> !FhirAnswer.DIAGNOSTIC_SYSTEM.equals(c.getSystem()))
                .map(c -> c.getSystem() + "|" + c.getCode()).toList();
        List<String> expectedCodes = new ArrayList<>();
        diagnostic.path("codes").forEach(c -> expectedCodes.add(c.path("system").asText() + "|" + c.path("code").asText()));
        if (!codes.equals(expectedCodes)) {
            problems.add(id + " codes " + codes + " expected " + expectedCodes);
        }
        if (timing.equals("if-no-improvement")) {
            String weeks = diagnostic.path("afterWeeks").asText();
            boolean noted = request.getNote().stream().map(Annotation::getText)
                    .anyMatch(t -> t.contains(weeks + " weeks") && t.toLowerCase().contains("improve"));
            if (!noted) {
                problems.add(id + " is if-no-improvement after " + weeks + " weeks but no note says so");
            }
        }
        Set<String> expectedReasons = new LinkedHashSet<>();
        Map<String, RiskAssessment> byCondition = fhir.byCondition();
        diagnostic.path("forConditions").forEach(c -> {
            RiskAssessment risk = byCondition.get(c.asText());
            expectedReasons.add(risk == null ? "(no RiskAssessment for " + c.asText() + ")" : fhir.fullUrl(risk));
        });
        // R4 allows no RiskAssessment in reasonReference: they are the supportingInfo, the conditions the reasonCode
        Set<String> reasons = FhirAnswer.references(request.getSupportingInfo());
        if (!reasons.equals(expectedReasons)) {
            problems.add(id + " supportingInfo " + reasons + " expected the RiskAssessments of "
                    + diagnostic.path("forConditions"));
        }
        Set<String> reasonCodes = new LinkedHashSet<>();
        request.getReasonCode().forEach(c -> FhirAnswer.code(c, FhirAnswer.CONDITION_SYSTEM).ifPresent(reasonCodes::add));
        Set<String> servedConditions = new LinkedHashSet<>();
        diagnostic.path("forConditions").forEach(c -> servedConditions.add(c.asText()));
        if (!reasonCodes.equals(servedConditions)) {
            problems.add(id + " reasonCode " + reasonCodes + " expected " + servedConditions);
        }
        if (!request.getReasonReference().isEmpty()) {
            problems.add(id + " has a reasonReference, which R4 does not allow to point at a RiskAssessment");
        }
        if (!body.patientReference().equals(request.getSubject().getReference())) {
            problems.add(id + " subject is not the patient sent");
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------
    // the parts of the answer, one at a time

    @Test
    void the_default_limit_reports_the_json_apis_top_five_first_and_only_conditions_a_test_serves_beside_them() {
        Vignette vignette = Vignettes.byId("dev-005");
        JsonNode json = Vignettes.jsonAnswer(vignette.request(), 5);
        FhirAnswer fhir = FhirAnswer.post(mapped.bundle(vignette.request(), Options.plain()).json());
        List<String> top = new ArrayList<>();
        json.path("differential").forEach(c -> top.add(c.path("condition").path("id").asText()));
        List<String> ids = fhir.riskAssessments().stream().map(FhirAnswer::conditionId).toList();
        assertEquals(top, ids.subList(0, Math.min(5, ids.size())));
        Set<String> served = new HashSet<>();
        json.path("suggestedDiagnostics").forEach(d -> d.path("forConditions").forEach(c -> served.add(c.asText())));
        for (String beyond : ids.subList(5, ids.size())) {
            assertTrue(served.contains(beyond), beyond + " is reported beyond the limit but no test serves it");
        }
    }

    @Test
    void every_risk_assessment_outcome_is_coded_in_icd10cm_and_the_condition_codesystem_with_a_probability() {
        for (String id : List.of("dev-001", "dev-005", "dev-016", "dev-021")) {
            FhirAnswer fhir = FhirAnswer.post(mapped.bundle(Vignettes.byId(id).request(), Options.plain()).json(),
                    "?limit=" + ALL);
            assertEquals(ALL, fhir.riskAssessments().size(), id);
            for (RiskAssessment risk : fhir.riskAssessments()) {
                RiskAssessment.RiskAssessmentPredictionComponent prediction = risk.getPredictionFirstRep();
                assertEquals(1, risk.getPrediction().size(), "one prediction per RiskAssessment");
                List<String> systems = prediction.getOutcome().getCoding().stream().map(Coding::getSystem).toList();
                assertTrue(systems.contains(ICD10CM), id + " " + FhirAnswer.conditionId(risk) + " " + systems);
                assertTrue(prediction.hasProbabilityDecimalType(), "probabilityDecimal");
                double p = FhirAnswer.probability(risk);
                assertTrue(p >= 0 && p <= 1, "probability " + p);
                assertFalse(prediction.getRationale().isBlank());
            }
        }
    }

    @Test
    void conditions_with_a_snomed_ct_concept_carry_it_in_the_outcome() {
        FhirAnswer fhir = FhirAnswer.post(mapped.bundle(Vignettes.byId("dev-001").request(), Options.plain()).json(),
                "?limit=" + ALL);
        Map<String, String> snomed = Map.of("s1-radiculopathy", "2415007", "cauda-equina-syndrome", "192970008",
                "plantar-fasciitis", "202882003", "morton-neuroma", "30085007", "lumbar-spinal-stenosis", "18347007");
        snomed.forEach((condition, code) -> {
            RiskAssessment risk = fhir.byCondition().get(condition);
            assertNotNull(risk, condition);
            assertEquals(code, FhirAnswer.code(risk.getPredictionFirstRep().getOutcome(), SNOMED).orElse(null),
                    condition);
        });
    }

    @Test
    void right_foot_drop_from_fibular_neuropathy_is_coded_with_the_right_sided_icd10cm_code() {
        FhirAnswer fhir = FhirAnswer.post(mapped.bundle(Vignettes.byId("dev-012").request(), Options.plain()).json());
        RiskAssessment risk = fhir.byCondition().get("common-fibular-neuropathy");
        assertNotNull(risk);
        assertEquals("right", risk.getPredictionFirstRep().getExtensionByUrl(LATERALITY_EXTENSION).getValue()
                .primitiveValue());
        assertEquals("G57.31", FhirAnswer.code(risk.getPredictionFirstRep().getOutcome(), ICD10CM).orElse(null));
    }

    @Test
    void right_morton_neuroma_is_coded_right_sided_in_icd10cm_and_in_snomed_ct() {
        FhirAnswer fhir = FhirAnswer.post(mapped.bundle(Vignettes.byId("dev-016").request(), Options.plain()).json());
        RiskAssessment risk = fhir.byCondition().get("morton-neuroma");
        assertNotNull(risk);
        List<String> codes = risk.getPredictionFirstRep().getOutcome().getCoding().stream()
                .map(c -> c.getSystem() + "|" + c.getCode()).toList();
        assertTrue(codes.contains(ICD10CM + "|G57.61"), codes.toString());
        assertFalse(codes.contains(ICD10CM + "|G57.60"), "the unspecified-side code as well: " + codes);
        assertTrue(codes.contains(SNOMED + "|30085007"), codes.toString());
    }

    @Test
    void cauda_equina_gives_a_high_severity_detected_issue_implicating_the_red_flag_observations() {
        Mapped body = mapped.bundle(Vignettes.byId("dev-005").request(), Options.plain());
        FhirAnswer fhir = FhirAnswer.post(body.json());
        assertEquals("emergency", fhir.triageLevel());
        DetectedIssue issue = fhir.detectedIssues().stream()
                .filter(d -> "suspected-cauda-equina".equals(FhirAnswer.code(d.getCode(),
                        FhirAnswer.TRIAGE_REASON_SYSTEM).orElse(null))).findFirst().orElseThrow();
        assertEquals(DetectedIssue.DetectedIssueSeverity.HIGH, issue.getSeverity());
        Set<String> implicated = FhirAnswer.references(issue.getImplicated());
        assertFalse(implicated.isEmpty());
        assertTrue(body.references().containsAll(implicated), implicated.toString());
        assertTrue(implicated.containsAll(body.referencesFor(new EvidenceKey("history.redFlags", "saddle-anesthesia"))));
        ServiceRequest mri = fhir.serviceRequests().stream().filter(s -> "mri-lumbar-spine-without-contrast".equals(
                FhirAnswer.code(s.getCode(), FhirAnswer.DIAGNOSTIC_SYSTEM).orElse(null))).findFirst().orElseThrow();
        assertEquals(ServiceRequest.ServiceRequestPriority.STAT, mri.getPriority());
        assertEquals("72148", FhirAnswer.code(mri.getCode(), CPT).orElse(null));
    }

    @Test
    void urgent_triage_reason_is_a_moderate_severity_detected_issue() {
        FhirAnswer fhir = FhirAnswer.post(mapped.bundle(Vignettes.byId("dev-013").request(), Options.plain()).json());
        assertEquals("urgent", fhir.triageLevel());
        assertFalse(fhir.detectedIssues().isEmpty());
        fhir.detectedIssues().forEach(d -> assertEquals(DetectedIssue.DetectedIssueSeverity.MODERATE, d.getSeverity()));
    }

    @Test
    void every_suggested_test_is_a_draft_proposal_with_its_cpt_code_supported_by_risk_assessments_of_the_answer() {
        for (Vignette vignette : List.of(Vignettes.byId("dev-005"), Vignettes.byId("dev-019"),
                Vignettes.byId("dev-001"))) {
            FhirAnswer fhir = FhirAnswer.post(mapped.bundle(vignette.request(), Options.plain()).json());
            assertFalse(fhir.serviceRequests().isEmpty(), vignette.id());
            Set<String> riskUrls = new HashSet<>();
            fhir.riskAssessments().forEach(r -> riskUrls.add(fhir.fullUrl(r)));
            for (ServiceRequest request : fhir.serviceRequests()) {
                assertEquals(ServiceRequest.ServiceRequestIntent.PROPOSAL, request.getIntent());
                assertEquals(ServiceRequest.ServiceRequestStatus.DRAFT, request.getStatus());
                assertTrue(FhirAnswer.code(request.getCode(), CPT).isPresent(), "CPT code");
                assertFalse(request.getSupportingInfo().isEmpty(), "supportingInfo");
                assertFalse(request.getReasonCode().isEmpty(), "reasonCode");
                for (Reference reason : request.getSupportingInfo()) {
                    assertTrue(riskUrls.contains(reason.getReference()),
                            reason.getReference() + " is not a RiskAssessment of the answer");
                }
            }
        }
    }

    @Test
    void known_onset_date_gives_a_deferred_test_an_occurrence_period_from_onset_plus_the_wait() {
        Vignette vignette = Vignettes.byId("dev-001"); // acute sciatica, 3 weeks: MRI only if no improvement
        Mapped body = mapped.bundle(vignette.request(), Options.plain().withOnsetAsDate());
        FhirAnswer fhir = FhirAnswer.post(body.json());
        JsonNode json = Vignettes.jsonAnswer(vignette.request(), 5);
        assertEquals(json.path("differential").path(0).path("condition").path("id").asText(),
                fhir.probabilities().keySet().iterator().next(), "an onset date 3 weeks ago is a duration of 3 weeks");
        LocalDate onset = body.today().minusDays(Math.round(vignette.request().path("history")
                .path("durationWeeks").doubleValue() * 7));
        int deferred = 0;
        for (JsonNode diagnostic : json.path("suggestedDiagnostics")) {
            ServiceRequest request = fhir.serviceRequests().stream().filter(s -> diagnostic.path("id").asText()
                    .equals(FhirAnswer.code(s.getCode(), FhirAnswer.DIAGNOSTIC_SYSTEM).orElse(null)))
                    .findFirst().orElseThrow();
            if (diagnostic.path("timing").asText().equals("if-no-improvement")) {
                deferred++;
                assertTrue(request.hasOccurrencePeriod(), diagnostic.path("id").asText() + " has no occurrencePeriod");
                LocalDate start = request.getOccurrencePeriod().getStart().toInstant().atZone(ZoneOffset.UTC)
                        .toLocalDate();
                assertEquals(onset.plusWeeks(diagnostic.path("afterWeeks").asInt()), start);
            } else {
                assertFalse(request.hasOccurrence(), diagnostic.path("id").asText() + " is not deferred");
            }
        }
        assertTrue(deferred > 0, "dev-001 defers imaging");
    }

    @Test
    void without_an_onset_date_a_deferred_test_has_a_note_but_no_occurrence_period() {
        FhirAnswer fhir = FhirAnswer.post(mapped.bundle(Vignettes.byId("dev-001").request(), Options.plain()).json());
        ServiceRequest mri = fhir.serviceRequests().stream().filter(s -> "mri-lumbar-spine-without-contrast".equals(
                FhirAnswer.code(s.getCode(), FhirAnswer.DIAGNOSTIC_SYSTEM).orElse(null))).findFirst().orElseThrow();
        assertEquals(ServiceRequest.ServiceRequestPriority.ROUTINE, mri.getPriority());
        assertFalse(mri.hasOccurrence());
        assertTrue(mri.getNote().stream().anyMatch(n -> n.getText().contains("6 weeks")), "if-no-improvement note");
    }

    // ---------------------------------------------------------------------------------------------------
    // the alternatives the mapping publishes

    @Test
    void body_temperature_coded_only_in_loinc_is_read_as_the_contracts_temperature() {
        // dev-006, epidural abscess: fever 38.9 degrees; an EHR's vital sign carries LOINC 8310-5, not the own code
        Vignette vignette = Vignettes.byId("dev-006");
        Mapped body = mapped.bundle(vignette.request(), Options.plain());
        Coding loinc = codings("exam.temperatureCelsius").stream().filter(c -> c.getSystem().equals("http://loinc.org"))
                .findFirst().orElseThrow();
        Observation temperature = body.bundle().getEntry().stream().map(e -> e.getResource())
                .filter(r -> r instanceof Observation o && o.getCode().getCodingFirstRep().getCode()
                        .equals("exam.temperatureCelsius")).map(Observation.class::cast).findFirst().orElseThrow();
        temperature.setCode(new CodeableConcept(loinc));
        assertSameProbabilities(vignette.request(), FhirAnswer.post(MappedBundles.json(body.bundle()), "?limit=" + ALL));
    }

    @Test
    void age_as_a_quantity_in_years_is_read_as_the_contracts_age() {
        Vignette vignette = Vignettes.byId("dev-007"); // metastatic disease: age matters
        Mapped body = mapped.bundle(vignette.request(), Options.plain());
        Observation age = body.bundle().getEntry().stream().map(e -> e.getResource())
                .filter(r -> r instanceof Observation o && o.getCode().getCodingFirstRep().getCode()
                        .equals("patient.ageYears")).map(Observation.class::cast).findFirst().orElseThrow();
        int years = vignette.request().path("patient").path("ageYears").intValue();
        age.setValue(new Quantity().setValue(years).setUnit("years").setSystem("http://unitsofmeasure.org").setCode("a"));
        assertSameProbabilities(vignette.request(), FhirAnswer.post(MappedBundles.json(body.bundle()), "?limit=" + ALL));
    }

    @Test
    void emergency_encounter_class_without_a_service_type_sets_the_emergency_department_priors() {
        Vignette vignette = Vignettes.byId("dev-005");
        ObjectNode request = vignette.request().deepCopy();
        context(request).put("setting", "emergency-department");
        Mapped body = mapped.bundle(request, Options.plain());
        Encounter encounter = body.bundle().getEntry().stream().map(e -> e.getResource())
                .filter(Encounter.class::isInstance).map(Encounter.class::cast).findFirst().orElseThrow();
        assertEquals("EMER", encounter.getClass_().getCode());
        encounter.setServiceType(null);
        assertSameProbabilities(request, FhirAnswer.post(MappedBundles.json(body.bundle()), "?limit=" + ALL));
    }

    @Test
    void without_any_setting_the_priors_are_primary_cares() {
        Vignette vignette = Vignettes.byId("dev-019");
        ObjectNode request = vignette.request().deepCopy();
        request.remove("context");
        assertSameProbabilities(request, FhirAnswer.post(mapped.bundle(request, Options.plain()).json(),
                "?limit=" + ALL));
        context(request).put("setting", "primary-care");
        assertSameProbabilities(request, FhirAnswer.post(mapped.bundle(request, Options.plain()).json(),
                "?limit=" + ALL));
    }

    private static ObjectNode context(ObjectNode request) {
        return request.has("context") ? (ObjectNode) request.get("context") : request.putObject("context");
    }

    private List<Coding> codings(String field) {
        List<Coding> codings = new ArrayList<>();
        mapped.field(field).path("codes").forEach(c -> codings.add(new Coding(c.path("system").asText(),
                c.path("code").asText(), c.path("display").asText())));
        return codings;
    }

    private static void assertSameProbabilities(JsonNode request, FhirAnswer fhir) {
        JsonNode json = Vignettes.jsonAnswer(request, ALL);
        Map<String, Double> expected = new LinkedHashMap<>();
        json.path("differential").forEach(c -> expected.put(c.path("condition").path("id").asText(),
                c.path("probability").doubleValue()));
        assertEquals(expected, fhir.probabilities());
        assertEquals(json.path("triage").path("level").asText(), fhir.triageLevel());
    }

    @Test
    void the_answer_is_a_collection_bundle_with_an_assessment_identifier() {
        FhirAnswer fhir = FhirAnswer.post(mapped.bundle(Vignettes.byId("dev-001").request(), Options.plain()).json());
        assertEquals(Bundle.BundleType.COLLECTION, fhir.bundle().getType());
        assertTrue(fhir.bundle().getIdentifier().hasValue());
        Set<String> fullUrls = new HashSet<>();
        fhir.bundle().getEntry().forEach(e -> assertTrue(fullUrls.add(e.getFullUrl()), "duplicate " + e.getFullUrl()));
    }
}
