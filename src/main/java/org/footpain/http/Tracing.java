package org.footpain.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Spans for the stages of an assessment (parsing, FHIR mapping, scoring, writing the answer) inside the request's
 * OpenTelemetry trace. Off unless an operator enables the SDK (see application.properties). A failed stage is
 * marked as an error by exception type only: an exception's message could quote the request.
 */
@ApplicationScoped
public class Tracing {

    private final Tracer tracer;

    public Tracing(Tracer tracer) {
        this.tracer = tracer;
    }

    public <T> T span(String name, Supplier<T> stage) {
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return stage.get();
        } catch (RuntimeException | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
