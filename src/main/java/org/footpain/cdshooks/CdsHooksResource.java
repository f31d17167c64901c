package org.footpain.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.footpain.api.problem.InvalidRequestException;
import org.footpain.api.problem.PayloadTooLargeException;
import org.footpain.api.problem.Problem;
import org.footpain.api.problem.Violation;
import org.footpain.fhir.FhirInputException;
import org.footpain.http.JsonLog;
import org.footpain.http.RequestOutcomes;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CDS Hooks 2.0: discovery (open), the two services and their feedback endpoints, each call authenticated by the
 * EHR's own signed token (not by the service's bearer-token auth). A thin adapter over {@link HookServices}.
 */
@Path("/cds-services")
@Tag(name = "CDS Hooks 2.0")
public class CdsHooksResource {

    /** Hook requests carry prefetched bundles: up to 5 MiB. */
    public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    static final String SECURITY_SCHEME = "cds-hooks-jwt";
    private static final JsonLog LOG = JsonLog.of("cds-hooks");

    private final ClientTokenVerifier verifier;
    private final HookServices services;
    private final CdsHooksConfig config;
    private final ObjectMapper json;
    private final RequestOutcomes outcomes;

    public CdsHooksResource(ClientTokenVerifier verifier, HookServices services, CdsHooksConfig config,
                            ObjectMapper json, RequestOutcomes outcomes) {
        this.verifier = verifier;
        this.services = services;
        this.config = config;
        this.json = json;
        this.outcomes = outcomes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discovery: the CDS services offered",
            description = "Open, without a token. foot-leg-pain-assessment answers patient-view; "
                    + "lumbar-imaging-appropriateness answers order-select and order-sign (listed once per hook).")
    @APIResponse(responseCode = "200", description = "The discovery document.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CdsServices.Discovery.class),
                    examples = @ExampleObject(name = "services", ref = "#/components/examples/cds-discovery")))
    public CdsServices.Discovery discovery() {
        return CdsServices.DISCOVERY;
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = SECURITY_SCHEME)
    @Operation(summary = "Call a CDS service",
            description = "A CDS Hooks 2.0 request, signed by a trusted EHR (Authorization: Bearer, aud = "
                    + "cds-hooks.base-url/{id}). Unknown and extension fields are accepted; bodies up to 5 MiB. "
                    + "The chart comes from prefetch or, without it, from fhirServer when that server is allowed "
                    + "for the EHR.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "A CDS Hooks 2.0 request."),
            examples = {
                    @ExampleObject(name = "patient-view", ref = "#/components/examples/cds-patient-view-request"),
                    @ExampleObject(name = "order-select", ref = "#/components/examples/cds-order-select-request")}))
    @APIResponse(responseCode = "200", description = "The cards; an empty list when there is no advice.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CdsResponse.class),
                    examples = {
                            @ExampleObject(name = "patient-view", ref = "#/components/examples/cds-patient-view-response"),
                            @ExampleObject(name = "order-select", ref = "#/components/examples/cds-order-select-response")}))
    @APIResponse(responseCode = "400", description = "A field the service depends on is missing or malformed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No token, or one that does not verify.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such service.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The chart could be had neither from prefetch nor from an "
            + "allowed FHIR server.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is over 5 MiB.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CdsResponse call(@Parameter(description = "The service id.", example = CdsServices.ASSESSMENT)
                            @PathParam("id") String id,
                            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            byte[] body) {
        Set<String> hooks = CdsServices.hooks(id).orElseThrow(NotFoundException::new);
        ClientTokenVerifier.VerifiedClient client = verifier.verify(Optional.ofNullable(authorization),
                serviceUrl(id));
        HookRequest request = HookRequest.read(read(body), hooks);
        HookServices.Answer answer = CdsServices.ASSESSMENT.equals(id)
                ? services.patientView(request, client) : services.imagingReview(request, client);
        // the request's log line carries ids, versions and outcomes only: never a finding
        outcomes.put("hook", request.hook());
        outcomes.put("hookInstance", request.hookInstance());
        outcomes.put("cards", answer.cards().stream().map(c -> c.indicator().code()).toList());
        answer.assessment().ifPresent(a -> outcomes.assessment("cds-hooks", Optional.empty(), a));
        return new CdsResponse(answer.cards());
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = SECURITY_SCHEME)
    @Operation(summary = "Feedback on a service's cards",
            description = "Which cards were accepted (and which suggestions) or overridden (and why). Signed like a "
                    + "service call, with aud = cds-hooks.base-url/{id}/feedback. Acknowledged; only counts and "
                    + "override reason codes are logged, never a comment.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "A CDS Hooks 2.0 feedback request."),
            examples = @ExampleObject(name = "overridden", ref = "#/components/examples/cds-feedback")))
    @APIResponse(responseCode = "200", description = "Acknowledged: how many feedback items were received.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FeedbackReceipt.class)))
    @APIResponse(responseCode = "400", description = "Not a feedback document.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No token, or one that does not verify.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedbackReceipt feedback(@Parameter(description = "The service id.", example = CdsServices.IMAGING)
                                    @PathParam("id") String id,
                                    @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION)
                                    String authorization,
                                    byte[] body) {
        CdsServices.hooks(id).orElseThrow(NotFoundException::new);
        verifier.verify(Optional.ofNullable(authorization), serviceUrl(id) + "/feedback");
        JsonNode items = read(body).path("feedback");
        List<Violation> violations = new ArrayList<>();
        if (!items.isArray() || items.isEmpty()) {
            violations.add(new Violation("feedback", "must be a non-empty array of feedback items"));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; items.isArray() && i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "feedback[" + i + "]";
            if (!item.path("card").isTextual()) {
                violations.add(new Violation(at + ".card", "must be the card's uuid"));
            }
            String outcome = item.path("outcome").asText("");
            if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
                violations.add(new Violation(at + ".outcome", "must be accepted or overridden"));
            } else {
                outcomes.merge(outcome, 1, Integer::sum);
            }
            if (outcome.equals("accepted") && !item.path("acceptedSuggestions").isArray()) {
                violations.add(new Violation(at + ".acceptedSuggestions", "is required for an accepted card"));
            }
            try {
                OffsetDateTime.parse(item.path("outcomeTimestamp").asText(""));
            } catch (DateTimeParseException e) {
                violations.add(new Violation(at + ".outcomeTimestamp", "must be an RFC 3339 date-time"));
            }
            JsonNode reason = item.path("overrideReason").path("reason").path("code");
            if (reason.isTextual()) {
                reasons.add(reason.asText());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        // counts and reason codes: never the clinician's comment
        LOG.info("feedback", Map.of("service", id, "outcomes", outcomes, "overrideReasons", reasons));
        return new FeedbackReceipt(items.size());
    }

    /** The acknowledgement of feedback. */
    @Schema(description = "Feedback received.")
    public record FeedbackReceipt(@Schema(description = "Feedback items received.") int received) {
    }

    /** The answer of a CDS service: its cards, possibly none. */
    @Schema(description = "A CDS Hooks 2.0 response.")
    public record CdsResponse(@Schema(description = "The cards; empty when there is no advice.") List<Card> cards) {
        public CdsResponse {
            cards = List.copyOf(cards);
        }
    }

    private String serviceUrl(String id) {
        return ChartReader.normalise(config.baseUrl()) + "/" + id;
    }

    private JsonNode read(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(MAX_BODY_BYTES);
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidRequestException(List.of(new Violation("$", "must be a JSON object")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(new Violation("$", "is not valid JSON")));
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(new Violation("$", "could not be read")));
        }
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedClientException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .entity(Problem.of(401, "unauthorized", "Unauthorized", e.getMessage() + ".")).build();
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e) {
        return Response.status(412).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(412, "precondition-failed", "Precondition failed", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unusableFhir(FhirInputException e) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.invalid(e.problems().stream()
                .map(p -> new Violation(p.expression(), p.message())).collect(Collectors.toList()))).build();
    }
}
