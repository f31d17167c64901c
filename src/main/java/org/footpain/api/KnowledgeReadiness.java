package org.footpain.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.footpain.api.EngineProducer.LoadedKnowledge;
import org.footpain.engine.Assessor;

/**
 * Ready once the knowledge base is loaded, validated and the engine built: the check resolves both, so it
 * cannot report ready while either is missing, and it names the version being served.
 */
@Readiness
@ApplicationScoped
public class KnowledgeReadiness implements HealthCheck {

    private final LoadedKnowledge knowledge;
    private final Assessor assessor;

    @Inject
    public KnowledgeReadiness(LoadedKnowledge knowledge, Assessor assessor) {
        this.knowledge = knowledge;
        this.assessor = assessor;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = assessor.knowledgeBase() == knowledge.knowledgeBase()
                && !knowledge.knowledgeBase().conditions().isEmpty();
        return HealthCheckResponse.named("knowledge-base")
                .status(ready)
                .withData("version", knowledge.knowledgeBase().version())
                .withData("conditions", knowledge.knowledgeBase().conditions().size())
                .build();
    }
}
