package org.footpain.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.footpain.api.RequestLimits;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every error answer of the service is made here, as problem+json. No exception detail, class name or
 * request content ever reaches a client or the log: a client's mistake is described by the fields it
 * sent wrong, a failure of ours by an incident id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AllowedMethods allowed;

    @Inject
    public ProblemMappers(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        List<Violation> violations = new ArrayList<>(e.violations());
        // the body is read before the method runs, so a bad limit is reported with the body's problems
        if (violations.stream().noneMatch(v -> v.field().equals("limit"))) {
            RequestLimits.limitViolation(RequestLimits.rawLimit(uri)).ifPresent(violations::add);
        }
        return problem(Problem.invalid(violations));
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return problem(Problem.of(413, "payload-too-large", "Payload too large",
                "The request body is larger than the " + e.limitBytes() / 1024 + " KiB this endpoint accepts."));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return problem(Problem.invalid(ViolationPaths.of(e.getConstraintViolations())));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return problem(Problem.invalid(List.of(new Violation("$", "is not valid JSON for this endpoint"))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return internal(e);
        }
        Problem problem = switch (status) {
            case 404 -> Problem.of(404, "not-found", "Not found", "There is no resource at this path.");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "This resource does not accept that HTTP method.");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable",
                    "This resource answers application/json (errors as application/problem+json).");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large", "The request body is too large.");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json.");
            default -> Problem.of(status, "http-" + status, original.getStatusInfo().getReasonPhrase(),
                    "The request could not be processed.");
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow == null && status == 405) {
            allow = allowed.allow(uri.getPath()).orElse(null);
        }
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        return internal(e);
    }

    private static Response internal(Throwable e) {
        String incident = UUID.randomUUID().toString();
        // the exception type and stack only, never the message, which could quote patient data
        LOG.errorf("incident %s: %s at %s", incident, e.getClass().getName(),
                e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return problem(Problem.of(500, "internal-error", "Internal error",
                "The service failed to answer; incident " + incident + "."));
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
