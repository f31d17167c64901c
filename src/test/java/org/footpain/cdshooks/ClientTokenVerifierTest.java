package org.footpain.cdshooks;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EHR's token, as CDS Hooks 2.0 requires it, checked without starting the service: every way a token can be
 * wrong is refused, and a good one is accepted exactly once.
 */
class ClientTokenVerifierTest {

    private static final String SERVICE = "foot-leg-pain-assessment";
    private static final String AUDIENCE = CdsHooksEnvironment.BASE_URL + "/" + SERVICE;

    @TempDir
    Path keys;
    private MovableClock clock;
    private ClientTokenVerifier verifier;

    @BeforeEach
    void trustTheEhr() {
        EhrKeys.generate(keys);
        clock = new MovableClock(Instant.now());
        verifier = new ClientTokenVerifier(config(keys.resolve("jwks.json").toUri()), clock);
    }

    private EhrTokens token() {
        return EhrTokens.forService(keys, SERVICE);
    }

    private ClientTokenVerifier.VerifiedClient verify(String token) {
        return verifier.verify(Optional.of("Bearer " + token), AUDIENCE);
    }

    private void refused(String token, String why) {
        UnauthorizedClientException refusal = assertThrows(UnauthorizedClientException.class, () -> verify(token));
        assertTrue(refusal.getMessage().contains(why), () -> "refused, but because " + refusal.getMessage());
    }

    private void accepted(String token) {
        assertEquals(CdsHooksEnvironment.ISSUER, verify(token).issuer());
    }

    @Test
    void an_es384_token_from_the_trusted_ehr_is_accepted_with_its_fhir_servers() {
        ClientTokenVerifier.VerifiedClient client = verify(token().sign());
        assertEquals(CdsHooksEnvironment.ISSUER, client.issuer());
        assertEquals(List.of("https://ehr.example.org/fhir"), client.fhirServers());
    }

    @Test
    void an_rs384_token_is_accepted() {
        accepted(token().signedWith(EhrKeys.RS384, SignatureAlgorithm.RS384).sign());
    }

    @Test
    void a_call_without_a_bearer_token_is_refused() {
        assertThrows(UnauthorizedClientException.class, () -> verifier.verify(Optional.empty(), AUDIENCE));
        assertThrows(UnauthorizedClientException.class,
                () -> verifier.verify(Optional.of("Basic dXNlcjpwYXNz"), AUDIENCE));
        refused("not-a-jwt", "not a signed JWT");
    }

    @Test
    void an_unsigned_token_is_refused() {
        refused(token().unsigned(), "ES384 or RS384");
    }

    @Test
    void a_token_signed_with_a_shared_secret_is_refused() {
        refused(token().signWithSecret("a-shared-secret-that-is-long-enough-for-hs256-0123456789"), "ES384 or RS384");
    }

    @Test
    void a_token_from_an_issuer_nobody_trusts_is_refused() {
        refused(token().issuer("https://stranger.example.com").signedWith(EhrKeys.STRANGER, SignatureAlgorithm.ES384)
                .sign(), "issuer is not trusted");
    }

    @Test
    void a_token_claiming_the_trusted_issuer_but_signed_by_another_key_is_refused() {
        refused(token().signedWith(EhrKeys.STRANGER, SignatureAlgorithm.ES384).namingKid(EhrKeys.ES384).sign(),
                "signature");
        refused(token().signedWith(EhrKeys.STRANGER, SignatureAlgorithm.ES384).sign(), "not in its issuer's key set");
    }

    @Test
    void a_token_without_a_key_id_is_refused() {
        refused(token().namingKid(null).sign(), "names no key");
    }

    @Test
    void a_token_using_another_algorithm_than_its_key_is_refused() {
        refused(token().signedWith(EhrKeys.RS384, SignatureAlgorithm.RS384).namingKid(EhrKeys.ES384).sign(),
                "algorithm");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        refused(token().audience(CdsHooksEnvironment.BASE_URL + "/lumbar-imaging-appropriateness").sign(), "audience");
        refused(token().audience("https://elsewhere.example.org/cds-services/" + SERVICE).sign(), "audience");
    }

    @Test
    void an_expired_token_is_refused_after_sixty_seconds_of_grace() {
        refused(token().issuedAt(Instant.now().minusSeconds(600)).expiresAt(Instant.now().minusSeconds(90)).sign(),
                "expired");
        accepted(token().issuedAt(Instant.now().minusSeconds(600)).expiresAt(Instant.now().minusSeconds(30)).sign());
    }

    @Test
    void a_token_issued_in_the_future_is_refused_beyond_sixty_seconds() {
        refused(token().issuedAt(Instant.now().plusSeconds(120)).expiresAt(Instant.now().plusSeconds(400)).sign(),
                "future");
        accepted(token().issuedAt(Instant.now().plusSeconds(30)).sign());
    }

    @Test
    void a_token_is_accepted_once_and_its_replay_refused() {
        String token = token().sign();
        verify(token);
        refused(token, "used before");
    }

    @Test
    void two_tokens_with_the_same_jti_count_as_a_replay() {
        verify(token().jti("same-jti").sign());
        refused(token().jti("same-jti").sign(), "used before");
    }

    @Test
    void a_jku_header_is_honoured_only_when_it_is_the_configured_key_set() {
        refused(token().jku("https://attacker.example.com/jwks.json").sign(), "jku");
        accepted(token().jku(keys.resolve("jwks.json").toUri().toString()).sign());
    }

    @Test
    void a_rotated_key_is_fetched_on_first_sight_but_key_sets_are_refetched_at_most_once_a_minute()
            throws IOException {
        verify(token().sign()); // the key set is loaded
        addKey("rotated-1");
        accepted(token().signedWith("rotated-1", SignatureAlgorithm.ES384).sign()); // an unknown kid refetches
        addKey("rotated-2");
        refused(token().signedWith("rotated-2", SignatureAlgorithm.ES384).sign(), "not in its issuer's key set");
        clock.advance(Duration.ofSeconds(61));
        accepted(token().signedWith("rotated-2", SignatureAlgorithm.ES384).sign()); // a minute later it may again
    }

    @Test
    void an_unreadable_key_set_refuses_every_token() {
        ClientTokenVerifier broken = new ClientTokenVerifier(config(keys.resolve("missing.json").toUri()), clock);
        assertThrows(UnauthorizedClientException.class,
                () -> broken.verify(Optional.of("Bearer " + token().sign()), AUDIENCE));
    }

    private void addKey(String kid) throws IOException {
        PublicJsonWebKey added = EhrKeys.jwk(EhrKeys.ec(), kid, "ES384");
        Files.writeString(keys.resolve(kid + ".jwk.json"),
                added.toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        try {
            EhrKeys.writeJwks(keys.resolve("jwks.json"), List.of(
                    PublicJsonWebKey.Factory.newPublicJwk(Files.readString(keys.resolve(EhrKeys.ES384 + ".jwk.json"))),
                    added));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CdsHooksConfig config(URI jwks) {
        return new CdsHooksConfig() {
            @Override
            public String baseUrl() {
                return CdsHooksEnvironment.BASE_URL;
            }

            @Override
            public List<TrustedIssuer> trustedIssuers() {
                return List.of(new TrustedIssuer() {
                    @Override
                    public String iss() {
                        return CdsHooksEnvironment.ISSUER;
                    }

                    @Override
                    public URI jwksUri() {
                        return jwks;
                    }

                    @Override
                    public Optional<List<String>> fhirServers() {
                        return Optional.of(List.of("https://ehr.example.org/fhir/"));
                    }
                });
            }

            @Override
            public FhirClient fhirClient() {
                return new FhirClient() {
                    @Override
                    public Duration timeout() {
                        return Duration.ofSeconds(2);
                    }

                    @Override
                    public Optional<String> proxy() {
                        return Optional.empty();
                    }

                    @Override
                    public int maxPages() {
                        return 3;
                    }
                };
            }

            @Override
            public int maxRememberedTokenIds() {
                return 1000;
            }
        };
    }

    /** A clock the test moves forward, for the once-a-minute refetch. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
