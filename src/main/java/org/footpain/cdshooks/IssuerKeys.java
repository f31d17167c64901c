package org.footpain.cdshooks;

import org.footpain.http.JsonLog;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys of one trusted EHR, from its JSON Web Key Set. Fetched once, on first use, and fetched again
 * when a token names a key id not yet seen (the EHR rotated its keys) but at most once a minute, so a stream of
 * tokens with made-up key ids cannot turn the service into a load on the EHR.
 */
final class IssuerKeys {

    static final Duration FORCED_REFRESH_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_JWKS_BYTES = 1024 * 1024;
    private static final JsonLog LOG = JsonLog.of("cds-hooks");

    /** A verification key and the algorithm its JWK is restricted to, if any. */
    record Key(PublicKey publicKey, Optional<String> algorithm) {
    }

    private final String issuer;
    private final URI location;
    private final OutboundHttp http;
    private final Clock clock;
    private volatile Map<String, Key> keys;
    private Instant lastForcedRefresh = Instant.MIN;

    IssuerKeys(String issuer, URI location, OutboundHttp http, Clock clock) {
        this.issuer = issuer;
        this.location = location;
        this.http = http;
        this.clock = clock;
    }

    URI location() {
        return location;
    }

    /** The key with this id; an unknown id fetches the set again unless that was done within the last minute. */
    Optional<Key> find(String kid) {
        Map<String, Key> current = keys;
        if (current == null) {
            current = load(false);
        }
        Key key = current.get(kid);
        if (key != null) {
            return Optional.of(key);
        }
        return Optional.ofNullable(load(true).get(kid));
    }

    private synchronized Map<String, Key> load(boolean forced) {
        if (!forced && keys != null) {
            return keys;
        }
        Instant now = clock.instant();
        if (forced) {
            if (now.isBefore(lastForcedRefresh.plus(FORCED_REFRESH_INTERVAL))) {
                return keys == null ? Map.of() : keys;
            }
            lastForcedRefresh = now;
        }
        try {
            Map<String, Key> loaded = parse(read());
            keys = loaded;
            LOG.info("keys-loaded", Map.of("issuer", issuer, "keys", loaded.size()));
        } catch (IOException | JoseException | RuntimeException e) {
            // keep what we had: a failing JWKS endpoint must not lock out keys already known
            LOG.warn("keys-not-loaded", Map.of("issuer", issuer, "location", location.toString(),
                    "error", e.getClass().getSimpleName()));
            if (keys == null) {
                keys = Map.of();
            }
        }
        return keys;
    }

    private String read() throws IOException {
        if ("file".equals(location.getScheme())) {
            byte[] bytes = Files.readAllBytes(Path.of(location));
            if (bytes.length > MAX_JWKS_BYTES) {
                throw new IOException("key set too large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return http.get(location, Optional.empty(), "application/json", MAX_JWKS_BYTES);
    }

    /** Only public signing keys with a key id; a key restricted to another use is left out. */
    private static Map<String, Key> parse(String json) throws JoseException {
        Map<String, Key> parsed = new HashMap<>();
        for (JsonWebKey jwk : new JsonWebKeySet(json).getJsonWebKeys()) {
            if (jwk.getKeyId() == null || !(jwk instanceof PublicJsonWebKey publicJwk)
                    || (jwk.getUse() != null && !jwk.getUse().equals("sig"))) {
                continue;
            }
            parsed.put(jwk.getKeyId(), new Key(publicJwk.getPublicKey(), Optional.ofNullable(jwk.getAlgorithm())));
        }
        return Map.copyOf(parsed);
    }
}
