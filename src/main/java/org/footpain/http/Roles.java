package org.footpain.http;

/** The role the assessment endpoints require, from the token's groups claim. */
public final class Roles {

    public static final String ASSESSMENT = "assessment";
    /** The OpenAPI security scheme of the service's own bearer tokens. */
    public static final String SECURITY_SCHEME = "bearer-jwt";

    private Roles() {
    }
}
