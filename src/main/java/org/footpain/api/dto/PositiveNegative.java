package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of a provocation test on one side. */
@Schema(description = "The result of a provocation test on one side.")
public enum PositiveNegative implements WireCode {
    POSITIVE("positive"),
    NEGATIVE("negative");

    private final String code;

    PositiveNegative(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
