package org.footpain.cdshooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * GETs a document of at most {@code maxBytes}, the whole answer within the timeout (a server that sends its
     * headers and then stalls must not hold the hook call); anything but a 2xx answer is a {@link StatusException}.
     */
    String get(URI uri, Optional<String> bearer, String accept, int maxBytes) throws IOException {
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IOException("only http and https are fetched");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET().header("Accept", accept);
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request.build(),
                info -> info.statusCode() / 100 == 2 ? new Bounded(maxBytes) : BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new StatusException(response.statusCode());
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Collects a body, giving up (and cancelling the transfer) as soon as it outgrows its limit. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
        private final int maxBytes;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Bounded(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (out.size() + buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(new IOException("answer larger than " + maxBytes + " bytes"));
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                out.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(out.toByteArray());
        }
    }
}
