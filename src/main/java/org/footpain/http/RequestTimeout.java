package org.footpain.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.footpain.http.ErrorFormat;
import org.footpain.api.problem.Problem;

import java.time.Duration;
import java.util.Optional;

/**
 * A request not answered within {@code footpain.http.request-timeout} is answered 503 (problem+json, or an
 * OperationOutcome under /v1/fhir/) so that a client never waits without end; the work still running is left to
 * finish and its late answer is dropped. It is the only 5xx a client can meet, and never for its input.
 */
@ApplicationScoped
public class RequestTimeout {

    private final Vertx vertx;
    private final long millis;
    private final ObjectMapper json;
    private final Instance<ErrorFormat> formats;

    public RequestTimeout(Vertx vertx, @ConfigProperty(name = "footpain.http.request-timeout") Duration timeout,
                          ObjectMapper json, Instance<ErrorFormat> formats) {
        this.vertx = vertx;
        this.millis = timeout.toMillis();
        this.json = json;
        this.formats = formats;
    }

    void register(@Observes Router router) {
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
        String path = context.normalizedPath();
        ErrorFormat.Body body = formats.stream().map(f -> f.render(path, 503, detail)).flatMap(Optional::stream)
                .findFirst().orElseGet(() -> problem(detail));
        context.response().setStatusCode(503).putHeader("Content-Type", body.mediaType())
                .putHeader("Retry-After", "1").end(body.content());
    }

    /** RFC 9457 problem details, as the JSON API writes them (api.problem.Problem, which this package cannot see). */
    private ErrorFormat.Body problem(String detail) {
        try {
            return new ErrorFormat.Body("application/problem+json", json.writeValueAsString(json.createObjectNode()
                    .put("type", "https://footpain.example/problems/timeout").put("title", "Service unavailable")
                    .put("status", 503).put("detail", detail)));
        } catch (JsonProcessingException e) {
            return new ErrorFormat.Body("application/problem+json", "");
        }
    }
}
