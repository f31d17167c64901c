package org.footpain.security;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.footpain.tools.MintToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The identity provider of the test run: a key pair made for it (under {@code target/test-idp}, where the tests and
 * the packaged service started by the integration tests both find it) and the MicroProfile JWT properties an
 * operator would set. Global, so every test shares one service start.
 */
public class TestIdentityProvider implements QuarkusTestResourceLifecycleManager {

    public static final Path KEYS = Path.of("target", "test-idp");

    @Override
    public Map<String, String> start() {
        try {
            MintToken.generateKeys(KEYS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "mp.jwt.verify.publickey.location", KEYS.resolve("public-key.pem").toAbsolutePath().toUri().toString(),
                "mp.jwt.verify.issuer", MintToken.ISSUER,
                "mp.jwt.verify.audiences", MintToken.AUDIENCE);
    }

    @Override
    public void stop() {
        // the keys stay in target/ for a look after the run; the next run replaces them
    }

    /** A clinician's token: the {@code assessment} group, valid for the next five minutes. */
    public static String clinician() {
        return token(MintToken.ISSUER, MintToken.AUDIENCE, List.of("assessment"), Instant.now(), Duration.ofMinutes(5));
    }

    public static String token(String issuer, String audience, List<String> groups, Instant issuedAt, Duration life) {
        try {
            return MintToken.token(KEYS, issuer, audience, groups, issuedAt, issuedAt.plus(life));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
