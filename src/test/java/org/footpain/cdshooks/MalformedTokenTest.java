package org.footpain.cdshooks;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tokens anyone can forge the shape of: each is refused with a 401, never a crash of the verifier. */
class MalformedTokenTest {

    private static final String AUDIENCE = CdsHooksEnvironment.BASE_URL + "/foot-leg-pain-assessment";

    @TempDir
    Path keys;
    private ClientTokenVerifier verifier;

    @BeforeEach
    void setUp() {
        EhrKeys.generate(keys);
        verifier = new ClientTokenVerifier(config(keys.resolve("jwks.json").toUri()), Clock.systemUTC());
    }

    private void refused(String token) {
        assertThrows(UnauthorizedClientException.class, () -> verifier.verify(Optional.of("Bearer " + token), AUDIENCE));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String payload() {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"" + CdsHooksEnvironment.ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
    }

    /** Unsigned junk anyone can send: the header's alg is a number. */
    @Test
    void a_numeric_alg_header_is_a_401_not_a_class_cast() {
        refused(b64("{\"alg\":384,\"kid\":\"ehr-es384\"}") + "." + b64(payload()) + ".AAAA");
    }

    @Test
    void a_numeric_kid_header_is_a_401_not_a_class_cast() {
        refused(b64("{\"alg\":\"ES384\",\"kid\":5}") + "." + b64(payload()) + ".AAAA");
    }

    @Test
    void a_non_string_jku_header_is_a_401_not_a_class_cast() {
        refused(b64("{\"alg\":\"ES384\",\"kid\":\"ehr-es384\",\"jku\":[\"x\"]}") + "." + b64(payload()) + ".AAAA");
    }

    private String signed(JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue("ES384");
        jws.setKeyIdHeaderValue(EhrKeys.ES384);
        jws.setKey(EhrKeys.privateKey(keys, EhrKeys.ES384));
        return jws.getCompactSerialization();
    }

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(CdsHooksEnvironment.ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    /** RFC 7519 section 4.1.3: the recipient must find itself among the audiences; others may be named too. */
    @Test
    void an_audience_array_that_includes_this_service_is_accepted() throws Exception {
        JwtClaims claims = claims();
        claims.setAudience(List.of(AUDIENCE, "https://other-vendor.example.com/cds-services/x"));
        verifier.verify(Optional.of("Bearer " + signed(claims)), AUDIENCE);
    }

    @Test
    void an_audience_array_without_this_service_is_refused() throws Exception {
        JwtClaims claims = claims();
        claims.setAudience(List.of("https://other-vendor.example.com/cds-services/x"));
        refused(signed(claims));
    }

    /** A signed token whose exp lies past Instant.MAX: must be a 401, not a DateTimeException (500). */
    @Test
    void an_absurd_exp_is_a_401_not_a_date_time_exception() throws Exception {
        JwtClaims claims = claims();
        claims.setExpirationTime(NumericDate.fromSeconds(100_000_000_000_000_000L));
        refused(signed(claims));
    }

    @Test
    void a_token_living_longer_than_an_hour_is_refused() throws Exception {
        JwtClaims claims = claims();
        claims.setExpirationTimeMinutesInTheFuture(24 * 60);
        refused(signed(claims));
    }

    static CdsHooksConfig config(URI jwks) {
        return new CdsHooksConfig() {
            public String baseUrl() { return CdsHooksEnvironment.BASE_URL; }
            public List<TrustedIssuer> trustedIssuers() {
                return List.of(new TrustedIssuer() {
                    public String iss() { return CdsHooksEnvironment.ISSUER; }
                    public URI jwksUri() { return jwks; }
                    public Optional<List<String>> fhirServers() { return Optional.of(List.of("https://ehr.example.org/fhir")); }
                });
            }
            public FhirClient fhirClient() {
                return new FhirClient() {
                    public Duration timeout() { return Duration.ofSeconds(2); }
                    public Optional<String> proxy() { return Optional.empty(); }
                    public int maxPages() { return 3; }
                };
            }
            public int maxRememberedTokenIds() { return 1000; }
        };
    }
}
