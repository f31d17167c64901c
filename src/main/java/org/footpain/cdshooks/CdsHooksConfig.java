package org.footpain.cdshooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an operator sets for CDS Hooks without rebuilding (environment variables or
 * {@code config/application.properties}); the README lists every key.
 */
@ConfigMapping(prefix = "cds-hooks")
public interface CdsHooksConfig {

    /**
     * The public URL of the discovery endpoint, as EHRs call it; each service is {@code base-url/{id}}, and a
     * token's {@code aud} must equal that URL. Behind a proxy this is the outside address, not the pod's.
     */
    @WithDefault("http://localhost:8080/cds-services")
    String baseUrl();

    /** The EHRs whose signed tokens are accepted. None by default: every hook call is refused until one is set. */
    List<TrustedIssuer> trustedIssuers();

    FhirClient fhirClient();

    /** Bounds the memory of the replay guard; a token beyond it is refused rather than remembered. */
    @WithDefault("100000")
    int maxRememberedTokenIds();

    interface TrustedIssuer {
        /** The {@code iss} the EHR puts in its tokens. */
        String iss();

        /** Where its JSON Web Key Set is: https:, or file: for keys an operator places beside the service. */
        URI jwksUri();

        /** The FHIR servers of this EHR the service may read from with the token the EHR passes; none by default. */
        Optional<List<String>> fhirServers();
    }

    interface FhirClient {
        /** The longest a read from an EHR's FHIR server may take, each page. */
        @WithDefault("PT5S")
        Duration timeout();

        /** An HTTP proxy (host:port) for reads from FHIR servers and JWKS fetches, where egress goes through one. */
        Optional<String> proxy();

        /** Search result pages followed per prefetch key before the data is called incomplete. */
        @WithDefault("10")
        int maxPages();
    }
}
