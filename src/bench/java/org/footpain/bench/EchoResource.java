package org.footpain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.footpain.http.Roles;

/**
 * The stack's floor for the HTTP benchmark: the same body as {@code POST /v1/assessments}, read as a generic JSON
 * tree, answered with a small JSON object, behind the same authentication (bearer JWT, role assessment) and the same
 * request log, timeout and metrics. Compiled only by the Maven profile {@code bench} (src/bench/java), so the service
 * that is built, tested and shipped does not have it.
 */
@Path("/bench/echo")
public class EchoResource {

    /** What the echo answers: how many top-level fields the body had. */
    public record Echo(int fields) {
    }

    @POST
    @RolesAllowed(Roles.ASSESSMENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Echo echo(JsonNode body) {
        return new Echo(body == null ? 0 : body.size());
    }
}
