package org.footpain.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
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
 * RESTEasy Reactive answers OPTIONS with it but throws its 405 without. Built once by reflection over the
 * resource classes, which are CDI beans, so a new resource is covered without being listed here.
 */
@ApplicationScoped
public class AllowedMethods {

    private final Map<String, TreeSet<String>> byPath = new TreeMap<>();

    @Inject
    public AllowedMethods(BeanManager beans) {
        this(beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass)
                .filter(c -> c.isAnnotationPresent(Path.class))
                .distinct()
                .toArray(Class<?>[]::new));
    }

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
