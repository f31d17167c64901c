package org.footpain.http;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Secure by default: the packaged service does not start until the operator has said whose tokens to trust.
 * Dev mode (which disables authentication) and the tests build without this check.
 */
@IfBuildProfile("prod")
@ApplicationScoped
public class AuthenticationRequired {

    void check(@Observes StartupEvent start,
               @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
               @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
               @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
               @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<List<String>> audiences) {
        List<String> missing = new ArrayList<>();
        if (location.filter(s -> !s.isBlank()).isEmpty() && key.filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION): the identity "
                    + "provider's JWKS URL, or a PEM or JWKS file");
        }
        if (issuer.filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER): the iss of its tokens");
        }
        if (audiences.filter(a -> !a.isEmpty()).isEmpty()) {
            missing.add("mp.jwt.verify.audiences (MP_JWT_VERIFY_AUDIENCES): the aud its tokens carry for this service");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Authentication of /v1/assessments and /v1/fhir/assessments is not "
                    + "configured. Set " + String.join("; ", missing) + ". See the README, section Security. "
                    + "(./mvnw quarkus:dev runs without authentication for local trials.)");
        }
    }
}
