package org.footpain.cdshooks;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.build.JwtSignatureBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The tokens an EHR signs for a hook call, made fresh by each test: by default ES384 with the trusted EHR's key,
 * addressed to the service, issued now, valid five minutes, with a new jti. Each refusal case changes one thing.
 */
final class EhrTokens {

    private final Path keys;
    private String issuer = CdsHooksEnvironment.ISSUER;
    private String audience;
    private String kid = EhrKeys.ES384;
    private String signingKid = EhrKeys.ES384;
    private SignatureAlgorithm algorithm = SignatureAlgorithm.ES384;
    private Instant issuedAt = Instant.now();
    private Instant expiresAt = Instant.now().plusSeconds(300);
    private String jti = UUID.randomUUID().toString();
    private String jku;

    private EhrTokens(Path keys, String audience) {
        this.keys = keys;
        this.audience = audience;
    }

    /** A token for the service with this id (or for {@code id/feedback}). */
    static EhrTokens forService(Path keys, String id) {
        return new EhrTokens(keys, CdsHooksEnvironment.BASE_URL + "/" + id);
    }

    EhrTokens issuer(String value) {
        issuer = value;
        return this;
    }

    EhrTokens audience(String value) {
        audience = value;
        return this;
    }

    /** Signs with another key; the header names it unless {@link #namingKid} says otherwise. */
    EhrTokens signedWith(String keyId, SignatureAlgorithm alg) {
        signingKid = keyId;
        kid = keyId;
        algorithm = alg;
        return this;
    }

    EhrTokens namingKid(String value) {
        kid = value;
        return this;
    }

    EhrTokens issuedAt(Instant value) {
        issuedAt = value;
        return this;
    }

    EhrTokens expiresAt(Instant value) {
        expiresAt = value;
        return this;
    }

    EhrTokens jti(String value) {
        jti = value;
        return this;
    }

    EhrTokens jku(String value) {
        jku = value;
        return this;
    }

    String sign() {
        JwtSignatureBuilder builder = claims().jws().algorithm(algorithm).header("typ", "JWT");
        if (kid != null) {
            builder = builder.keyId(kid);
        }
        if (jku != null) {
            builder = builder.header("jku", jku);
        }
        PrivateKey key = EhrKeys.privateKey(keys, signingKid);
        return builder.sign(key);
    }

    /** Signed with a shared secret (HS256), which CDS Hooks forbids. */
    String signWithSecret(String secret) {
        return claims().jws().algorithm(SignatureAlgorithm.HS256).keyId(kid).header("typ", "JWT")
                .signWithSecret(secret);
    }

    /** Not signed at all: {@code alg: none}. */
    String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String payload = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"jti\":\"" + jti + "\"}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private JwtClaimsBuilder claims() {
        return Jwt.claims().issuer(issuer).audience(audience).issuedAt(issuedAt).expiresAt(expiresAt)
                .claim("jti", jti).claim("tenant", "2ddd6c3a-8e9a-44c6-a305-52111ad302a2");
    }
}
