package org.footpain.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.footpain.engine.Assessment;
import org.footpain.engine.Assessor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an operator watches at /q/metrics beside Quarkus's own HTTP metrics: assessments by channel, triage level
 * and leading condition (small fixed sets of values, never anything about a patient), and the knowledge base in
 * service as an info gauge.
 */
@Startup
@ApplicationScoped
public class AssessmentMetrics {

    static final String ASSESSMENTS = "footpain.assessments";
    static final String KNOWLEDGE_BASE = "footpain.knowledge.base";

    private final MeterRegistry registry;
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    public AssessmentMetrics(MeterRegistry registry, Assessor assessor) {
        this.registry = registry;
        Gauge.builder(KNOWLEDGE_BASE, () -> 1)
                .description("The knowledge base in service (its version and size as tags); always 1.")
                .tag("version", assessor.knowledgeBase().version())
                .tag("conditions", Integer.toString(assessor.knowledgeBase().conditions().size()))
                .register(registry);
    }

    /** @param channel json, fhir or cds-hooks */
    void count(String channel, Assessment assessment) {
        String top = assessment.differential().isEmpty() ? "none" : assessment.differential().get(0).condition().id();
        // a few dozen combinations at most: each counter is registered once, then found without building its id
        counters.computeIfAbsent(new CounterKey(channel, assessment.triage().level().code(), top), key ->
                Counter.builder(ASSESSMENTS)
                        .description("Assessments answered, by channel, triage level and leading condition.")
                        .tag("channel", key.channel())
                        .tag("triage", key.triage())
                        .tag("top_condition", key.top())
                        .register(registry)).increment();
    }

    private record CounterKey(String channel, String triage, String top) {
    }

    /** Latency histograms (Prometheus buckets) for every endpoint, so that percentiles can be aggregated. */
    @Produces
    @Singleton
    MeterFilter requestHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(io.micrometer.core.instrument.Meter.Id id,
                                                         DistributionStatisticConfig config) {
                if (id.getName().equals("http.server.requests")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true)
                            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                            .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                            .build().merge(config);
                }
                return config;
            }
        };
    }
}
