package org.footpain.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.footpain.http.ErrorFormat;

import java.util.Optional;

/**
 * Errors under {@code /v1/fhir/} as OperationOutcomes, whatever raised them: a FHIR client reads no problem+json.
 * Written with Jackson rather than HAPI, because an over-long body is refused on the event loop, possibly before
 * the FHIR context has finished building.
 */
@ApplicationScoped
public class FhirErrorFormat implements ErrorFormat {

    private static final String PREFIX = "/v1/fhir/";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Optional<Body> render(String path, int status, String message) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String code = switch (status) {
            case 404 -> "not-found";
            case 413 -> "too-long";
            case 405, 406, 415 -> "not-supported";
            default -> status >= 500 ? "exception" : "invalid";
        };
        String diagnostics = switch (status) {
            case 405 -> "This FHIR resource does not accept that HTTP method.";
            case 406 -> "This FHIR resource answers application/fhir+json.";
            case 415 -> "Send the body as application/fhir+json (or application/json).";
            default -> message;
        };
        ObjectNode outcome = json.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", status >= 500 ? "fatal" : "error").put("code", code)
                .put("diagnostics", diagnostics);
        try {
            return Optional.of(new Body(FhirAssessmentResource.FHIR_JSON, json.writeValueAsString(outcome)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
