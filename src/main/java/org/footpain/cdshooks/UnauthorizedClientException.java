package org.footpain.cdshooks;

/** The hook call does not carry a token this service accepts; answered 401. */
public class UnauthorizedClientException extends RuntimeException {
    public UnauthorizedClientException(String message) {
        super(message, null, false, false);
    }
}
