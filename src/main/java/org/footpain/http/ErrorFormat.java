package org.footpain.http;

import java.util.Optional;

/**
 * An adapter whose clients expect errors in their own format claims its paths here: the FHIR endpoints answer
 * every error, even one raised before their code runs (405, 413, 415), as an OperationOutcome. Elsewhere errors
 * are problem+json.
 */
public interface ErrorFormat {

    /** An error body and its media type. */
    record Body(String mediaType, String content) {
    }

    /** The error in this format, for a path it claims; empty for any other path. */
    Optional<Body> render(String path, int status, String message);
}
