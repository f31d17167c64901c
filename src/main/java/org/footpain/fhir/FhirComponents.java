package org.footpain.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.footpain.http.JsonLog;

import java.util.concurrent.CompletableFuture;

/**
 * The FHIR context and mapping, built once. HAPI's FhirContext scans the whole R4 model the first time it is
 * used (about a second); that happens on a background thread after start-up, so the JSON API is ready at
 * once and the first FHIR request waits for the context only if it arrives first.
 */
@ApplicationScoped
public class FhirComponents {

    private static final JsonLog LOG = JsonLog.of("fhir");

    private final CompletableFuture<FhirContext> context = new CompletableFuture<>();
    private final FhirMapping mapping = FhirMapping.load();

    void warmUp(@Observes StartupEvent start) {
        Thread warm = new Thread(() -> {
            try {
                long begin = System.nanoTime();
                FhirContext fhir = FhirContext.forR4();
                // parsing once loads the model definitions the first request would otherwise load
                fhir.newJsonParser().parseResource("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}");
                context.complete(fhir);
                LOG.info("context-ready", java.util.Map.of("millis", (System.nanoTime() - begin) / 1_000_000));
            } catch (RuntimeException | Error e) {
                context.completeExceptionally(e);
                LOG.error("context-failed", java.util.Map.of("exception", e.getClass().getName()));
            }
        }, "fhir-context-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    public FhirContext context() {
        return context.join();
    }

    public FhirMapping mapping() {
        return mapping;
    }
}
