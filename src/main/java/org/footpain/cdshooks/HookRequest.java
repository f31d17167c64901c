package org.footpain.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.footpain.api.problem.InvalidRequestException;
import org.footpain.api.problem.Violation;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CDS Hooks 2.0 service call, read leniently where the specification asks (unknown and extension fields are
 * accepted) and strictly where the service depends on a field: each missing or mistyped one is named.
 *
 * @param prefetch each prefetch key the EHR sent, with its value; a JSON null means "no data" for that template
 */
public record HookRequest(String hook, String hookInstance, Optional<URI> fhirServer,
                          Optional<String> fhirAccessToken, JsonNode context, Map<String, JsonNode> prefetch) {

    public HookRequest {
        prefetch = Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
    }

    /** A primitive field of the context, as a prefetch token would read it. */
    public Optional<String> contextValue(String name) {
        JsonNode value = context.get(name);
        return value != null && value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The patient in context; present whenever a chart was read, since every template names it. */
    public String patientId() {
        return contextValue("patientId").orElseThrow(() -> new PreconditionFailedException("The context names no patientId."));
    }

    /**
     * @param hooks the hooks the invoked service answers
     */
    static HookRequest read(JsonNode body, Set<String> hooks) {
        List<Violation> violations = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(List.of(new Violation("$", "must be a JSON object (a CDS Hooks request)")));
        }
        String hook = text(body, "hook", "hook", violations);
        if (hook != null && !hooks.contains(hook)) {
            violations.add(new Violation("hook", "must be " + String.join(" or ", hooks.stream().sorted().toList())
                    + " for this service"));
        }
        String hookInstance = text(body, "hookInstance", "hookInstance", violations);
        Optional<URI> fhirServer = Optional.empty();
        if (body.has("fhirServer")) {
            String server = text(body, "fhirServer", "fhirServer", violations);
            if (server != null) {
                fhirServer = absoluteHttpUrl(server);
                if (fhirServer.isEmpty()) {
                    violations.add(new Violation("fhirServer", "must be an absolute http or https URL"));
                }
            }
        }
        Optional<String> accessToken = Optional.empty();
        JsonNode authorization = body.get("fhirAuthorization");
        if (authorization != null && !authorization.isNull()) {
            if (!authorization.isObject()) {
                violations.add(new Violation("fhirAuthorization", "must be an object"));
            } else {
                accessToken = Optional.ofNullable(text(authorization, "access_token", "fhirAuthorization.access_token",
                        violations));
                String type = text(authorization, "token_type", "fhirAuthorization.token_type", violations);
                if (type != null && !type.equalsIgnoreCase("Bearer")) {
                    violations.add(new Violation("fhirAuthorization.token_type", "must be Bearer"));
                }
                if (!body.has("fhirServer")) {
                    violations.add(new Violation("fhirServer", "is required when fhirAuthorization is given"));
                }
            }
        }
        JsonNode context = body.get("context");
        if (context == null || !context.isObject()) {
            violations.add(new Violation("context", context == null ? "is required" : "must be an object"));
        } else if (context.has("patientId")) {
            // required by the patient-view and order hooks, yet a call without it only means there is no chart to read
            text(context, "patientId", "context.patientId", violations);
        }
        Map<String, JsonNode> prefetch = new LinkedHashMap<>();
        JsonNode sent = body.get("prefetch");
        if (sent != null && !sent.isNull()) {
            if (!sent.isObject()) {
                violations.add(new Violation("prefetch", "must be an object of prefetch keys"));
            } else {
                sent.fields().forEachRemaining(e -> prefetch.put(e.getKey(), e.getValue()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new HookRequest(hook, hookInstance, fhirServer, accessToken, context, prefetch);
    }

    private static String text(JsonNode parent, String name, String path, List<Violation> violations) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            violations.add(new Violation(path, "is required"));
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            violations.add(new Violation(path, "must be a non-empty string"));
            return null;
        }
        return value.asText();
    }

    private static Optional<URI> absoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
