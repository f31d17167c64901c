package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pedal pulse on one foot. */
@Schema(description = "A pedal pulse on one foot.")
public enum PulseGrade implements WireCode {
    NORMAL("normal"),
    DIMINISHED("diminished"),
    ABSENT("absent");

    private final String code;

    PulseGrade(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
