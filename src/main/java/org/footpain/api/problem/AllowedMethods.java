package org.footpain.api.problem;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HTTP methods each resource path accepts, for the {@code Allow} header a 405 must carry (RFC 9110);
 * RESTEasy Reactive answers OPTIONS with it but throws its 405 without. Built by reflection over the
 * resource classes the service registers.
 */
public final class AllowedMethods {

    private final Map<String, TreeSet<String>> byPath = new TreeMap<>();

    public AllowedMethods(Class<?>... resources) {
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = normalise(base + (sub == null ? "" : "/" + sub.value()));
                        TreeSet<String> methods = byPath.computeIfAbsent(path, p -> new TreeSet<>());
                        methods.add(http.value());
                        if (http.value().equals(HttpMethod.GET)) {
                            methods.add(HttpMethod.HEAD);
                        }
                        methods.add(HttpMethod.OPTIONS);
                    }
                }
            }
        }
    }

    /** The {@code Allow} header value for a request path, when it is one of ours. */
    public Optional<String> allow(String path) {
        return Optional.ofNullable(byPath.get(normalise(path))).map(methods -> String.join(", ", methods));
    }

    private static String normalise(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
