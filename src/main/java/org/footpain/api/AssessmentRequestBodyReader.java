package org.footpain.api;

import jakarta.inject.Inject;
import org.footpain.http.Tracing;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import org.footpain.api.dto.AssessmentRequest;
import org.footpain.api.problem.PayloadTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads the body of {@code POST /v1/assessments}: at most {@value RequestLimits#MAX_BODY_BYTES} bytes
 * (413 beyond), then strictly, every violation listed at once (400).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentRequestBodyReader implements MessageBodyReader<AssessmentRequest> {

    private final StrictJsonReader<AssessmentRequest> reader;
    private final Tracing tracing;

    @Inject
    public AssessmentRequestBodyReader(Validator validator, Tracing tracing) {
        this.reader = new StrictJsonReader<>(AssessmentRequest.class, validator);
        this.tracing = tracing;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == AssessmentRequest.class;
    }

    @Override
    public AssessmentRequest readFrom(Class<AssessmentRequest> type, Type genericType, Annotation[] annotations,
                                      MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body)
            throws IOException {
        if (headers.getFirst("Content-Type") == null) {
            // JAX-RS would read a body without a type as octet-stream; the contract accepts only JSON
            throw new NotSupportedException();
        }
        if (RequestLimits.declaredLength(headers.getFirst("Content-Length")).orElse(0) > RequestLimits.MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(RequestLimits.MAX_BODY_BYTES);
        }
        byte[] bytes = body.readNBytes(RequestLimits.MAX_BODY_BYTES + 1);
        if (bytes.length > RequestLimits.MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(RequestLimits.MAX_BODY_BYTES);
        }
        return tracing.span("assessment.parse", () -> reader.read(bytes));
    }
}
