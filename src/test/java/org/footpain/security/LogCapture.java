package org.footpain.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the service logs while open, at the levels it is configured to log: each record's message, its
 * parameters and the full stack trace (with messages) of any exception attached, as text. Listens on the root logger and on the
 * service's own {@code footpain} category, which does not pass its records to the root.
 */
public final class LogCapture implements AutoCloseable {

    private static final List<String> CATEGORIES = List.of("", "footpain");

    private final List<String> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLoggerName()).append(' ')
                    .append(record.getMessage());
            if (record.getParameters() != null) {
                text.append(' ').append(Arrays.deepToString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            synchronized (records) {
                records.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public LogCapture() {
        handler.setLevel(Level.ALL);
        for (String category : CATEGORIES) {
            Logger.getLogger(category).addHandler(handler);
        }
    }

    public String text() {
        synchronized (records) {
            return String.join("\n", records);
        }
    }

    @Override
    public void close() {
        for (String category : CATEGORIES) {
            Logger.getLogger(category).removeHandler(handler);
        }
    }
}
