package org.footpain.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An EHR's FHIR server, in the test: answers Patient and Encounter reads and Observation and Condition searches
 * for the charts a test loads, paging searches when asked to. It also serves as the HTTP proxy the service is
 * configured with, so a request for any FHIR base URL (the specification example's, say) lands here and no test
 * reaches the network. Tests drive it over HTTP ({@code PUT /__charts/{patientId}}, {@code GET /__received}),
 * which keeps it independent of how Quarkus loads test classes.
 */
final class StubFhirServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, JsonNode> charts = new ConcurrentHashMap<>();
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();

    private StubFhirServer(HttpServer server) {
        this.server = server;
    }

    static StubFhirServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StubFhirServer stub = new StubFhirServer(server);
        server.createContext("/", stub::handle);
        server.start();
        return stub;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Its own FHIR base URL. */
    String base() {
        return "http://localhost:" + port() + "/fhir";
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            if (path.startsWith("/__charts/") && exchange.getRequestMethod().equals("PUT")) {
                charts.put(path.substring("/__charts/".length()), JSON.readTree(exchange.getRequestBody()));
                send(exchange, 204, null);
                return;
            }
            if (path.equals("/__received")) {
                send(exchange, 200, JSON.writeValueAsString(received));
                return;
            }
            if (path.equals("/__reset")) {
                received.clear();
                send(exchange, 204, null);
                return;
            }
            // as a proxy the request line holds the absolute URL; as a server, a path under /fhir
            String prefix = path.startsWith("/fhir/") ? "/fhir" : "";
            String base = (uri.isAbsolute() ? uri.getScheme() + "://" + uri.getRawAuthority() : "http://localhost:" + port())
                    + prefix;
            String resourcePath = path.substring(prefix.length());
            ObjectNode record = JSON.createObjectNode();
            record.put("url", base + resourcePath + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            record.put("authorization", authorization == null ? "" : authorization);
            received.add(record);
            answer(exchange, base, resourcePath, query(uri.getRawQuery()));
        }
    }

    private void answer(HttpExchange exchange, String base, String path, Map<String, String> query) throws IOException {
        String[] parts = path.substring(1).split("/");
        if (parts.length == 2 && (parts[0].equals("Patient") || parts[0].equals("Encounter"))) {
            JsonNode chart = charts.get(parts[0].equals("Patient") ? parts[1] : encounterPatient(parts[1]));
            JsonNode resource = chart == null ? null : chart.get(parts[0].equals("Patient") ? "patient" : "encounter");
            if (resource == null || resource.isNull()) {
                send(exchange, 404, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                        + "\"code\":\"not-found\"}]}");
            } else {
                send(exchange, 200, JSON.writeValueAsString(resource));
            }
            return;
        }
        if (parts.length == 1 && (parts[0].equals("Observation") || parts[0].equals("Condition"))) {
            JsonNode chart = charts.get(query.getOrDefault("patient", ""));
            if (chart != null && chart.path("status").asInt(200) != 200) {
                send(exchange, chart.path("status").asInt(), "{}");
                return;
            }
            ArrayNode all = chart == null ? JSON.createArrayNode()
                    : (ArrayNode) chart.path(parts[0].equals("Observation") ? "observations" : "conditions");
            int pageSize = chart == null ? 0 : chart.path("pageSize").asInt(0);
            int page = Integer.parseInt(query.getOrDefault("_page", "1"));
            int from = pageSize == 0 ? 0 : (page - 1) * pageSize;
            int to = pageSize == 0 ? all.size() : Math.min(all.size(), from + pageSize);
            ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset")
                    .put("total", all.size());
            if (to < all.size()) {
                String self = base + path + "?patient=" + query.get("patient")
                        + (query.containsKey("category") ? "&category=" + query.get("category") : "");
                bundle.putArray("link").addObject().put("relation", "next")
                        .put("url", chart.path("nextBase").asText(self) + "&_page=" + (page + 1));
            }
            ArrayNode entries = bundle.putArray("entry");
            for (int i = from; i < to; i++) {
                JsonNode resource = all.get(i);
                entries.addObject().put("fullUrl", base + "/" + resource.path("resourceType").asText() + "/"
                        + resource.path("id").asText()).set("resource", resource);
            }
            send(exchange, 200, JSON.writeValueAsString(bundle));
            return;
        }
        send(exchange, 404, "{\"resourceType\":\"OperationOutcome\"}");
    }

    private String encounterPatient(String encounterId) {
        return charts.entrySet().stream()
                .filter(e -> e.getValue().path("encounter").path("id").asText().equals(encounterId))
                .map(Map.Entry::getKey).findFirst().orElse("");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
