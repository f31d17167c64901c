package org.footpain.api;

import org.footpain.api.problem.Violation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** The assessment endpoint's own limits; the FHIR and CDS Hooks endpoints carry larger bodies. */
public final class RequestLimits {

    /** Largest body accepted by {@code POST /v1/assessments}: a full request is about 4 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Deepest JSON nesting accepted; the contract's deepest path is six levels. */
    public static final int MAX_NESTING_DEPTH = 16;

    /** Longest string accepted anywhere in the body; every value of the contract is a short code. */
    public static final int MAX_STRING_LENGTH = 1_000;

    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 50;

    // compiled once: String.matches compiles its pattern on every call, and these run on every request
    private static final Pattern CONTENT_LENGTH = Pattern.compile("[0-9]{1,18}");
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");

    private RequestLimits() {
    }

    /**
     * The raw {@code limit} query parameter, empty when given without a value ({@code ?limit=}), which the
     * {@code @QueryParam} binding would turn into "not given".
     */
    public static String rawLimit(jakarta.ws.rs.core.UriInfo uri) {
        List<String> values = uri.getQueryParameters().get("limit");
        return values == null || values.isEmpty() ? null : values.get(0) == null ? "" : values.get(0);
    }

    /**
     * The body length a {@code Content-Length} header declares, when it is a plain decimal that fits a long;
     * empty otherwise (a malformed header is the HTTP layer's to refuse).
     */
    public static OptionalLong declaredLength(String contentLength) {
        return contentLength != null && CONTENT_LENGTH.matcher(contentLength).matches()
                ? OptionalLong.of(Long.parseLong(contentLength)) : OptionalLong.empty();
    }

    /** How many conditions to list, from the {@code limit} query parameter. */
    public static int limit(String raw) {
        return raw == null ? DEFAULT_LIMIT : Integer.parseInt(raw);
    }

    /** The problem with a {@code limit} query parameter, if it has one. */
    public static Optional<Violation> limitViolation(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (LIMIT.matcher(raw).matches()) {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= MAX_LIMIT) {
                return Optional.empty();
            }
        }
        return Optional.of(new Violation("limit", "must be an integer from 1 to " + MAX_LIMIT));
    }
}
