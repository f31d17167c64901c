package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The service's answer for one patient. Clients must tolerate fields and ids they do not know. */
@Schema(description = "The assessment of one patient: decision support for a clinician, not a diagnosis.")
public record AssessmentResponse(
        @Schema(description = "A new random id for this answer; nothing about the patient is stored.", example = "0f8b7a2e-1c4d-4e8a-9b1f-2d3c4e5f6a7b") String assessmentId,
        @Schema(description = "The knowledge base that produced the answer.") KnowledgeBaseRef knowledgeBase,
        @Schema(description = "The context the priors were taken from.") ContextEcho context,
        @Schema(description = "Triage level and the safety rules that set it.") Triage triage,
        @Schema(description = "Conditions ranked by probability, highest first; ties by condition id; ?limit=N of them.") List<RankedCondition> differential,
        @Schema(description = "Tests worth doing, with guideline timing.") List<SuggestedDiagnostic> suggestedDiagnostics,
        @Schema(description = "Findings not supplied that would best separate the leading conditions.") List<NextBestFinding> nextBestFindings,
        @Schema(description = "What qualifies this answer.") List<Warning> warnings) {

    @Schema(description = "The knowledge base version.")
    public record KnowledgeBaseRef(@Schema(description = "Version of the knowledge base, served at GET /v1/knowledge.", example = "2026.11.0") String version) {
    }

    @Schema(description = "The context the priors were taken from.")
    public record ContextEcho(@Schema(description = "The setting used (primary-care when none was sent).") Setting setting) {
    }

    @Schema(description = "How soon the patient must be seen, set by explicit safety rules that outrank every score.")
    public record Triage(
            @Schema(description = "emergency: same day, emergency department; urgent: specialist or imaging within days; routine.", enumeration = {"emergency", "urgent", "routine"}, example = "routine") String level,
            @Schema(description = "One entry per rule that fired, most severe first.") List<TriageReason> reasons) {
    }

    @Schema(description = "A triage rule that fired.")
    public record TriageReason(
            @Schema(description = "Reason code of the triage policy.", example = "severe-motor-deficit") String code,
            @Schema(description = "Readable reason with the findings that fired it.", example = "Severe motor deficit: ankle dorsiflexion strength MRC 3 on the left") String text,
            @Schema(description = "JSON paths of the supplied findings that fired the rule.", example = "[\"exam.strength.ankleDorsiflexion.left\"]") List<String> findings,
            @Schema(description = "Short citation of the rule's sources.", example = "NICE NG59 (2016, updated 2020)") String source,
            @Schema(description = "Ids of the rule's sources in GET /v1/knowledge.") List<String> sourceIds,
            @Schema(description = "The triage level this rule sets.", enumeration = {"emergency", "urgent", "routine"}) String level) {
    }

    @Schema(description = "A condition of the differential.")
    public record RankedCondition(
            @Schema(description = "Rank, 1 for the most probable.", example = "1") int rank,
            @Schema(description = "The condition.") ConditionRef condition,
            @Schema(description = "Estimated post-test probability of this condition on its own, 0-1; conditions are not mutually exclusive.", minimum = "0", maximum = "1", example = "0.86") double probability,
            @Schema(description = "The leg or legs the condition explains; undetermined for a sided condition when no sided finding was supplied or none favours either leg; not-applicable for central conditions (cauda equina, myelopathy, spinal infection, malignancy, fracture).", enumeration = {"left", "right", "bilateral", "undetermined", "not-applicable"}, example = "left") String laterality,
            @Schema(description = "Every supplied finding that moved the estimate: those of the reported legs (and without a side) strongest first, then those of the other leg, which moved it through the less likely side.") List<Evidence> evidence) {
    }

    @Schema(description = "A condition with its codes.")
    public record ConditionRef(
            @Schema(description = "Condition id.", example = "s1-radiculopathy") String id,
            @Schema(description = "Condition name.", example = "S1 radiculopathy") String name,
            @Schema(description = "ICD-10-CM and SNOMED CT codes; side-specific ICD-10-CM codes follow the reported laterality.") List<Code> codes) {
    }

    @Schema(description = "A code from a terminology.")
    public record Code(
            @Schema(description = "Terminology URI.", example = "http://hl7.org/fhir/sid/icd-10-cm") String system,
            @Schema(description = "The code.", example = "M54.17") String code,
            @Schema(description = "Its display text.", example = "Radiculopathy, lumbosacral region") String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A supplied finding (or published cluster of findings) that moved a condition's estimate.")
    public record Evidence(
            @Schema(description = "Contract path of the supplied value, with the side as last step for findings per leg; cluster:<id> for a published cluster.", example = "exam.reflexes.achilles.left") String finding,
            @Schema(description = "The supplied value: a code, number or boolean; the item for set and list members; the count of positive criteria for a cluster.", example = "absent",
                    oneOf = {String.class, Double.class, Boolean.class, DermatomalLoss.class, NerveTerritoryLoss.class}) Object value,
            @Schema(description = "The likelihood ratio the knowledge base declares for this finding and condition.", example = "5.0") double likelihoodRatio,
            @Schema(description = "supports (ratio above 1) or opposes (below 1).", enumeration = {"supports", "opposes"}) String direction,
            @Schema(description = "Share of the ratio's log-odds that counted: 1 in full, less when a stronger correlated finding already counted.", minimum = "0", maximum = "1", example = "1.0") double weight,
            @Schema(description = "Id of the source in GET /v1/knowledge.", example = "suri-2011") String sourceId,
            @Schema(description = "Short citation, saying when the number is an expert estimate or derived.", example = "Expert estimate anchored on Suri 2011, Spine") String source,
            @Schema(description = "How the number was obtained.", enumeration = {"published", "derived", "expert-estimate"}) String basis,
            @Schema(description = "For a cluster: the supplied findings it used.") List<String> components,
            @Schema(description = "For a red flag counted as absent because red flags were screened: the red flag.", example = "saddle-anesthesia") String absentItem) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A test worth doing and when.")
    public record SuggestedDiagnostic(
            @Schema(description = "Diagnostic id.", example = "mri-lumbar-spine-without-contrast") String id,
            @Schema(description = "Test name.", example = "MRI lumbar spine without contrast") String name,
            @Schema(description = "Order codes (CPT; LOINC where cited).") List<Code> codes,
            @Schema(description = "emergent (today), urgent (within days), routine, or if-no-improvement (only if symptoms persist afterWeeks after onset).", enumeration = {"emergent", "urgent", "routine", "if-no-improvement"}, example = "if-no-improvement") String timing,
            @Schema(description = "For if-no-improvement: weeks from symptom onset after which the test becomes appropriate.", example = "6") Integer afterWeeks,
            @Schema(description = "The conditions the test serves.", example = "[\"s1-radiculopathy\"]") List<String> forConditions,
            @Schema(description = "Why, and why not now.") String rationale,
            @Schema(description = "Id of the guideline in GET /v1/knowledge.", example = "acr-lbp-2021") String sourceId,
            @Schema(description = "Short citation of the guideline.", example = "ACR Appropriateness Criteria: Low Back Pain 2021") String source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A finding not yet examined that would best separate the leading conditions.")
    public record NextBestFinding(
            @Schema(description = "Contract path of the finding to examine.", example = "exam.strength.ankleInversion") String finding,
            @Schema(description = "The leg to examine, where it matters.", enumeration = {"left", "right", "bilateral"}, example = "left") String side,
            @Schema(description = "The leading conditions it separates.", example = "[\"l5-radiculopathy\", \"common-fibular-neuropathy\"]") List<String> separates,
            @Schema(description = "Why it separates them.") String rationale,
            @Schema(description = "Expected information gain about which leading condition is present, in bits.", example = "0.21") double informationGain) {
    }

    @Schema(description = "Something the clinician should know about the answer.")
    public record Warning(
            @Schema(description = "few-findings, age-under-18 or contradictory-findings (more may be added).", example = "few-findings") String code,
            @Schema(description = "Readable explanation.") String message) {
    }
}
