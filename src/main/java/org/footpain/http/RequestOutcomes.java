package org.footpain.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets an endpoint add its outcome (assessment id, knowledge-base version, triage level) to the request's log
 * line, which {@link RequestLog} writes when the response ends. Only ids, versions and outcomes belong here.
 */
@ApplicationScoped
public class RequestOutcomes {

    static final String KEY = "footpain.outcome";

    private final CurrentVertxRequest request;

    public RequestOutcomes(CurrentVertxRequest request) {
        this.request = request;
    }

    public void assessment(String assessmentId, String knowledgeBaseVersion, String triage) {
        put("assessmentId", assessmentId);
        put("knowledgeBase", knowledgeBaseVersion);
        put("triage", triage);
    }

    public void put(String field, Object value) {
        RoutingContext context = request.getCurrent();
        if (context != null) {
            Map<String, Object> outcome = context.get(KEY);
            if (outcome == null) {
                outcome = new LinkedHashMap<>();
                context.put(KEY, outcome);
            }
            outcome.put(field, value);
        }
    }
}
