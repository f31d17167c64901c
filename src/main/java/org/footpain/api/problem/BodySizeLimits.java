package org.footpain.api.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.footpain.api.RequestLimits;
import org.footpain.http.ErrorFormat;

import java.util.OptionalLong;

/**
 * Answers an over-long declared body with a problem+json 413 before any of it is read. Quarkus's own
 * check (route order -2) would answer with an empty 413; this route runs just before it, with the
 * assessment endpoint's own 64 KiB limit, 5 MiB for FHIR and CDS Hooks, and the global limit elsewhere.
 * Bodies sent without a length are cut off while being read, by the endpoint's reader.
 */
@ApplicationScoped
public class BodySizeLimits {

    /** Just before Quarkus's upload-limit route (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    private static final int ORDER = -3;

    /** FHIR bundles and CDS Hooks prefetch carry vitals and much else beside the exam: 5 MiB. */
    private static final long FHIR_MAX_BODY_BYTES = 5L * 1024 * 1024;

    private final long globalLimit;
    private final ErrorBodies errors;

    public BodySizeLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize globalLimit,
                          ErrorBodies errors) {
        this.globalLimit = globalLimit.asLongValue();
        this.errors = errors;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        OptionalLong length = RequestLimits.declaredLength(context.request().getHeader("Content-Length"));
        if (length.isPresent()) {
            String path = context.normalizedPath();
            long limit = path.equals("/v1/assessments") ? RequestLimits.MAX_BODY_BYTES
                    : path.equals("/v1/fhir/assessments") || path.startsWith("/cds-services/") ? FHIR_MAX_BODY_BYTES
                    : globalLimit;
            if (length.getAsLong() > limit) {
                String detail = "The request body is larger than the " + limit / 1024 + " KiB this endpoint accepts.";
                Problem problem = Problem.of(413, "payload-too-large", "Payload too large", detail);
                // the body is never read, so the connection cannot be reused: close it once the answer is out,
                // as Quarkus's own check does (a client waiting on Expect: 100-continue gets the 413 at once)
                context.response().endHandler(ignored -> context.request().connection().close());
                ErrorFormat.Body body = errors.render(path, problem);
                context.response().setStatusCode(413).putHeader("Content-Type", body.mediaType())
                        .putHeader("Connection", "close").end(body.content());
                return;
            }
        }
        context.next();
    }
}
