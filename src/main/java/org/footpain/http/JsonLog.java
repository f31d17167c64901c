package org.footpain.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;

/**
 * The service's own log lines, one JSON object each, written with Jackson through the ordinary logger (the
 * {@code footpain} categories print the message alone, see application.properties). Callers pass ids, versions,
 * codes and outcomes; there is deliberately no way to attach an exception, whose message could quote a request.
 */
public final class JsonLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Logger logger;
    private final String component;

    private JsonLog(String component) {
        this.component = component;
        this.logger = Logger.getLogger("footpain." + component);
    }

    /** A log for one part of the service: request, cds-hooks, fhir, knowledge... */
    public static JsonLog of(String component) {
        return new JsonLog(component);
    }

    public void info(String event, Map<String, ?> fields) {
        if (logger.isInfoEnabled()) {
            logger.info(line("INFO", event, fields));
        }
    }

    public void warn(String event, Map<String, ?> fields) {
        logger.warn(line("WARN", event, fields));
    }

    public void error(String event, Map<String, ?> fields) {
        logger.error(line("ERROR", event, fields));
    }

    private String line(String level, String event, Map<String, ?> fields) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("logger", component);
        line.put("event", event);
        fields.forEach((k, v) -> line.set(k, JSON.valueToTree(v)));
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            return "{\"level\":\"" + level + "\",\"event\":\"" + event + "\",\"logError\":true}";
        }
    }
}
