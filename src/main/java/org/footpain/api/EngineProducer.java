package org.footpain.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.footpain.engine.Assessor;
import org.footpain.http.JsonLog;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.KnowledgeBaseLoader;

import java.util.Map;

/**
 * Loads, validates and indexes the knowledge base once, at start-up: an invalid knowledge base stops the
 * start with every problem listed. CDI stays out of the engine; this is where the two meet.
 */
@ApplicationScoped
public class EngineProducer {

    private static final JsonLog LOG = JsonLog.of("knowledge");

    /** The loaded knowledge base and its stored files, pre-serialised for {@code GET /v1/knowledge}. */
    public record LoadedKnowledge(KnowledgeBase knowledgeBase, byte[] document) {
    }

    @Produces
    @Singleton
    @Startup
    LoadedKnowledge loadedKnowledge(ObjectMapper json) throws JsonProcessingException {
        KnowledgeBaseLoader.Loaded loaded = KnowledgeBaseLoader.loadDefault();
        KnowledgeBase kb = loaded.knowledgeBase();
        LOG.info("knowledge-base-loaded", Map.of("version", kb.version(), "conditions", kb.conditions().size(),
                "sources", kb.sources().size(), "triageRules", kb.triageRules().size(),
                "diagnosticRules", kb.diagnosticRules().size()));
        return new LoadedKnowledge(kb, json.writeValueAsBytes(loaded.document()));
    }

    @Produces
    @Singleton
    Assessor assessor(LoadedKnowledge knowledge) {
        return new Assessor(knowledge.knowledgeBase());
    }
}
