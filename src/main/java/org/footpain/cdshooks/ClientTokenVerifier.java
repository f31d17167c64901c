package org.footpain.cdshooks;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.footpain.http.JsonLog;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates the EHR behind a hook call as CDS Hooks 2.0 requires: a JWT signed with ES384 or RS384 by a key
 * of a trusted issuer (found by {@code kid}; a {@code jku} is honoured only when it is that issuer's configured key
 * set), addressed to the URL being invoked, within its {@code exp} and {@code iat} give or take 60 seconds, and
 * never seen before. SmallRye JWT checks signature, algorithm, issuer, audience and expiry; the rest is here.
 */
@ApplicationScoped
public class ClientTokenVerifier {

    static final int CLOCK_SKEW_SECONDS = 60;
    /** CDS Hooks tokens are minted per call; an hour is generous and bounds how long a token id is remembered. */
    static final long MAX_LIFETIME_SECONDS = 3600;
    private static final Set<String> ALGORITHMS = Set.of("ES384", "RS384");
    private static final JsonLog LOG = JsonLog.of("cds-hooks");

    /** A trusted EHR and the FHIR servers it may send this service to. */
    record Issuer(String iss, IssuerKeys keys, List<String> fhirServers) {
    }

    /** The EHR that signed the call. */
    public record VerifiedClient(String issuer, List<String> fhirServers) {
        public VerifiedClient {
            fhirServers = List.copyOf(fhirServers);
        }
    }

    private final Map<String, Issuer> issuers = new LinkedHashMap<>();
    private final ReplayGuard replay;
    private final Clock clock;

    @Inject
    public ClientTokenVerifier(CdsHooksConfig config) {
        this(config, Clock.systemUTC());
    }

    ClientTokenVerifier(CdsHooksConfig config, Clock clock) {
        this.clock = clock;
        OutboundHttp http = new OutboundHttp(config.fhirClient().timeout(), config.fhirClient().proxy());
        for (CdsHooksConfig.TrustedIssuer trusted : config.trustedIssuers()) {
            issuers.put(trusted.iss(), new Issuer(trusted.iss(),
                    new IssuerKeys(trusted.iss(), trusted.jwksUri(), http, clock),
                    trusted.fhirServers().orElse(List.of()).stream().map(ChartReader::normalise).toList()));
        }
        this.replay = new ReplayGuard(config.maxRememberedTokenIds());
    }

    /**
     * @param authorization the Authorization header, if any
     * @param audience      the URL of the endpoint being invoked, as the EHR knows it
     */
    public VerifiedClient verify(Optional<String> authorization, String audience) {
        String token = authorization.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim()).filter(t -> !t.isEmpty())
                .orElseThrow(() -> refuse("missing", "a Bearer token signed by the EHR is required"));
        JsonWebSignature jws;
        JwtClaims unverified;
        try {
            if (!(JsonWebStructure.fromCompactSerialization(token) instanceof JsonWebSignature signature)) {
                throw refuse("malformed", "the token is not a signed JWT");
            }
            jws = signature;
            unverified = JwtClaims.parse(jws.getUnverifiedPayload());
        } catch (JoseException | InvalidJwtException | RuntimeException e) {
            if (e instanceof UnauthorizedClientException refused) {
                throw refused;
            }
            throw refuse("malformed", "the token is not a signed JWT");
        }
        String alg = header(jws, "alg").orElse("");
        if (!ALGORITHMS.contains(alg)) {
            throw refuse("algorithm", "the token must be signed with ES384 or RS384");
        }
        String iss = claim(unverified, "iss");
        Issuer issuer = issuers.get(iss);
        if (issuer == null) {
            throw refuse("issuer", "the token's issuer is not trusted by this service");
        }
        Optional<String> jku = header(jws, "jku");
        if (jku.isPresent() && !jku.get().equals(issuer.keys().location().toString())) {
            throw refuse("jku", "the token's jku is not the key set configured for its issuer");
        }
        String kid = header(jws, "kid").orElseThrow(() -> refuse("kid", "the token names no key (kid)"));
        IssuerKeys.Key key = issuer.keys().find(kid)
                .orElseThrow(() -> refuse("kid", "the token's key is not in its issuer's key set"));
        if (key.algorithm().isPresent() && !key.algorithm().get().equals(alg)) {
            throw refuse("algorithm", "the token's algorithm is not the one its key is for");
        }
        JsonWebToken verified;
        try {
            verified = new DefaultJWTParser(context(iss, audience, alg)).verify(token, key.publicKey());
        } catch (ParseException e) {
            throw why(e);
        }
        Instant now = clock.instant();
        if (verified.getIssuedAtTime() > now.getEpochSecond() + CLOCK_SKEW_SECONDS) {
            throw refuse("iat", "the token was issued in the future");
        }
        // the replay guard must remember a token id until the token expires: long-lived tokens are not accepted
        if (verified.getExpirationTime() > now.getEpochSecond() + MAX_LIFETIME_SECONDS) {
            throw refuse("lifetime", "the token expires more than " + MAX_LIFETIME_SECONDS / 60
                    + " minutes from now; hook tokens are short-lived");
        }
        String jti = verified.getTokenID();
        Instant acceptableUntil = Instant.ofEpochSecond(verified.getExpirationTime()).plusSeconds(CLOCK_SKEW_SECONDS);
        if (jti == null || jti.isBlank() || !replay.firstUse(iss, jti, acceptableUntil, now)) {
            throw refuse("replay", "the token has been used before");
        }
        return new VerifiedClient(iss, issuer.fhirServers());
    }

    private static JWTAuthContextInfo context(String iss, String audience, String alg) {
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setIssuedBy(iss);
        context.setExpectedAudience(Set.of(audience));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.fromAlgorithm(alg)));
        context.setClockSkew(CLOCK_SKEW_SECONDS);
        context.setRequiredClaims(Set.of("jti", "iat", "exp"));
        // CDS Hooks tokens name the EHR, not a user: no subject is required
        context.setRequireNamedPrincipal(false);
        return context;
    }

    /** Names what failed, from jose4j's error codes under SmallRye's exception. */
    private static UnauthorizedClientException why(ParseException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return refuse("expired", "the token has expired");
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return refuse("audience", "the token's audience is not the URL of this service");
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
                    return refuse("signature", "the token's signature does not verify");
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING) || invalid.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)
                        || invalid.hasErrorCode(ErrorCodes.JWT_ID_MISSING)) {
                    return refuse("claims", "the token lacks iat, exp or jti");
                }
            }
        }
        return refuse("invalid", "the token does not verify");
    }

    /** A JOSE header that must be a string when present; anything else is a malformed token, not a crash. */
    private static Optional<String> header(JsonWebSignature jws, String name) {
        Object value = jws.getHeaders().getObjectHeaderValue(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw refuse("malformed", "the token's " + name + " header is not a string");
    }

    private static String claim(JwtClaims claims, String name) {
        try {
            String value = claims.getStringClaimValue(name);
            return value == null ? "" : value;
        } catch (MalformedClaimException e) {
            return "";
        }
    }

    private static UnauthorizedClientException refuse(String reason, String message) {
        // the reason code only: a token's claims are not logged
        LOG.info("token-refused", java.util.Map.of("reason", reason));
        return new UnauthorizedClientException(message);
    }
}
