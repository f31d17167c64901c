package org.footpain.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON log line per request, when its response ends: method, path (never the query), status, duration and
 * whatever outcome the endpoint recorded. Registered first, so that even requests refused before any endpoint
 * runs (413, 503) are logged.
 */
@ApplicationScoped
public class RequestLog {

    /** Before every other route of ours and of Quarkus's body handling. */
    public static final int ORDER = -10;
    private static final JsonLog LOG = JsonLog.of("request");

    /** The service's own paths; anything else a client typed (which could hold anything) is logged as other. */
    private static final java.util.regex.Pattern KNOWN = java.util.regex.Pattern.compile(
            "/|/v1/assessments|/v1/knowledge|/v1/fhir/(assessments|mapping|CodeSystem/[A-Za-z0-9-]{1,64})"
                    + "|/cds-services(/[a-z0-9-]{1,64}(/feedback)?)?|/q/[a-z0-9/-]{1,64}");

    static String loggable(String path) {
        return path != null && KNOWN.matcher(path).matches() ? path : "(other)";
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::log);
    }

    private void log(RoutingContext context) {
        long start = System.nanoTime();
        String method = context.request().method().name();
        String path = loggable(context.normalizedPath());
        context.addEndHandler(ended -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("method", method);
            line.put("path", path);
            line.put("status", context.response().getStatusCode());
            line.put("durationMs", Math.round((System.nanoTime() - start) / 10_000.0) / 100.0);
            Map<String, Object> outcome = context.get(RequestOutcomes.KEY);
            if (outcome != null) {
                line.putAll(outcome);
            }
            LOG.info("request", line);
        });
        context.next();
    }
}
