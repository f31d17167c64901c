package org.footpain.fhir;

import org.footpain.engine.Assessment;
import org.footpain.engine.Finding;
import org.footpain.engine.Warning;
import org.footpain.engine.diagnostics.SuggestedDiagnostic;
import org.footpain.engine.matching.FindingText;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.engine.triage.TriageReason;
import org.footpain.fhir.ObservationReader.FhirInput;
import org.footpain.fhir.ObservationReader.NotUsed;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.Timing;
import org.footpain.knowledge.TriageLevel;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes the engine's assessment as a FHIR R4 Bundle of type collection: a RiskAssessment per reported
 * condition (basis: exactly the resources that moved it), a DetectedIssue per triage reason, a proposed
 * ServiceRequest per suggested test (reasonCode: the conditions it serves; supportingInfo: their RiskAssessments),
 * and an OperationOutcome with the
 * triage level, the warnings and what was not used. No clinical rule lives here: it only translates.
 */
public final class FhirResultWriter {

    /** Marks the laterality of a prediction; RiskAssessment has no element for it. */
    public static final String LATERALITY_EXTENSION = "https://footpain.example/fhir/StructureDefinition/laterality";
    public static final String ASSESSMENT_ID_SYSTEM = "https://footpain.example/fhir/assessment-id";
    public static final String KNOWLEDGE_BASE_TAG = "https://footpain.example/fhir/knowledge-base-version";

    private final KnowledgeBase kb;
    private final FhirMapping mapping;

    public FhirResultWriter(KnowledgeBase kb, FhirMapping mapping) {
        this.kb = kb;
        this.mapping = mapping;
    }

    public Bundle write(Assessment assessment, FhirInput input, int limit, Date now) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(now);
        bundle.setIdentifier(new Identifier().setSystem(ASSESSMENT_ID_SYSTEM).setValue(UUID.randomUUID().toString()));
        bundle.getMeta().addTag(KNOWLEDGE_BASE_TAG, assessment.knowledgeBaseVersion(),
                "Knowledge base " + assessment.knowledgeBaseVersion());
        Reference patient = reference(input.patient(), "the assessed patient");

        // the reported conditions, and any further condition a suggested test serves, so references resolve
        Set<String> reported = new LinkedHashSet<>();
        assessment.differential().stream().limit(limit).forEach(c -> reported.add(c.id()));
        assessment.diagnostics().forEach(d -> reported.addAll(d.forConditions()));
        Map<String, String> riskAssessmentUrls = new LinkedHashMap<>();
        for (ScoredCondition condition : assessment.differential()) {
            if (reported.contains(condition.id())) {
                String url = "urn:uuid:" + UUID.randomUUID();
                riskAssessmentUrls.put(condition.id(), url);
                add(bundle, url, riskAssessment(condition, input, patient, now));
            }
        }
        for (TriageReason reason : assessment.triage().reasons()) {
            add(bundle, "urn:uuid:" + UUID.randomUUID(), detectedIssue(reason, input, patient, now));
        }
        Map<String, ScoredCondition> byId = new LinkedHashMap<>();
        assessment.differential().forEach(c -> byId.put(c.id(), c));
        for (SuggestedDiagnostic diagnostic : assessment.diagnostics()) {
            add(bundle, "urn:uuid:" + UUID.randomUUID(),
                    serviceRequest(diagnostic, input, patient, riskAssessmentUrls, byId, now));
        }
        add(bundle, "urn:uuid:" + UUID.randomUUID(), outcome(assessment, input));
        return bundle;
    }

    private RiskAssessment riskAssessment(ScoredCondition scored, FhirInput input, Reference patient, Date now) {
        RiskAssessment risk = new RiskAssessment();
        risk.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
        risk.setSubject(patient);
        risk.setOccurrence(new DateTimeType(now));
        risk.getMethod().setText("Foot and leg pain assessment, knowledge base " + kb.version());
        CodeableConcept outcome = conditionConcept(scored);
        RiskAssessment.RiskAssessmentPredictionComponent prediction = risk.addPrediction()
                .setOutcome(outcome)
                .setProbability(new DecimalType(BigDecimal.valueOf(scored.probability())))
                .setRationale(rationale(scored));
        prediction.addExtension(LATERALITY_EXTENSION, new CodeType(scored.laterality().code()));
        Set<String> basis = new LinkedHashSet<>();
        for (Evidence evidence : scored.evidence()) {
            for (Finding finding : evidence.findings()) {
                basis.addAll(input.sources().getOrDefault(finding, List.of()));
            }
        }
        basis.forEach(ref -> risk.addBasis(reference(ref, "a supplied finding")));
        return risk;
    }

    /** The evidence in words, each with its likelihood ratio and source. */
    private String rationale(ScoredCondition scored) {
        if (scored.evidence().isEmpty()) {
            return "No supplied finding bears on this condition; the probability is its prior in this setting.";
        }
        return scored.evidence().stream().map(this::describe).collect(Collectors.joining("; ")) + ".";
    }

    /** One piece of evidence in words: what was found, which way it moved the condition, its LR and source. */
    public String describe(Evidence evidence) {
        String what = evidence instanceof Evidence.ClusterScore cluster ? cluster.clusterName() + " ("
                + cluster.positive() + ")"
                : evidence instanceof Evidence.ScreenedAbsent absent ? absent.redFlag().replace('-', ' ')
                + " asked about and absent"
                : FindingText.describe(evidence.findings().get(0));
        return what + " " + (evidence.likelihoodRatio() > 1 ? "supports" : "opposes") + " (LR "
                + evidence.likelihoodRatio() + (evidence.weight() < 1 ? ", weight "
                + Math.round(evidence.weight() * 100) / 100.0 : "") + "; " + kb.describe(evidence.citation()) + ")";
    }

    private DetectedIssue detectedIssue(TriageReason reason, FhirInput input, Reference patient, Date now) {
        DetectedIssue issue = new DetectedIssue();
        issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        issue.setCode(new CodeableConcept(new Coding(mapping.codeSystemUrl("triage-reason"), reason.code(),
                reason.text())).setText(reason.text()));
        issue.setSeverity(reason.level() == TriageLevel.EMERGENCY ? DetectedIssue.DetectedIssueSeverity.HIGH
                : reason.level() == TriageLevel.URGENT ? DetectedIssue.DetectedIssueSeverity.MODERATE
                : DetectedIssue.DetectedIssueSeverity.LOW);
        issue.setPatient(patient);
        issue.setIdentified(new DateTimeType(now));
        issue.setDetail(reason.text() + " Triage " + reason.level().code() + ". Sources: "
                + kb.describeSources(reason.sources()) + ".");
        Set<String> implicated = new LinkedHashSet<>();
        reason.findings().forEach(f -> implicated.addAll(input.sources().getOrDefault(f, List.of())));
        implicated.forEach(ref -> issue.addImplicated(reference(ref, "a supplied finding")));
        return issue;
    }

    /**
     * The reasons are the conditions the test serves, coded; R4 allows only Condition, Observation, DiagnosticReport
     * or DocumentReference in reasonReference, so the RiskAssessments of those conditions go in supportingInfo.
     */
    private ServiceRequest serviceRequest(SuggestedDiagnostic diagnostic, FhirInput input, Reference patient,
                                          Map<String, String> riskAssessmentUrls, Map<String, ScoredCondition> byId,
                                          Date now) {
        ServiceRequest request = proposal(diagnostic, patient, input.onset(), now);
        for (String condition : diagnostic.forConditions()) {
            if (byId.containsKey(condition)) {
                request.addReasonCode(conditionConcept(byId.get(condition)));
            }
            if (riskAssessmentUrls.containsKey(condition)) {
                request.addSupportingInfo(new Reference(riskAssessmentUrls.get(condition)));
            }
        }
        return request;
    }

    /**
     * A suggested test as a proposed, draft ServiceRequest: coded, prioritised by its timing, with the guideline's
     * rationale and sources as a note and, for a test that waits, from when it applies.
     */
    public ServiceRequest proposal(SuggestedDiagnostic diagnostic, Reference patient, Optional<LocalDate> onset,
                                   Date now) {
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        CodeableConcept code = new CodeableConcept().setText(diagnostic.test().name());
        diagnostic.test().codes().forEach(c -> code.addCoding(new Coding(c.system(), c.code(), c.display())));
        code.addCoding(new Coding(mapping.codeSystemUrl("diagnostic"), diagnostic.test().id(), diagnostic.test().name()));
        request.setCode(code);
        request.setSubject(patient);
        request.setAuthoredOn(now);
        request.setPriority(switch (diagnostic.timing().code()) {
            case "emergent" -> ServiceRequest.ServiceRequestPriority.STAT;
            case "urgent" -> ServiceRequest.ServiceRequestPriority.URGENT;
            default -> ServiceRequest.ServiceRequestPriority.ROUTINE;
        });
        request.addNote(new Annotation().setText(diagnostic.rationale() + " Sources: "
                + kb.describeSources(diagnostic.sources()) + "."));
        if (diagnostic.timing() instanceof Timing.IfNoImprovement wait) {
            request.addNote(new Annotation().setText("Only if the symptoms have not improved " + wait.afterWeeks()
                    + " weeks after they began; guidelines advise against it sooner."));
            onset.ifPresent(began -> {
                LocalDate from = began.plusWeeks(wait.afterWeeks());
                request.setOccurrence(new Period().setStart(Date.from(from.atStartOfDay(ZoneOffset.UTC).toInstant())));
            });
        }
        return request;
    }

    /** A condition coded in ICD-10-CM and SNOMED CT (side-specific where the code system is) and in ours. */
    public CodeableConcept conditionConcept(ScoredCondition scored) {
        CodeableConcept concept = new CodeableConcept().setText(scored.condition().name());
        scored.condition().codesFor(scored.laterality().side())
                .forEach(c -> concept.addCoding(new Coding(c.system(), c.code(), c.display())));
        concept.addCoding(new Coding(mapping.codeSystemUrl("condition"), scored.id(), scored.condition().name()));
        return concept;
    }

    private OperationOutcome outcome(Assessment assessment, FhirInput input) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                .setDetails(new CodeableConcept(new Coding(mapping.codeSystemUrl("triage-level"),
                        assessment.triage().level().code(), "Triage " + assessment.triage().level().code())))
                .setDiagnostics("Triage level " + assessment.triage().level().code()
                        + (assessment.triage().reasons().isEmpty() ? "; no safety rule fired." : "."));
        for (Warning warning : assessment.warnings()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDetails(new CodeableConcept(new Coding(mapping.codeSystemUrl("warning"), warning.code(),
                            warning.code())))
                    .setDiagnostics(warning.message());
        }
        for (NotUsed notUsed : input.notUsed()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.NOTSUPPORTED)
                    .setDiagnostics("Not used: " + notUsed.reason() + ".")
                    .addExpression(notUsed.expression());
        }
        for (String warning : input.warnings()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics("Parser: " + warning + ".");
        }
        return outcome;
    }

    /** A reference to a supplied resource, or its description when the EHR gave it neither id nor fullUrl. */
    private static Reference reference(String ref, String display) {
        return ref == null || ref.isEmpty() ? new Reference().setDisplay(display) : new Reference(ref);
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
    }

    /** For tests and the resource: the issues of an error answer. */
    static OperationOutcome errors(List<FhirInputException.Problem> problems) {
        OperationOutcome outcome = new OperationOutcome();
        for (FhirInputException.Problem problem : problems) {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(problem.type())
                    .setDiagnostics(problem.message());
            // the expression is FHIRPath into the body; a problem with the body as a whole or a query parameter has none
            if (!problem.expression().equals("$") && !problem.expression().equals("limit")) {
                issue.addExpression(problem.expression());
            }
        }
        return outcome;
    }

}
