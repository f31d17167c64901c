package org.footpain.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.footpain.api.problem.PayloadTooLargeException;
import org.footpain.engine.Assessment;
import org.footpain.engine.Assessor;
import org.footpain.fhir.ObservationReader.FhirInput;
import org.footpain.http.RequestOutcomes;
import org.footpain.http.Tracing;
import org.footpain.http.Roles;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The FHIR R4 face of the same engine: {@code POST /v1/fhir/assessments} takes a Bundle or Parameters and
 * answers a Bundle; the published mapping and the service's CodeSystems are served beside it. A thin adapter:
 * {@link ObservationReader} maps resources in, {@link FhirResultWriter} maps the answer out.
 */
@Path("/v1/fhir")
@Tag(name = "FHIR R4")
public class FhirAssessmentResource {

    public static final String FHIR_JSON = "application/fhir+json";
    /** Largest FHIR body accepted: EHR bundles carry vitals and much else beside the exam. */
    public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

    private final FhirComponents components;
    private final Assessor assessor;
    private final FhirResultWriter writer;
    private final FhirCodeSystems codeSystems;

    private final RequestOutcomes outcomes;
    private final Tracing tracing;

    @Inject
    public FhirAssessmentResource(FhirComponents components, Assessor assessor, RequestOutcomes outcomes,
                                  Tracing tracing) {
        this.tracing = tracing;
        this.components = components;
        this.assessor = assessor;
        this.outcomes = outcomes;
        this.writer = new FhirResultWriter(assessor.knowledgeBase(), components.mapping());
        this.codeSystems = new FhirCodeSystems(components.mapping(), assessor.knowledgeBase());
    }

    @POST
    @Path("/assessments")
    @RolesAllowed(Roles.ASSESSMENT)
    @SecurityRequirement(name = Roles.SECURITY_SCHEME)
    @Consumes({FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces(FHIR_JSON)
    @Operation(summary = "Assess a patient from FHIR R4 resources",
            description = "Takes a Bundle (any type) or a Parameters holding the Patient (birthDate or an age, "
                    + "gender), Observations of the exam findings (laterality in bodySite), Conditions for risk "
                    + "factors and the setting (Encounter class or service type, or a setting parameter), mapped "
                    + "as GET /v1/fhir/mapping publishes. Answers a Bundle of type collection: a RiskAssessment "
                    + "per reported condition, a DetectedIssue per triage reason, a proposed ServiceRequest per "
                    + "suggested test and an OperationOutcome with the triage level, warnings and what was not used.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many conditions to report, 1-50.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "5"))
    @RequestBody(required = true, content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 Bundle or Parameters, in JSON."),
            examples = @ExampleObject(name = "s1-radiculopathy", ref = "#/components/examples/fhir-request")))
    @APIResponse(responseCode = "200", description = "A FHIR R4 Bundle of type collection.",
            content = @Content(mediaType = FHIR_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 Bundle."),
                    examples = @ExampleObject(name = "s1-radiculopathy", ref = "#/components/examples/fhir-response")))
    @APIResponse(responseCode = "400", description = "Not FHIR, not a Bundle or Parameters, no Patient, or a mapped"
            + " code with a value the contract does not allow: an OperationOutcome naming resource and element.",
            content = @Content(mediaType = FHIR_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 OperationOutcome."),
                    examples = @ExampleObject(name = "unknown-value", ref = "#/components/examples/fhir-error")))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify: an OperationOutcome.",
            content = @Content(mediaType = FHIR_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 OperationOutcome.")))
    @APIResponse(responseCode = "403", description = "The token lacks the assessment role: an OperationOutcome.",
            content = @Content(mediaType = FHIR_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 OperationOutcome.")))
    public Response assess(@Context UriInfo uri, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(MAX_BODY_BYTES); // answered 413, as an OperationOutcome
        }
        int limit = limit(uri.getQueryParameters().get("limit"));
        FhirContext fhir = components.context();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        FhirInput input = tracing.span("fhir.read", () -> new ObservationReader(fhir, components.mapping(), today)
                .read(new String(body, StandardCharsets.UTF_8)));
        Assessment assessment = tracing.span("assessment.score", () -> assessor.assess(input.presentation()));
        Bundle answer = tracing.span("fhir.write", () -> writer.write(assessment, input, limit, new Date()));
        // the request's log line carries ids, versions and outcomes only: never a finding
        outcomes.assessment("fhir", Optional.of(answer.getIdentifier().getValue()), assessment);
        return fhir(fhir, answer, 200);
    }

    @GET
    @Path("/mapping")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published mapping between the contract and FHIR R4",
            description = "For each contract field and value, its FHIR resource, code(s) and value encoding; "
                    + "LOINC or SNOMED CT codes appear only with where they were checked, every other code is in "
                    + "one of the service's own CodeSystems (GET /v1/fhir/CodeSystem/{id}).")
    @APIResponse(responseCode = "200", description = "The mapping as stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "#/components/schemas/FhirMapping"),
                    examples = @ExampleObject(name = "abridged", ref = "#/components/examples/fhir-mapping")))
    public Response mapping() {
        return Response.ok(components.mapping().document(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/CodeSystem/{id}")
    @Produces(FHIR_JSON)
    @Operation(summary = "One of the service's own CodeSystems",
            description = "finding, finding-value, risk-factor, setting, condition, diagnostic, triage-reason, "
                    + "triage-level or warning: the codes this service defines, as a FHIR R4 CodeSystem.")
    @APIResponse(responseCode = "200", description = "A FHIR R4 CodeSystem.",
            content = @Content(mediaType = FHIR_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 CodeSystem."),
                    examples = @ExampleObject(name = "triage-level", ref = "#/components/examples/fhir-codesystem")))
    @APIResponse(responseCode = "404", description = "No such CodeSystem: an OperationOutcome.",
            content = @Content(mediaType = FHIR_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 OperationOutcome.")))
    public Response codeSystem(@Parameter(description = "CodeSystem id.", example = "triage-level")
                               @PathParam("id") String id) {
        FhirContext fhir = components.context();
        return codeSystems.get(id).map(cs -> fhir(fhir, cs, 200)).orElseGet(() -> {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.NOTFOUND)
                    .setDiagnostics("no CodeSystem " + id + "; known: " + String.join(", ", codeSystems.all().keySet()));
            return fhir(fhir, outcome, 404);
        });
    }

    @ServerExceptionMapper
    public Response invalidInput(FhirInputException e) {
        return fhir(components.context(), FhirResultWriter.errors(e.problems()), 400);
    }

    private static int limit(List<String> values) {
        if (values == null || values.isEmpty()) {
            return 5;
        }
        String raw = values.get(0) == null ? "" : values.get(0);
        if (raw.matches("[0-9]{1,2}") && Integer.parseInt(raw) >= 1 && Integer.parseInt(raw) <= 50) {
            return Integer.parseInt(raw);
        }
        throw new FhirInputException(OperationOutcome.IssueType.VALUE, "limit", "limit must be an integer from 1 to 50");
    }

    private static Response fhir(FhirContext fhir, IBaseResource resource, int status) {
        return Response.status(status).type(FHIR_JSON)
                .entity(fhir.newJsonParser().encodeResourceToString(resource)).build();
    }
}
