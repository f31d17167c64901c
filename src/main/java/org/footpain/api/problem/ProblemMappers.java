package org.footpain.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.footpain.api.RequestLimits;
import org.footpain.http.JsonLog;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every error answer of the service is made here, as problem+json. No exception detail, class name or
 * request content ever reaches a client or the log: a client's mistake is described by the fields it
 * sent wrong, a failure of ours by an incident id.
 */
public class ProblemMappers {

    private static final JsonLog LOG = JsonLog.of("errors");

    private final AllowedMethods allowed;
    private final ErrorBodies errors;

    @Inject
    public ProblemMappers(AllowedMethods allowed, ErrorBodies errors) {
        this.allowed = allowed;
        this.errors = errors;
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
    public Response tooLarge(PayloadTooLargeException e, UriInfo uri) {
        return respond(uri, Problem.of(413, "payload-too-large", "Payload too large",
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
            return internal(e, uri);
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
        Response.ResponseBuilder builder = Response.fromResponse(respond(uri, problem));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow == null && status == 405) {
            allow = allowed.allow(uri.getPath()).orElse(null);
        }
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    /** No token, or one that does not verify: 401 with the Bearer challenge. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(uri, Problem.of(401, "unauthorized", "Unauthorized",
                        "A valid bearer token is required: a JWT from the configured identity provider.")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A valid token without the role the endpoint needs. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(uri, Problem.of(403, "forbidden", "Forbidden",
                "The token does not carry the role this endpoint needs (groups: assessment)."));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        return internal(e, uri);
    }

    private Response internal(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        // the exception type and stack only, never the message, which could quote patient data
        LOG.error("internal-error", Map.of("incident", incident, "exception", e.getClass().getName(),
                "at", e.getStackTrace().length > 0 ? e.getStackTrace()[0].toString() : "?"));
        return respond(uri, Problem.of(500, "internal-error", "Internal error",
                "The service failed to answer; incident " + incident + "."));
    }

    /** The problem as problem+json, or in the format of the adapter that claims the path. */
    private Response respond(UriInfo uri, Problem problem) {
        return errors.claimed(uri.getPath(), problem)
                .map(body -> Response.status(problem.status()).type(body.mediaType()).entity(body.content()).build())
                .orElseGet(() -> problem(problem));
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
