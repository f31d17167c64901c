package org.footpain.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.footpain.api.EngineProducer.LoadedKnowledge;
import org.footpain.api.dto.AssessmentRequest;
import org.footpain.api.dto.AssessmentResponse;
import org.footpain.api.problem.InvalidRequestException;
import org.footpain.api.problem.Problem;
import org.footpain.engine.Assessment;
import org.footpain.engine.Assessor;
import org.footpain.http.RequestOutcomes;
import org.footpain.http.Tracing;
import org.footpain.http.Roles;

import java.util.List;
import java.util.Optional;

/** {@code POST /v1/assessments}: the structured exam in, the explained differential, triage and tests out. */
@Path("/v1/assessments")
@Tag(name = "Assessments")
@SecurityRequirement(name = Roles.SECURITY_SCHEME)
public class AssessmentResource {

    private final Assessor assessor;
    private final AssessmentResponses responses;
    private final RequestOutcomes outcomes;
    private final Tracing tracing;

    @Inject
    public AssessmentResource(Assessor assessor, LoadedKnowledge knowledge, RequestOutcomes outcomes,
                              Tracing tracing) {
        this.tracing = tracing;
        this.assessor = assessor;
        this.responses = new AssessmentResponses(knowledge.knowledgeBase());
        this.outcomes = outcomes;
    }

    @POST
    @RolesAllowed(Roles.ASSESSMENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assess a patient with foot or leg pain",
            description = "Takes the structured findings of one patient and returns a ranked, explained differential, "
                    + "a triage level set by safety rules, guideline-timed diagnostics and the findings worth examining "
                    + "next. Stateless: nothing about the patient is stored or logged. Decision support for a clinician, "
                    + "not a diagnosis.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentRequest.class),
            examples = @ExampleObject(name = "s1-radiculopathy", ref = "#/components/examples/assessment-request")))
    @APIResponse(responseCode = "200", description = "The assessment.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentResponse.class),
                    examples = @ExampleObject(name = "s1-radiculopathy",
                            ref = "#/components/examples/assessment-response")))
    @APIResponse(responseCode = "400", description = "The request breaks the contract; every offending field is listed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", ref = "#/components/examples/invalid-request")))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the assessment role (groups claim).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "405", description = "Only POST is allowed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is over 64 KiB.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many conditions of the differential to return, 1-50.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "5"))
    public AssessmentResponse assess(@Context UriInfo uri, AssessmentRequest request) {
        // read from the raw query string, so that an empty ?limit= is rejected rather than taken as absent
        String limit = RequestLimits.rawLimit(uri);
        RequestLimits.limitViolation(limit).ifPresent(v -> {
            throw new InvalidRequestException(List.of(v));
        });
        Assessment assessment = tracing.span("assessment.score",
                () -> assessor.assess(FindingsMapper.toPresentation(request)));
        AssessmentResponse response = tracing.span("assessment.respond",
                () -> responses.of(assessment, request, RequestLimits.limit(limit)));
        // the request's log line carries ids, versions and outcomes only: never a finding
        outcomes.assessment("json", Optional.of(response.assessmentId()), assessment);
        return response;
    }
}
