package org.footpain.cdshooks;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The FHIR client's 5 s "timeout" must bound the whole read, not only the wait for the status line. */
class OutboundHttpTest {

    @Test
    void a_server_that_stalls_after_its_headers_does_not_hang_the_call() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"resourceType\":\"Bundle\",".getBytes());
            out.flush();
            try {
                Thread.sleep(30_000); // the rest of the body never comes (in time)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        try {
            OutboundHttp http = new OutboundHttp(Duration.ofSeconds(1), Optional.empty());
            URI uri = URI.create("http://localhost:" + server.getAddress().getPort() + "/fhir/Observation?patient=p");
            assertTimeoutPreemptively(Duration.ofSeconds(6), () ->
                    assertThrows(IOException.class, () -> http.get(uri, Optional.of("t"), "application/fhir+json", 1 << 20)));
        } finally {
            server.stop(0);
        }
    }
}
