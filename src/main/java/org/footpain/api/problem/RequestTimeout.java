package org.footpain.api.problem;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.footpain.http.ErrorFormat;
import org.footpain.http.RequestLog;

import java.time.Duration;

/**
 * A request not answered within {@code footpain.http.request-timeout} is answered 503 (problem+json, or an
 * OperationOutcome under /v1/fhir/) so that a client never waits without end; the work still running is left to
 * finish and its late answer is dropped. It is the only 5xx a client can meet, and never for its input.
 */
@ApplicationScoped
public class RequestTimeout {

    private final Vertx vertx;
    private final long millis;
    private final ErrorBodies errors;

    public RequestTimeout(Vertx vertx, @ConfigProperty(name = "footpain.http.request-timeout") Duration timeout,
                          ErrorBodies errors) {
        this.vertx = vertx;
        this.millis = timeout.toMillis();
        this.errors = errors;
    }

    void register(@Observes Router router) {
        // right after the request log, so that a timed-out request is still logged
        router.route().order(RequestLog.ORDER + 1).handler(this::arm);
    }

    private void arm(RoutingContext context) {
        long timer = vertx.setTimer(millis, id -> expire(context));
        context.addEndHandler(ended -> vertx.cancelTimer(timer));
        context.next();
    }

    private void expire(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        String detail = "The service did not answer within " + millis / 1000.0 + " s; try again.";
        ErrorFormat.Body body = errors.render(context.normalizedPath(),
                Problem.of(503, "timeout", "Service unavailable", detail));
        context.response().setStatusCode(503).putHeader("Content-Type", body.mediaType())
                .putHeader("Retry-After", "1").end(body.content());
    }
}
