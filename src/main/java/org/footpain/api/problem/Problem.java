package org.footpain.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An error answer as RFC 9457 problem details, with every offending field listed at once. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "An error, as RFC 9457 problem details (application/problem+json).")
public record Problem(
        @Schema(description = "A URI naming the kind of problem.", example = "https://footpain.example/problems/invalid-request")
        String type,
        @Schema(description = "A short summary of the kind of problem.", example = "Invalid request")
        String title,
        @Schema(description = "The HTTP status code.", example = "400")
        int status,
        @Schema(description = "What went wrong with this request.", example = "2 fields are invalid.")
        String detail,
        @Schema(description = "Every offending field, for 400 answers.")
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://footpain.example/problems/";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static Problem invalid(List<Violation> violations) {
        String detail = violations.size() == 1
                ? "1 field is invalid: " + violations.get(0).field() + " " + violations.get(0).message() + "."
                : violations.size() + " fields are invalid.";
        return new Problem(BASE + "invalid-request", "Invalid request", 400, detail, violations);
    }

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem(BASE + kind, title, status, detail, List.of());
    }
}
