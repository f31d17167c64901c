package org.footpain.cdshooks;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Signing keys the tests make for themselves: the trusted EHR's ES384 and RS384 keys (published in its JWKS
 * file) and a stranger's key that no configuration trusts. Private keys are kept as JWK files beside the JWKS.
 */
final class EhrKeys {

    static final String ES384 = "ehr-es384";
    static final String RS384 = "ehr-rs384";
    static final String STRANGER = "stranger-es384";

    private EhrKeys() {
    }

    /** Makes the keys in {@code dir} and writes the trusted EHR's JWKS to {@code dir/jwks.json}. */
    static void generate(Path dir) {
        try {
            PublicJsonWebKey es = jwk(ec(), ES384, "ES384");
            PublicJsonWebKey rs = jwk(rsa(), RS384, "RS384");
            PublicJsonWebKey stranger = jwk(ec(), STRANGER, "ES384");
            for (PublicJsonWebKey key : List.of(es, rs, stranger)) {
                Files.writeString(dir.resolve(key.getKeyId() + ".jwk.json"),
                        key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            }
            writeJwks(dir.resolve("jwks.json"), List.of(es, rs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeJwks(Path file, List<PublicJsonWebKey> keys) throws IOException {
        List<JsonWebKey> published = new ArrayList<>();
        for (PublicJsonWebKey key : keys) {
            try {
                published.add(PublicJsonWebKey.Factory.newPublicJwk(
                        key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }
        Files.writeString(file, new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    static PublicJsonWebKey jwk(KeyPair pair, String kid, String alg) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setPrivateKey(pair.getPrivate());
            jwk.setKeyId(kid);
            jwk.setAlgorithm(alg);
            jwk.setUse("sig");
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey(Path dir, String kid) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(Files.readString(dir.resolve(kid + ".jwk.json")))
                    .getPrivateKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
