package org.footpain.api.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending part of a request: its JSON path and what is wrong with it. */
@Schema(description = "One offending part of the request.")
public record Violation(
        @Schema(description = "JSON path of the offending value: exam.reflexes.achilles.left, exam.sensory.dermatomalLoss[0].side, limit for the query parameter, $ for the body as a whole.", example = "exam.reflexes.achilles.left")
        String field,
        @Schema(description = "What is wrong with it.", example = "must be one of: absent, diminished, normal, brisk")
        String message) {
}
