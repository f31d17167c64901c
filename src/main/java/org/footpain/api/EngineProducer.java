package org.footpain.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.footpain.engine.Assessor;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.KnowledgeBaseLoader;
import org.jboss.logging.Logger;

/**
 * Loads, validates and indexes the knowledge base once, at start-up: an invalid knowledge base stops the
 * start with every problem listed. CDI stays out of the engine; this is where the two meet.
 */
@ApplicationScoped
public class EngineProducer {

    private static final Logger LOG = Logger.getLogger(EngineProducer.class);

    /** The loaded knowledge base and its stored files, pre-serialised for {@code GET /v1/knowledge}. */
    public record LoadedKnowledge(KnowledgeBase knowledgeBase, byte[] document) {
    }

    @Produces
    @Singleton
    @Startup
    LoadedKnowledge loadedKnowledge(ObjectMapper json) throws JsonProcessingException {
        KnowledgeBaseLoader.Loaded loaded = KnowledgeBaseLoader.loadDefault();
        KnowledgeBase kb = loaded.knowledgeBase();
        LOG.infof("knowledge base %s loaded: %d conditions, %d sources, %d triage rules, %d diagnostic rules",
                kb.version(), kb.conditions().size(), kb.sources().size(), kb.triageRules().size(),
                kb.diagnosticRules().size());
        return new LoadedKnowledge(kb, json.writeValueAsBytes(loaded.document()));
    }

    @Produces
    @Singleton
    Assessor assessor(LoadedKnowledge knowledge) {
        return new Assessor(knowledge.knowledgeBase());
    }
}
