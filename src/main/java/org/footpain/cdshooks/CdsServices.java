package org.footpain.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CDS services this service offers, as discovery lists them. The imaging service appears twice, once per
 * hook, under one id: the specification's way of saying that its order-sign cards replace its order-select ones.
 */
final class CdsServices {

    static final String ASSESSMENT = "foot-leg-pain-assessment";
    static final String IMAGING = "lumbar-imaging-appropriateness";

    /**
     * What both services read: the patient, the exam Observations, the Conditions (risk factors) and the encounter
     * (the care setting). Fetched with the same templates when the EHR does not prefetch.
     */
    static final Map<String, String> PREFETCH = prefetch();

    /**
     * Templates the assessment can do without: an encounter neither prefetched nor readable leaves the setting
     * unstated (a warning says so) instead of refusing the whole call.
     */
    static final java.util.Set<String> OPTIONAL_PREFETCH = java.util.Set.of("encounter");

    private static Map<String, String> prefetch() {
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("patient", "Patient/{{context.patientId}}");
        templates.put("observations", "Observation?patient={{context.patientId}}&category=exam");
        templates.put("conditions", "Condition?patient={{context.patientId}}");
        // the care setting (Encounter class or service type) selects the priors; skipped without an encounterId
        templates.put("encounter", "Encounter/{{context.encounterId}}");
        return java.util.Collections.unmodifiableMap(templates);
    }

    private static final String USAGE = "Calls carry a JWT signed (ES384 or RS384) by a trusted EHR, addressed to"
            + " the service's URL. Exam findings are Observations (category exam) and risk factors Conditions, coded"
            + " as GET /v1/fhir/mapping publishes. Without prefetch the service reads them from fhirServer, if that"
            + " server is allowed for the EHR; otherwise it answers 412.";

    /** One entry of the discovery document. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(description = "A CDS service as discovery lists it.")
    record Description(
            @Schema(description = "The hook that invokes it.") String hook,
            @Schema(description = "Its name.") String title,
            @Schema(description = "What it does.") String description,
            @Schema(description = "Its id: it is invoked at {baseUrl}/cds-services/{id}.") String id,
            @Schema(description = "Prefetch templates, by key.") Map<String, String> prefetch,
            @Schema(description = "What a caller must provide.") String usageRequirements) {
    }

    /** The discovery document. */
    @Schema(description = "The CDS Hooks discovery document.")
    record Discovery(@Schema(description = "The services offered.") List<Description> services) {
    }

    static final Discovery DISCOVERY = new Discovery(List.of(
            new Description("patient-view", "Foot and leg pain assessment",
                    "When a chart with a structured foot or leg pain exam is opened: the leading causes with their"
                            + " probabilities and evidence, a critical card per emergency red flag and a warning card"
                            + " per urgent one, and the guideline-timed tests as proposed ServiceRequests. Charts"
                            + " without such findings get no card.",
                    ASSESSMENT, PREFETCH, USAGE),
            new Description("order-select", "Lumbar spine imaging appropriateness",
                    "When MRI or CT of the lumbar spine is selected (CPT 72148, 72149, 72158, 72131, 72132, 72133 or"
                            + " an equivalent code in GET /v1/fhir/mapping): a warning with the guideline when the"
                            + " findings say imaging is not yet appropriate (uncomplicated radiculopathy within the"
                            + " first six weeks, no red flag), with override reasons and a suggestion to remove the"
                            + " order; never a warning when a red flag is present.",
                    IMAGING, PREFETCH, USAGE),
            new Description("order-sign", "Lumbar spine imaging appropriateness",
                    "The same review when the orders are signed; its cards replace those of order-select.",
                    IMAGING, PREFETCH, USAGE)));

    private CdsServices() {
    }

    /** The hooks a service id answers; empty for an unknown id. */
    static Optional<Set<String>> hooks(String id) {
        Set<String> hooks = DISCOVERY.services().stream().filter(d -> d.id().equals(id)).map(Description::hook)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        return hooks.isEmpty() ? Optional.empty() : Optional.of(hooks);
    }
}
