package org.footpain.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.footpain.engine.diagnostics.SuggestedDiagnostic;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.fhir.FhirResultWriter;
import org.footpain.knowledge.Citation;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.Source;
import org.footpain.knowledge.Timing;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The parts every card shares: its source, its links to the evidence, proposed orders and the wording of numbers. */
final class CardWriter {

    private static final int SOURCE_LINKS = 3;

    private final KnowledgeBase kb;
    private final FhirResultWriter fhirWriter;
    private final FhirContext fhir;
    private final ObjectMapper json;
    private final String serviceRoot;

    /**
     * @param serviceRoot the service's public URL, under which {@code /v1/knowledge} is served
     */
    CardWriter(KnowledgeBase kb, FhirResultWriter fhirWriter, FhirContext fhir, ObjectMapper json, String serviceRoot) {
        this.kb = kb;
        this.fhirWriter = fhirWriter;
        this.fhir = fhir;
        this.json = json;
        this.serviceRoot = serviceRoot;
    }

    KnowledgeBase kb() {
        return kb;
    }

    FhirResultWriter fhirWriter() {
        return fhirWriter;
    }

    Card.Source source() {
        return new Card.Source("Foot and leg pain assessment, knowledge base " + kb.version(),
                serviceRoot + "/v1/knowledge");
    }

    /** Links to the published sources behind a card (those with an address), then to the whole knowledge base. */
    List<Card.Link> links(List<Citation> citations) {
        List<Card.Link> links = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Citation citation : citations) {
            Optional<Source> source = kb.source(citation.sourceId());
            if (source.isPresent() && source.get().url() != null && !source.get().url().isBlank()
                    && seen.add(source.get().id()) && links.size() < SOURCE_LINKS) {
                links.add(Card.Link.absolute(source.get().shortCitation(), source.get().url()));
            }
        }
        links.add(Card.Link.absolute("Evidence, likelihood ratios and sources (knowledge base " + kb.version() + ")",
                serviceRoot + "/v1/knowledge"));
        return links;
    }

    /** A suggestion creating the test as a proposed, draft ServiceRequest, with the conditions it serves as reasons. */
    Card.Suggestion order(SuggestedDiagnostic diagnostic, List<ScoredCondition> served, HookRequest request,
                          Optional<LocalDate> onset, Date now) {
        ServiceRequest proposal = fhirWriter.proposal(diagnostic, new Reference("Patient/" + request.patientId()),
                onset, now);
        request.contextValue("encounterId").ifPresent(id -> proposal.setEncounter(new Reference("Encounter/" + id)));
        served.forEach(condition -> proposal.addReasonCode(fhirWriter.conditionConcept(condition)));
        String label = "Order " + diagnostic.test().name() + " (" + when(diagnostic.timing()) + ")";
        return new Card.Suggestion(label, UUID.randomUUID().toString(), null, List.of(new Card.Action("create",
                "Propose a draft order: " + diagnostic.test().name() + ".", resource(proposal), null)));
    }

    JsonNode resource(Resource resource) {
        try {
            return json.readTree(fhir.newJsonParser().encodeResourceToString(resource));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When a test is due, in the words of the timing. */
    static String when(Timing timing) {
        if (timing instanceof Timing.IfNoImprovement wait) {
            return "only if not improved after " + wait.afterWeeks() + " weeks";
        }
        return switch (timing.code()) {
            case "emergent" -> "today";
            case "urgent" -> "within days";
            default -> "routine";
        };
    }

    /** A probability as a clinician reads it: a whole percentage, never a false 0% or 100%. */
    static String percent(double probability) {
        long rounded = Math.round(probability * 100);
        if (rounded < 1) {
            return "<1%";
        }
        return rounded > 99 ? ">99%" : rounded + "%";
    }

    /** A condition's name with the leg it explains, where one does. */
    static String name(ScoredCondition condition) {
        return switch (condition.laterality()) {
            case LEFT, RIGHT, BILATERAL -> condition.condition().name() + " (" + condition.laterality().code() + ")";
            default -> condition.condition().name();
        };
    }
}
