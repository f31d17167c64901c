package org.footpain.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.footpain.engine.Assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lets an endpoint add its outcome (assessment id, knowledge-base version, triage level) to the request's log
 * line, which {@link RequestLog} writes when the response ends, and count it in {@link AssessmentMetrics}. Only
 * ids, versions and outcomes belong here.
 */
@ApplicationScoped
public class RequestOutcomes {

    static final String KEY = "footpain.outcome";

    private final CurrentVertxRequest request;
    private final AssessmentMetrics metrics;

    public RequestOutcomes(CurrentVertxRequest request, AssessmentMetrics metrics) {
        this.request = request;
        this.metrics = metrics;
    }

    /**
     * An assessment answered: its id, knowledge-base version and triage level go into the log line, and it is
     * counted in the metrics.
     *
     * @param channel json, fhir or cds-hooks
     */
    public void assessment(String channel, Optional<String> assessmentId, Assessment assessment) {
        assessmentId.ifPresent(id -> put("assessmentId", id));
        put("knowledgeBase", assessment.knowledgeBaseVersion());
        put("triage", assessment.triage().level().code());
        metrics.count(channel, assessment);
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
