package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dermatome; saddle is the perineal (S3-S5) area. */
@Schema(description = "A dermatome; saddle is the perineal (S3-S5) area.")
public enum Dermatome implements WireCode {
    L2("l2"),
    L3("l3"),
    L4("l4"),
    L5("l5"),
    S1("s1"),
    S2("s2"),
    SADDLE("saddle");

    private final String code;

    Dermatome(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
