package org.footpain.cdshooks;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the CDS Hooks tests run against, set up before the service starts: a trusted EHR with keys made for the
 * run (its JWKS as a file: URI), a stub FHIR server that is also the service's outbound proxy, and a browser
 * sandbox origin for CORS. Global, so every test shares one service start.
 */
public class CdsHooksEnvironment implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://ehr.example.org";
    static final String BASE_URL = "https://cds.example.org/cds-services";
    /** The FHIR server named by the specification's own example request. */
    static final String SPEC_FHIR_SERVER = "http://hooks.smarthealthit.org:9080";
    static final String SANDBOX_ORIGIN = "https://sandbox.cds-hooks.org";

    private StubFhirServer stub;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("cds-hooks-test");
            EhrKeys.generate(dir);
            stub = StubFhirServer.start();
            return Map.of(
                    "cds-hooks.base-url", BASE_URL,
                    "cds-hooks.trusted-issuers[0].iss", ISSUER,
                    "cds-hooks.trusted-issuers[0].jwks-uri", dir.resolve("jwks.json").toUri().toString(),
                    "cds-hooks.trusted-issuers[0].fhir-servers", stub.base() + "," + SPEC_FHIR_SERVER,
                    "cds-hooks.fhir-client.proxy", "localhost:" + stub.port(),
                    "quarkus.http.cors.origins", SANDBOX_ORIGIN,
                    "cds-test.keys", dir.toString(),
                    "cds-test.stub-fhir", stub.base());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.stop();
        }
    }
}
