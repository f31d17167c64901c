package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The leg or legs with symptoms. */
@Schema(description = "The leg or legs with symptoms.")
public enum SymptomSide implements WireCode {
    LEFT("left"),
    RIGHT("right"),
    BILATERAL("bilateral");

    private final String code;

    SymptomSide(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
