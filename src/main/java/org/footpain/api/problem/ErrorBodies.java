package org.footpain.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.footpain.http.ErrorFormat;

import java.util.Optional;

/**
 * The one place that decides an error's format: that of the adapter claiming the path (an OperationOutcome under
 * /v1/fhir/), else problem+json. Used by the exception mappers and by the routes that answer before any endpoint
 * runs (413, 503).
 */
@ApplicationScoped
public class ErrorBodies {

    private final Instance<ErrorFormat> formats;
    private final ObjectMapper json;

    public ErrorBodies(Instance<ErrorFormat> formats, ObjectMapper json) {
        this.formats = formats;
        this.json = json;
    }

    /** The error in the format of the adapter that claims the path, if one does. */
    Optional<ErrorFormat.Body> claimed(String path, Problem problem) {
        return formats.stream().map(f -> f.render(path, problem.status(), problem.detail()))
                .flatMap(Optional::stream).findFirst();
    }

    /** The error as the client of this path expects it. */
    ErrorFormat.Body render(String path, Problem problem) {
        return claimed(path, problem).orElseGet(() -> {
            try {
                return new ErrorFormat.Body(Problem.MEDIA_TYPE, json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                return new ErrorFormat.Body(Problem.MEDIA_TYPE, "");
            }
        });
    }
}
