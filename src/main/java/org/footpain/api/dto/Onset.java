package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the symptoms began. */
@Schema(description = "How the symptoms began.")
public enum Onset implements WireCode {
    SUDDEN("sudden"),
    GRADUAL("gradual");

    private final String code;

    Onset(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
