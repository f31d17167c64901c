package org.footpain.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.footpain.api.problem.InvalidRequestException;
import org.footpain.api.problem.Violation;
import org.footpain.engine.Assessment;
import org.footpain.engine.Assessor;
import org.footpain.engine.Finding;
import org.footpain.engine.diagnostics.OrderReview;
import org.footpain.fhir.FhirComponents;
import org.footpain.fhir.FhirInputException;
import org.footpain.fhir.FhirMapping;
import org.footpain.fhir.FhirResultWriter;
import org.footpain.fhir.ObservationReader;
import org.footpain.fhir.ObservationReader.FhirInput;
import org.footpain.fhir.ObservationReader.Supplied;
import org.footpain.knowledge.DiagnosticTest;
import org.footpain.knowledge.FindingPath;
import org.footpain.http.Tracing;
import org.footpain.knowledge.KnowledgeBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two CDS services: gather the chart, run the engine, turn its answer into cards. A chart without a
 * structured foot or leg pain finding gets no card: patient-view fires on every chart opened, and advice on
 * age and risk factors alone would be noise.
 */
@ApplicationScoped
public class HookServices {

    /** Findings that say nothing about this complaint on their own. */
    private static final Set<FindingPath> BACKGROUND = Set.of(FindingPath.AGE, FindingPath.SEX, FindingPath.RISK_FACTORS);

    private final Tracing tracing;
    private final FhirComponents components;
    private final Assessor assessor;
    private final ObjectMapper json;
    private final CdsHooksConfig config;
    private final OutboundHttp http;
    private final Set<String> lumbarImagingCodes = new HashSet<>();
    private final Set<String> lumbarImagingTests;
    private volatile Writers writers;

    /** What needs the FHIR context, built on first use so that start-up does not wait for it. */
    private record Writers(AssessmentCards assessment, ImagingReviewCards imaging) {
    }

    public HookServices(FhirComponents components, Assessor assessor, ObjectMapper json, CdsHooksConfig config,
                        Tracing tracing) {
        this.tracing = tracing;
        this.components = components;
        this.assessor = assessor;
        this.json = json;
        this.config = config;
        this.http = new OutboundHttp(config.fhirClient().timeout(), config.fhirClient().proxy());
        FhirMapping mapping = components.mapping();
        KnowledgeBase kb = assessor.knowledgeBase();
        this.lumbarImagingTests = Set.copyOf(mapping.lumbarImagingTests());
        mapping.lumbarImagingCodes().forEach(c -> lumbarImagingCodes.add(c.key()));
        for (String id : lumbarImagingTests) {
            DiagnosticTest test = kb.test(id).orElseThrow(() -> new IllegalStateException(
                    "the FHIR mapping's lumbar imaging test " + id + " is not in the knowledge base"));
            test.codes().forEach(c -> lumbarImagingCodes.add(FhirMapping.Coding.key(c.system(), c.code())));
            lumbarImagingCodes.add(FhirMapping.Coding.key(mapping.codeSystemUrl("diagnostic"), id));
        }
    }

    /** The service's public root: the configured discovery URL without {@code /cds-services}. */
    String serviceRoot() {
        String base = ChartReader.normalise(config.baseUrl());
        return base.endsWith("/cds-services") ? base.substring(0, base.length() - "/cds-services".length()) : base;
    }

    /** The cards, and the assessment behind them when one was made (for the log line). */
    record Answer(List<Card> cards, Optional<Assessment> assessment) {
        Answer {
            cards = List.copyOf(cards);
        }
    }

    Answer patientView(HookRequest request, ClientTokenVerifier.VerifiedClient client) {
        Chart chart = tracing.span("fhir.read", () -> chart(request, client));
        if (chart.input().isEmpty()) {
            return new Answer(List.of(), Optional.empty());
        }
        Assessment assessment = tracing.span("assessment.score", () -> assessor.assess(chart.input().get().presentation()));
        return new Answer(writers().assessment().cards(assessment, chart.input().get(), request, new Date()),
                Optional.of(assessment));
    }

    Answer imagingReview(HookRequest request, ClientTokenVerifier.VerifiedClient client) {
        List<ServiceRequest> orders = lumbarImagingOrders(request);
        if (orders.isEmpty()) {
            return new Answer(List.of(), Optional.empty()); // nothing this service reviews
        }
        Chart chart = tracing.span("fhir.read", () -> chart(request, client));
        if (chart.input().isEmpty()) {
            return new Answer(List.of(), Optional.empty()); // no findings to judge the order by
        }
        Assessment assessment = tracing.span("assessment.score", () -> assessor.assess(chart.input().get().presentation()));
        OrderReview.Verdict verdict = OrderReview.review(assessment, lumbarImagingTests);
        return new Answer(List.of(writers().imaging().card(verdict, orders,
                chart.input().get().presentation().durationWeeks())), Optional.of(assessment));
    }

    /** The chart read into the engine's input; empty when it holds no foot or leg pain finding. */
    private record Chart(Optional<FhirInput> input) {
    }

    private Chart chart(HookRequest request, ClientTokenVerifier.VerifiedClient client) {
        FhirContext fhir = components.context();
        ObservationReader reader = new ObservationReader(fhir, components.mapping(), LocalDate.now(ZoneOffset.UTC));
        List<String> warnings = new ArrayList<>();
        List<Supplied> resources = new ChartReader(reader, http, config.fhirClient().maxPages())
                .read(request, client, CdsServices.PREFETCH, warnings);
        if (resources.stream().noneMatch(s -> s.resource() instanceof Observation)) {
            return new Chart(Optional.empty());
        }
        if (!ChartReader.hasPatient(resources)) {
            throw new PreconditionFailedException("The chart has Observations but the Patient could not be had.");
        }
        FhirInput input = reader.read(resources, warnings);
        boolean relevant = input.presentation().findings().stream().map(Finding::path)
                .anyMatch(path -> !BACKGROUND.contains(path));
        return new Chart(relevant ? Optional.of(input) : Optional.empty());
    }

    /** The draft lumbar spine MRI or CT orders in the context: the selected ones on order-select, all on order-sign. */
    private List<ServiceRequest> lumbarImagingOrders(HookRequest request) {
        List<Violation> violations = new ArrayList<>();
        JsonNode draftOrders = request.context().get("draftOrders");
        if (draftOrders == null || !draftOrders.isObject()) {
            violations.add(new Violation("context.draftOrders", draftOrders == null ? "is required"
                    : "must be a FHIR Bundle"));
        }
        Set<String> selections = new HashSet<>();
        if (request.hook().equals("order-select")) {
            JsonNode selected = request.context().get("selections");
            if (selected == null || !selected.isArray()) {
                violations.add(new Violation("context.selections", selected == null ? "is required"
                        : "must be an array of references"));
            } else {
                for (int i = 0; i < selected.size(); i++) {
                    if (!selected.get(i).isTextual()) {
                        violations.add(new Violation("context.selections[" + i + "]", "must be a string"));
                    } else {
                        selections.add(selected.get(i).asText());
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        if (!"Bundle".equals(draftOrders.path("resourceType").asText())) {
            throw new FhirInputException(OperationOutcome.IssueType.STRUCTURE, "context.draftOrders",
                    "must be a FHIR Bundle");
        }
        // only the ServiceRequests are this service's business: the other draft orders are not read at all
        ObservationReader parser = new ObservationReader(components.context(), components.mapping(),
                LocalDate.now(ZoneOffset.UTC));
        List<ServiceRequest> orders = new ArrayList<>();
        JsonNode entries = draftOrders.path("entry");
        if (!entries.isMissingNode() && !entries.isArray()) {
            throw new FhirInputException(OperationOutcome.IssueType.STRUCTURE, "context.draftOrders.entry",
                    "must be an array of Bundle entries");
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode resource = entries.get(i).path("resource");
            if (!"ServiceRequest".equals(resource.path("resourceType").asText())) {
                continue;
            }
            String where = "context.draftOrders.entry[" + i + "].resource";
            IBaseResource parsed;
            try {
                parsed = parser.parse(resource.toString(), new ArrayList<>());
            } catch (FhirInputException e) {
                throw new FhirInputException(OperationOutcome.IssueType.STRUCTURE, where,
                        "is not a FHIR R4 ServiceRequest: " + e.problems().get(0).message());
            }
            ServiceRequest order = (ServiceRequest) parsed;
            if (isLumbarImaging(order) && (request.hook().equals("order-sign")
                    || selections.contains("ServiceRequest/" + order.getIdElement().getIdPart()))) {
                orders.add(order);
            }
        }
        return orders;
    }

    private boolean isLumbarImaging(ServiceRequest order) {
        for (Coding coding : order.getCode().getCoding()) {
            if (lumbarImagingCodes.contains(FhirMapping.Coding.key(coding.getSystem(), coding.getCode()))) {
                return true;
            }
        }
        return false;
    }

    private Writers writers() {
        Writers current = writers;
        if (current == null) {
            FhirResultWriter fhirWriter = new FhirResultWriter(assessor.knowledgeBase(), components.mapping());
            CardWriter cardWriter = new CardWriter(assessor.knowledgeBase(), fhirWriter, components.context(), json,
                    serviceRoot());
            current = new Writers(new AssessmentCards(cardWriter),
                    new ImagingReviewCards(cardWriter, components.mapping().imagingOverrideReasons()));
            writers = current;
        }
        return current;
    }
}
