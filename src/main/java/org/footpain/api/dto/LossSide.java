package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The side of a sensory loss. */
@Schema(description = "The side of a sensory loss.")
public enum LossSide implements WireCode {
    LEFT("left"),
    RIGHT("right"),
    BILATERAL("bilateral");

    private final String code;

    LossSide(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
