package org.footpain.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.footpain.api.EngineProducer.LoadedKnowledge;

/**
 * {@code GET /v1/knowledge}: the knowledge base exactly as stored, so a clinician can check every number
 * the engine uses against its source. Served from bytes prepared at start-up.
 */
@Path("/v1/knowledge")
@Tag(name = "Knowledge base")
public class KnowledgeResource {

    private final byte[] document;

    @Inject
    public KnowledgeResource(LoadedKnowledge knowledge) {
        this.document = knowledge.document();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The knowledge base, for review",
            description = "Version, every condition with its codes and prior per setting, every finding's likelihood "
                    + "ratios per condition with the source and basis of each number, the triage rules, the diagnostic "
                    + "rules with their guidelines, the reasoning constants, and the bibliography.")
    @APIResponse(responseCode = "200", description = "The knowledge base as stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "#/components/schemas/KnowledgeBaseDocument"),
                    examples = @ExampleObject(name = "abridged", ref = "#/components/examples/knowledge-base")))
    public Response knowledge() {
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
