package org.footpain.cdshooks;

/** The data the service needs could be had neither from the prefetch nor from the FHIR server; answered 412. */
public class PreconditionFailedException extends RuntimeException {
    public PreconditionFailedException(String message) {
        super(message, null, false, false);
    }
}
