package org.footpain.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A local identity provider for trying the packaged service: makes an RSA key pair and signs RS256 bearer tokens
 * the service accepts when pointed at the public key. JDK only, so it runs as a single source file:
 *
 * <pre>
 * java src/test/java/org/footpain/tools/MintToken.java keys local-idp
 * java src/test/java/org/footpain/tools/MintToken.java token local-idp          # prints a token valid one hour
 * </pre>
 *
 * then start the service with {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION=local-idp/public-key.pem
 * MP_JWT_VERIFY_ISSUER=https://idp.local MP_JWT_VERIFY_AUDIENCES=footpain-assessment}. The tests use it too.
 */
public final class MintToken {

    public static final String ISSUER = "https://idp.local";
    public static final String AUDIENCE = "footpain-assessment";

    private MintToken() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length == 2 && args[0].equals("keys")) {
            generateKeys(Path.of(args[1]));
            System.out.println("wrote " + Path.of(args[1]).resolve("private-key.pem") + " and "
                    + Path.of(args[1]).resolve("public-key.pem"));
        } else if (args.length == 2 && args[0].equals("token")) {
            Instant now = Instant.now();
            System.out.println(token(Path.of(args[1]), ISSUER, AUDIENCE, List.of("assessment"), now,
                    now.plusSeconds(3600)));
        } else {
            System.err.println("usage: MintToken keys DIR | MintToken token DIR");
            System.exit(2);
        }
    }

    /** Writes {@code private-key.pem} (PKCS#8) and {@code public-key.pem} (X.509) into {@code dir}. */
    public static void generateKeys(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("private-key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("public-key.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    /** An RS256 token signed with {@code dir/private-key.pem}. */
    public static String token(Path dir, String issuer, String audience, List<String> groups, Instant issuedAt,
                               Instant expiresAt) throws IOException, GeneralSecurityException {
        String groupsJson = groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",", "[", "]"));
        String payload = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"local-clinician\","
                + "\"upn\":\"local-clinician\",\"groups\":" + groupsJson + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        return sign(privateKey(dir), "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payload);
    }

    public static String sign(PrivateKey key, String header, String payload) throws GeneralSecurityException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(signature.sign());
    }

    public static PrivateKey privateKey(Path dir) throws IOException, GeneralSecurityException {
        String pem = Files.readString(dir.resolve("private-key.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
