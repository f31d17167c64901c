package org.footpain.cdshooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's only outbound calls: an EHR's key set and its FHIR server. Bounded in time and size, never
 * following a redirect (a bearer token must not travel to a host nobody allowed), through the operator's proxy
 * when one is set.
 */
final class OutboundHttp {

    /** The other side answered, but not with success. */
    static final class StatusException extends IOException {
        private final int status;

        StatusException(int status) {
            super("HTTP " + status);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    OutboundHttp(Duration timeout, Optional<String> proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        proxy.ifPresent(p -> builder.proxy(ProxySelector.of(address(p))));
        this.client = builder.build();
        this.timeout = timeout;
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || !hostPort.substring(colon + 1).matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("cds-hooks.fhir-client.proxy must be host:port");
        }
        return InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** GETs a document of at most {@code maxBytes}; anything but a 2xx answer is a {@link StatusException}. */
    String get(URI uri, Optional<String> bearer, String accept, int maxBytes) throws IOException {
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IOException("only http and https are fetched");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET().header("Accept", accept);
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new StatusException(response.statusCode());
                }
                return new String(readAtMost(body, maxBytes), StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() + read > maxBytes) {
                throw new IOException("answer larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
