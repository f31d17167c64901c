package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Heel or toe walking on one leg. */
@Schema(description = "Heel or toe walking on one leg.")
public enum WalkResult implements WireCode {
    NORMAL("normal"),
    IMPAIRED("impaired"),
    UNABLE("unable");

    private final String code;

    WalkResult(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
